package fr.communitydefender.domain.room;

import fr.communitydefender.domain.incident.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An incident's room as the room stage last left it (compacted topic, keyed by incident id): the incident's title,
 * severity and status, the crisis roles ({@code lead}, {@code drafter}, {@code approver}, {@code liaison} → user
 * name), the attached mentions, the drafts' summaries, and the head of its main courante ({@code seq} entries, the
 * last one's {@code head} hash).
 */
public record RoomState(String incidentId, String title, String watchId, Severity severity, String status,
    Map<String, String> roles, List<String> attached, List<DraftSummary> drafts, long seq, String head,
    Instant updatedAt) {

  public RoomState {
    roles = roles == null ? Map.of() : Map.copyOf(roles);
    attached = attached == null ? List.of() : List.copyOf(attached);
    drafts = drafts == null ? List.of() : List.copyOf(drafts);
  }

  public static RoomState empty(String incidentId) {
    return new RoomState(incidentId, null, null, Severity.MEDIUM, "open", Map.of(), List.of(), List.of(), 0,
        null, null);
  }

  /** One line per draft (the whole draft, with its versions, is on the drafts topic). */
  public record DraftSummary(String id, String kind, String channel, String title, Draft.State state,
      int latest, Instant updatedAt) {}
}
