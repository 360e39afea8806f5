package fr.communitydefender.domain.room;

import java.time.Instant;

/**
 * An approved version to publish (publications topic, keyed by incident id): the text exactly as approved, the
 * channel, and for a reply the post it answers ({@code replyToRef}: Mastodon status id or Bluesky at:// URI).
 * {@code id} ({@code incident/draft/version}) is the idempotency key: a retry never posts twice.
 */
public record Publication(String id, String incidentId, String draftId, int version, String channel, String text,
    String replyToRef, String requestedBy, Instant at) {}
