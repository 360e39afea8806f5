package fr.communitydefender.domain.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;

/**
 * The state of one incident: a rule firing on a watch ({@code silencedBy}: the silence that matched when it opened or
 * reopened — recorded, not notified; {@code labels} and {@code description} come from the rule; {@code joinedRules}:
 * other rules that fired on the watch soon after and joined this incident). Times are event times. {@code reason}
 * explains, in words, why it fired (the figures against the rule); {@code ackComment} what the person who took it
 * said.
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
    String reason,
    String acknowledgedBy,
    Instant acknowledgedAt,
    String silencedBy,
    java.util.Map<String, String> labels,
    String description,
    java.util.List<String> joinedRules,
    String ackComment) {

  /** OPEN → ACKNOWLEDGED (someone took it) → RESOLVED (quiet); a relapse soon after reopens it (OPEN again). */
  public enum Status { OPEN, ACKNOWLEDGED, RESOLVED }

  /** An incident nobody has acknowledged yet. */
  public Incident(String id, String ruleId, String watchId, Severity severity, String title, Status status,
      Instant openedAt, Instant lastFiringAt, Instant resolvedAt, long currentCount, long peakCount, long threshold,
      Duration window, String reason) {
    this(id, ruleId, watchId, severity, title, status, openedAt, lastFiringAt, resolvedAt, currentCount, peakCount,
        threshold, window, reason, null, null, null, null, null, null, null);
  }

  /** Without an acknowledgement comment (older records, rules). */
  public Incident(String id, String ruleId, String watchId, Severity severity, String title, Status status,
      Instant openedAt, Instant lastFiringAt, Instant resolvedAt, long currentCount, long peakCount, long threshold,
      Duration window, String reason, String acknowledgedBy, Instant acknowledgedAt, String silencedBy,
      java.util.Map<String, String> labels, String description, java.util.List<String> joinedRules) {
    this(id, ruleId, watchId, severity, title, status, openedAt, lastFiringAt, resolvedAt, currentCount, peakCount,
        threshold, window, reason, acknowledgedBy, acknowledgedAt, silencedBy, labels, description, joinedRules, null);
  }

  /** With the rule's labels and rendered description. */
  public Incident described(java.util.Map<String, String> newLabels, String newDescription) {
    return new Incident(id, ruleId, watchId, severity, title, status, openedAt, lastFiringAt, resolvedAt,
        currentCount, peakCount, threshold, window, reason, acknowledgedBy, acknowledgedAt, silencedBy, newLabels,
        newDescription, joinedRules, ackComment);
  }

  /** Another rule fired on the same watch soon after this opened: it joins this incident instead of opening one. */
  public Incident joinedBy(String otherRule) {
    java.util.List<String> all = new java.util.ArrayList<>(joinedRules);
    if (!all.contains(otherRule)) {
      all.add(otherRule);
    }
    return new Incident(id, ruleId, watchId, severity, title, status, openedAt, lastFiringAt, resolvedAt,
        currentCount, peakCount, threshold, window, reason, acknowledgedBy, acknowledgedAt, silencedBy, labels,
        description, all);
  }

  /** Opened while a silence matched: recorded, not notified. */
  public Incident silenced(String silenceId) {
    return new Incident(id, ruleId, watchId, severity, title, status, openedAt, lastFiringAt, resolvedAt,
        currentCount, peakCount, threshold, window, reason, acknowledgedBy, acknowledgedAt, silenceId, labels,
        description, joinedRules, ackComment);
  }

  public Incident {
    labels = labels == null ? java.util.Map.of() : java.util.Map.copyOf(labels);
    joinedRules = joinedRules == null ? java.util.List.of() : java.util.List.copyOf(joinedRules);
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

  /** Not resolved: open or acknowledged. */
  @JsonIgnore
  public boolean isOpen() {
    return status != Status.RESOLVED;
  }

  public Incident acknowledged(String by, Instant at) {
    return acknowledged(by, at, null);
  }

  /** Taken by {@code by}, with what they said about it ({@code comment}, may be null). */
  public Incident acknowledged(String by, Instant at, String comment) {
    return new Incident(id, ruleId, watchId, severity, title, Status.ACKNOWLEDGED, openedAt, lastFiringAt, null,
        currentCount, peakCount, threshold, window, reason, by, at, silencedBy, labels, description, joinedRules,
        comment);
  }

  /** Fires again after resolving: open once more, unacknowledged (whoever took it may be off duty now). */
  public Incident reopened(Instant at, long count, String newReason) {
    return new Incident(id, ruleId, watchId, severity, title, Status.OPEN, openedAt, at, null, count,
        Math.max(peakCount, count), threshold, window, newReason, null, null, null, labels, description, joinedRules,
        null);
  }

  public Incident firing(Instant at, long count, String newReason) {
    Instant last = lastFiringAt == null || at.isAfter(lastFiringAt) ? at : lastFiringAt;
    return new Incident(id, ruleId, watchId, severity, title, status, openedAt, last, null, count,
        Math.max(peakCount, count), threshold, window, newReason, acknowledgedBy, acknowledgedAt, silencedBy, labels,
        description, joinedRules, ackComment);
  }

  public Incident resolved(Instant at, String newReason) {
    return new Incident(id, ruleId, watchId, severity, title, Status.RESOLVED, openedAt, lastFiringAt, at,
        currentCount, peakCount, threshold, window, newReason, acknowledgedBy, acknowledgedAt, silencedBy, labels,
        description, joinedRules, ackComment);
  }
}
