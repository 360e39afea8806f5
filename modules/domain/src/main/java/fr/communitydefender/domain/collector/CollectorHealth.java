package fr.communitydefender.domain.collector;

import java.time.Instant;

/**
 * A live collector's health as last reported: connected or not, when the last message came (and its publication
 * time, whose distance to now is the lag), how many errors since start and the last one (never a secret).
 */
public record CollectorHealth(
    String collector,
    String type,
    boolean connected,
    Instant lastMessageAt,
    Long lagSeconds,
    long messages,
    long errors,
    String lastError,
    Instant at) {
  public CollectorHealth {
    if (collector == null || collector.isBlank()) {
      throw new IllegalArgumentException("collector: required");
    }
  }
}
