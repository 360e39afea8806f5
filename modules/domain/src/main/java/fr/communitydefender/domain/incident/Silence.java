package fr.communitydefender.domain.incident;

import java.time.Duration;
import java.time.Instant;

/**
 * A decision to not be paged for a watch (or every watch, {@code *}) and optionally one rule, until {@code expiresAt}
 * (wall clock): incidents it matches are still recorded, marked with the silence, but do not notify. Created and
 * ended by a person, with a reason; every version is kept on the silences topic (keyed by silence id) and audited.
 */
public record Silence(String id, String watch, String rule, String createdBy, String reason, Instant createdAt,
    Instant expiresAt) {
  public static final Duration MAX = Duration.ofDays(30);

  public Silence {
    if (id == null || id.isBlank() || watch == null || watch.isBlank() || createdAt == null || expiresAt == null) {
      throw new IllegalArgumentException("id, watch, createdAt and expiresAt are required");
    }
    if (createdBy == null || createdBy.isBlank() || createdBy.length() > 100) {
      throw new IllegalArgumentException("by: required, at most 100 characters");
    }
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw new IllegalArgumentException("reason: required, at most 500 characters");
    }
    if (expiresAt.isBefore(createdAt) || Duration.between(createdAt, expiresAt).compareTo(MAX) > 0) {
      throw new IllegalArgumentException("expiresAt: between now and 30 days from now");
    }
    rule = rule == null || rule.isBlank() ? "*" : rule;
  }

  public boolean activeAt(Instant at) {
    return !at.isBefore(createdAt) && at.isBefore(expiresAt);
  }

  public boolean matches(String watchId, String ruleId) {
    return ("*".equals(watch) || watch.equals(watchId)) && ("*".equals(rule) || rule.equals(ruleId));
  }

  public Silence endedAt(Instant at) {
    return new Silence(id, watch, rule, createdBy, reason, createdAt, at.isBefore(createdAt) ? createdAt : at);
  }
}
