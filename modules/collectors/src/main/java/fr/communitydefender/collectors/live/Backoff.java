package fr.communitydefender.collectors.live;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reconnection delays: exponential from {@code min} to {@code max} with "full jitter" (a random delay between half
 * and all of the step), so that many communes' collectors do not reconnect in step after an outage. A source's own
 * hint (Retry-After, rate-limit reset) wins when longer.
 */
public final class Backoff {
  private final Duration min;
  private final Duration max;
  private int attempts;

  public Backoff(Duration min, Duration max) {
    this.min = min;
    this.max = max;
  }

  public static Backoff standard() {
    return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
  }

  /** The delay before the next attempt, growing with each failure. */
  public Duration next() {
    long ceiling = Math.min(max.toMillis(), min.toMillis() << Math.min(attempts, 20));
    attempts++;
    long half = ceiling / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
  }

  /** The delay before the next attempt, at least the source's {@code hint} (null: none). */
  public Duration next(Duration hint) {
    Duration d = next();
    return hint != null && hint.compareTo(d) > 0 ? hint : d;
  }

  public void reset() {
    attempts = 0;
  }

  public int attempts() {
    return attempts;
  }
}
