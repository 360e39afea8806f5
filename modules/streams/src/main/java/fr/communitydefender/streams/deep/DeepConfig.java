package fr.communitydefender.streams.deep;

import java.time.Duration;

/**
 * Which mentions get the deep tier: English ones that belong to a watch with an open incident, or whose author's reach
 * is at least {@code minReach} (0 disables that criterion); mentions older than {@code maxAge} by wall clock when
 * their turn comes are skipped (the deep tier is worth little on a stale backlog; the fast tier already scored them).
 */
public record DeepConfig(long minReach, Duration maxAge) {
  public static final DeepConfig DEFAULT = new DeepConfig(10_000, Duration.ofHours(1));

  public DeepConfig {
    if (minReach < 0) {
      throw new IllegalArgumentException("minReach: must not be negative");
    }
    if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge: must be positive");
    }
  }
}
