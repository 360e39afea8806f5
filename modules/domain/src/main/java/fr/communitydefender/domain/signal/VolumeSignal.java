package fr.communitydefender.domain.signal;

import java.time.Instant;

/**
 * What one watch saw in one event-time window [windowStart, windowEnd), re-emitted as it grows: the number of
 * mentions, how many had a sentiment ({@code scored}), how many were negative, the sum of their sentiment scores,
 * the distinct authors (approximate: hashed handles), the summed reach, the largest reach of one mention and the count
 * per source (mastodon, rss…), and how many came from authors the source marks as verified. Never an author or a
 * text.
 */
public record VolumeSignal(String watchId, Instant windowStart, Instant windowEnd, long count, long scored,
    long negative, double sentimentSum, long authors, long reach, long maxReach, java.util.Map<String, Long> sources,
    long verified) {
  public VolumeSignal {
    if (watchId == null || watchId.isBlank()) {
      throw new IllegalArgumentException("watchId: required");
    }
    if (windowStart == null || windowEnd == null || !windowEnd.isAfter(windowStart)) {
      throw new IllegalArgumentException("window: end must be after start");
    }
    if (count < 0 || scored < 0 || negative < 0 || authors < 0 || reach < 0 || maxReach < 0 || verified < 0) {
      throw new IllegalArgumentException("counts: must not be negative");
    }
    if (negative > scored || scored > count) {
      throw new IllegalArgumentException("negative ≤ scored ≤ count");
    }
    sources = sources == null ? java.util.Map.of() : java.util.Map.copyOf(sources);
  }

  /** Without the count of mentions by verified authors (older records). */
  public VolumeSignal(String watchId, Instant windowStart, Instant windowEnd, long count, long scored, long negative,
      double sentimentSum, long authors, long reach, long maxReach, java.util.Map<String, Long> sources) {
    this(watchId, windowStart, windowEnd, count, scored, negative, sentimentSum, authors, reach, maxReach, sources, 0);
  }

  /** A volume-only signal (no sentiment, authors or reach known). */
  public VolumeSignal(String watchId, Instant windowStart, Instant windowEnd, long count) {
    this(watchId, windowStart, windowEnd, count, 0, 0, 0, 0, 0, 0, null);
  }

  /** Share of negative mentions among those with a sentiment; 0 when none. */
  public double negativeShare() {
    return scored == 0 ? 0 : (double) negative / scored;
  }
}
