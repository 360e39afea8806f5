package fr.communitydefender.domain.mention;

import java.time.Instant;

/**
 * What a live source says about a mention beyond the common fields: the source's own id, the author's id, display
 * name and verified flag, the post's relation to others, when it was last edited, and the raw payload for audit
 * (capped at {@link #MAX_RAW_CHARS}). Personal data like the rest of the mention: it lives in the raw and enriched
 * topics (7 days) and is not stored in Elasticsearch, except the verified flag.
 */
public record MentionDetails(
    String nativeId,
    String authorId,
    String authorName,
    boolean verified,
    Kind kind,
    String inReplyTo,
    String repostOf,
    String quoteOf,
    Instant editedAt,
    String raw) {

  public static final int MAX_RAW_CHARS = 16_384;

  /** What the post is to others. */
  public enum Kind { POST, REPLY, REPOST, QUOTE }

  public MentionDetails {
    kind = kind == null ? Kind.POST : kind;
    if (raw != null && raw.length() > MAX_RAW_CHARS) {
      raw = raw.substring(0, MAX_RAW_CHARS) + "…[truncated]";
    }
  }

  /** A copy without the raw payload (what downstream stages forward). */
  public MentionDetails withoutRaw() {
    return raw == null ? this
        : new MentionDetails(nativeId, authorId, authorName, verified, kind, inReplyTo, repostOf, quoteOf, editedAt, null);
  }
}
