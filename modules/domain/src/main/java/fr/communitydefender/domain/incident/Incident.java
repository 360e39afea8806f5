package fr.communitydefender.domain.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;

/**
 * The state of one incident: a rule firing on a watch. Times are event times. {@code reason} explains, in words, why it
 * fired (the figures against the rule).
 */
public record Incident(
    String id,
    String ruleId,
    String watchId,
    Severity severity,
    String title,
    Status status,
    Instant openedAt,
    Instant lastFiringAt,
    Instant resolvedAt,
    long currentCount,
    long peakCount,
    long threshold,
    Duration window,
    String reason) {

  public enum Status { OPEN, RESOLVED }

  public Incident {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id: required");
    }
    if (ruleId == null || watchId == null || severity == null || status == null || openedAt == null) {
      throw new IllegalArgumentException("ruleId, watchId, severity, status and openedAt are required");
    }
    if (status == Status.RESOLVED && resolvedAt == null) {
      throw new IllegalArgumentException("resolvedAt: required when resolved");
    }
  }

  @JsonIgnore
  public boolean isOpen() {
    return status == Status.OPEN;
  }

  public Incident firing(Instant at, long count, String newReason) {
    Instant last = lastFiringAt == null || at.isAfter(lastFiringAt) ? at : lastFiringAt;
    return new Incident(id, ruleId, watchId, severity, title, status, openedAt, last, null, count,
        Math.max(peakCount, count), threshold, window, newReason);
  }

  public Incident resolved(Instant at, String newReason) {
    return new Incident(id, ruleId, watchId, severity, title, Status.RESOLVED, openedAt, lastFiringAt, at,
        currentCount, peakCount, threshold, window, newReason);
  }
}
