package fr.communitydefender.domain.collector;

import java.time.Instant;
import java.util.Map;

/**
 * Where a live collector resumes after a restart: opaque positions by name (e.g. {@code since_id}, {@code cursor},
 * {@code etag}), written only after the mentions before them were acknowledged by Kafka.
 */
public record CollectorCursor(String collector, Map<String, String> positions, Instant at) {
  public CollectorCursor {
    if (collector == null || collector.isBlank()) {
      throw new IllegalArgumentException("collector: required");
    }
    positions = positions == null ? Map.of() : Map.copyOf(positions);
  }

  public String get(String name) {
    return positions.get(name);
  }
}
