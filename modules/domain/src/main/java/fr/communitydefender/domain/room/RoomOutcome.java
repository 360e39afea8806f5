package fr.communitydefender.domain.room;

/**
 * The room stage's answer to a command (outcomes topic, keyed by incident id): {@code status} as in HTTP (200 done,
 * 400 invalid, 403 not allowed, 404 unknown draft, 409 conflict), a message saying why, and the main courante's
 * {@code seq} of the entry written (0 when refused); {@code draftId}: the draft created or changed; {@code latest}: on
 * a stale save, the newer version to merge.
 */
public record RoomOutcome(String commandId, String incidentId, int status, String message, long seq,
    String draftId, Draft.Version latest) {
  public boolean ok() {
    return status == 200;
  }
}
