package fr.communitydefender.domain.incident;

import java.time.Instant;

/**
 * A person's decision about an incident, sent to alerting (which owns incident state) on the commands topic, keyed
 * by watch id like the signals, so the instance holding the watch applies it. {@code by}: who (a console user name,
 * never a citizen's handle), {@code comment}: what they add (optional).
 */
public record IncidentCommand(Type type, String watchId, String incidentId, String by, Instant at, String comment) {
  /** ACKNOWLEDGE: someone takes an open incident; RESOLVE: someone declares an open or taken incident over. */
  public enum Type { ACKNOWLEDGE, RESOLVE }

  public IncidentCommand {
    if (type == null || watchId == null || incidentId == null || at == null) {
      throw new IllegalArgumentException("type, watchId, incidentId and at are required");
    }
    if (by == null || by.isBlank() || by.length() > 100) {
      throw new IllegalArgumentException("by: required, at most 100 characters");
    }
    if (comment != null && comment.length() > 500) {
      throw new IllegalArgumentException("comment: at most 500 characters");
    }
    comment = comment == null || comment.isBlank() ? null : comment.strip();
  }

  public IncidentCommand(Type type, String watchId, String incidentId, String by, Instant at) {
    this(type, watchId, incidentId, by, at, null);
  }
}
