package fr.communitydefender.domain.signal;

import java.time.Instant;

/** The number of mentions of one watch in one event-time window [windowStart, windowEnd); re-emitted as it grows. */
public record VolumeSignal(String watchId, Instant windowStart, Instant windowEnd, long count) {
  public VolumeSignal {
    if (watchId == null || watchId.isBlank()) {
      throw new IllegalArgumentException("watchId: required");
    }
    if (windowStart == null || windowEnd == null || !windowEnd.isAfter(windowStart)) {
      throw new IllegalArgumentException("window: end must be after start");
    }
    if (count < 0) {
      throw new IllegalArgumentException("count: must not be negative");
    }
  }
}
