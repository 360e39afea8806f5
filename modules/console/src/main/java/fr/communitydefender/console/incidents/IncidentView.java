package fr.communitydefender.console.incidents;

import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentEvent;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The latest state of every incident, built from the incidents topic. Thread-safe. */
public final class IncidentView {
  private final ConcurrentHashMap<String, Incident> byId = new ConcurrentHashMap<>();

  public void apply(IncidentEvent event) {
    byId.put(event.incident().id(), event.incident());
  }

  /** Open incidents first, then most recently opened first. */
  public List<Incident> list() {
    return byId.values().stream()
        .sorted(Comparator.comparing((Incident i) -> !i.isOpen())
            .thenComparing(Incident::openedAt, Comparator.reverseOrder()))
        .toList();
  }

  public Incident get(String id) {
    return byId.get(id);
  }
}
