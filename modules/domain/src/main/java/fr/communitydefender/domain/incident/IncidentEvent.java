package fr.communitydefender.domain.incident;

import java.time.Instant;

/** One change in an incident's life, as published on the incidents topic (keyed by incident id). */
public record IncidentEvent(Type type, Instant at, Incident incident) {
  public enum Type { OPENED, UPDATED, ACKNOWLEDGED, RESOLVED, REOPENED }

  public IncidentEvent {
    if (type == null || at == null || incident == null) {
      throw new IllegalArgumentException("type, at and incident are required");
    }
  }
}
