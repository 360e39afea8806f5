package fr.communitydefender.domain.mention;

import java.time.Instant;

/**
 * A mention that could not be processed, kept whole with the reason: {@code origin} names where it came from (a replay
 * file, a topic), {@code line} its line number when it came from a file (0 otherwise).
 */
public record DeadLetter(String origin, long line, String reason, String payload, Instant at) {
  public DeadLetter {
    if (origin == null || origin.isBlank()) {
      throw new IllegalArgumentException("origin: required");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason: required");
    }
    payload = payload == null ? "" : payload;
    at = at == null ? Instant.now() : at;
  }
}
