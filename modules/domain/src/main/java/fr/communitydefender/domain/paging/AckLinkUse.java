package fr.communitydefender.domain.paging;

import java.time.Instant;

/**
 * An acknowledgement link that was used, keyed by {@link #key(AckToken)} on a compacted topic: every console
 * instance, and the same one after a restart, refuses it again.
 */
public record AckLinkUse(String incidentId, String personId, String nonce, Instant at) {
  public static String key(AckToken t) {
    return t.incidentId() + "|" + t.personId() + "|" + t.nonce();
  }
}
