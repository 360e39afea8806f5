package fr.communitydefender.console.paging;

import fr.communitydefender.domain.paging.DeliveryAttempt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every page attempt per incident (from the attempts topic, read whole): the paging part of its timeline. */
public final class PagesView {
  private static final int MAX_PER_INCIDENT = 500;
  private final Map<String, List<DeliveryAttempt>> byIncident = new ConcurrentHashMap<>();

  public void apply(DeliveryAttempt a) {
    byIncident.compute(a.incidentId(), (k, list) -> {
      List<DeliveryAttempt> out = list == null ? new ArrayList<>() : list;
      if (out.size() < MAX_PER_INCIDENT) {
        out.add(a);
      }
      return out;
    });
  }

  public List<DeliveryAttempt> of(String incidentId) {
    List<DeliveryAttempt> list = byIncident.get(incidentId);
    return list == null ? List.of() : List.copyOf(list);
  }
}
