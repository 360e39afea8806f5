package fr.communitydefender.console.ops;

import fr.communitydefender.domain.collector.CollectorHealth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** The collectors' latest health reports (from their compacted topic, so collectors may run in other processes). */
public final class CollectorHealthView {
  private final Map<String, CollectorHealth> latest = new ConcurrentSkipListMap<>();

  public void apply(CollectorHealth health) {
    latest.put(health.collector(), health);
  }

  public List<CollectorHealth> all() {
    return List.copyOf(latest.values());
  }
}
