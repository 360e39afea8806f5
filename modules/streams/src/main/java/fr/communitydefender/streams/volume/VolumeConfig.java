package fr.communitydefender.streams.volume;

import fr.communitydefender.domain.watch.Watch;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the per-watch volume job: the watches, the tumbling window size, the grace for late mentions, and how
 * long window counts are kept in the store (must cover window + grace).
 */
public record VolumeConfig(List<Watch> watches, Duration window, Duration grace, Duration retention) {
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
  public static final Duration DEFAULT_GRACE = Duration.ofHours(1);
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(6);

  public VolumeConfig {
    watches = List.copyOf(watches);
    window = window == null ? DEFAULT_WINDOW : window;
    grace = grace == null ? DEFAULT_GRACE : grace;
    retention = retention == null ? DEFAULT_RETENTION : retention;
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window: must be positive");
    }
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace: must not be negative");
    }
    if (retention.compareTo(window.plus(grace)) < 0) {
      throw new IllegalArgumentException("retention: must be at least window + grace");
    }
  }

  public static VolumeConfig of(List<Watch> watches) {
    return new VolumeConfig(watches, null, null, null);
  }
}
