package fr.communitydefender.domain.incident;

import java.time.Instant;

/**
 * One change in an incident's life, as published on the incidents topic (keyed by incident id); {@code by}: the person
 * whose decision it is (a console user name), null when the rules decided.
 */
public record IncidentEvent(Type type, Instant at, Incident incident, String by) {
  public enum Type { OPENED, UPDATED, ACKNOWLEDGED, RESOLVED, REOPENED }

  public IncidentEvent {
    if (type == null || at == null || incident == null) {
      throw new IllegalArgumentException("type, at and incident are required");
    }
  }

  /** A change the rules decided. */
  public IncidentEvent(Type type, Instant at, Incident incident) {
    this(type, at, incident, null);
  }
}
