package fr.communitydefender.streams.deep;

import java.time.Duration;

/**
 * Which mentions get the deep tier: English ones that belong to a watch with an open incident, or whose author's reach
 * is at least {@code minReach} (0 disables that criterion); mentions that waited in the topic longer than
 * {@code maxAge} when their turn comes are skipped (the deep tier is worth little on a stale backlog; the fast tier
 * already scored them). Replays of old drills are not stale: the wait counts, not the publication date.
 * {@code threads}: stream threads of the deep application, i.e. the size of its worker pool (each ~50 posts/s).
 */
public record DeepConfig(long minReach, Duration maxAge, int threads) {
  public static final DeepConfig DEFAULT = new DeepConfig(10_000, Duration.ofHours(1), 1);

  public DeepConfig {
    if (minReach < 0) {
      throw new IllegalArgumentException("minReach: must not be negative");
    }
    if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge: must be positive");
    }
    if (threads < 1 || threads > 16) {
      throw new IllegalArgumentException("threads: must be between 1 and 16");
    }
  }
}
