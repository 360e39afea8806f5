package fr.communitydefender.domain.room;

import java.time.Instant;
import java.util.List;

/**
 * A response being written for one channel: a public statement or a reply to one mention ({@code replyTo}: the
 * mention's id and, for publishing, the post's native id or URI in {@code replyToRef}). Every save is a version,
 * numbered from 1; {@code submitted}: the version under approval or approved, with its approval chain, the steps
 * done and the approvals so far. Compacted topic, keyed {@code incident/draft}.
 */
public record Draft(String id, String incidentId, String kind, String channel, String title, String replyTo,
    String replyToRef, String createdBy, Instant createdAt, List<Version> versions, List<Comment> comments,
    State state, Integer submitted, String chainId,
    fr.communitydefender.domain.incident.Severity submittedSeverity, int step, List<Approval> approvals, String rejection,
    Instant expiresAt, Instant publishAt, String publishedUrl, Integer publishedVersion, String lastError) {

  /** Where a draft stands; written in lower case. */
  public enum State {
    DRAFT, PENDING, APPROVED, REJECTED, EXPIRED, SCHEDULED, PUBLISHING, PUBLISHED;

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static State of(String v) {
      return valueOf(v.toUpperCase(java.util.Locale.ROOT));
    }
  }

  public record Version(int n, String text, String author, Instant at, String sha256) {}

  public record Comment(String author, Instant at, int version, String text) {}

  /** {@code delegated}: given under a delegation (e.g. the night on-call approver for the dircom step). */
  public record Approval(int version, int step, String actor, Instant at, boolean delegated) {}

  public Draft {
    versions = versions == null ? List.of() : List.copyOf(versions);
    comments = comments == null ? List.of() : List.copyOf(comments);
    approvals = approvals == null ? List.of() : List.copyOf(approvals);
  }

  public Version latest() {
    return versions.isEmpty() ? null : versions.get(versions.size() - 1);
  }

  public Version version(int n) {
    return n >= 1 && n <= versions.size() ? versions.get(n - 1) : null;
  }

  public Draft with(List<Version> v, List<Comment> c, State s, Integer sub, String chain,
      fr.communitydefender.domain.incident.Severity sev, int st, List<Approval> a, String rej, Instant exp,
      Instant pubAt, String url, Integer pubVersion, String error) {
    return new Draft(id, incidentId, kind, channel, title, replyTo, replyToRef, createdBy, createdAt, v, c, s, sub,
        chain, sev, st, a, rej, exp, pubAt, url, pubVersion, error);
  }
}
