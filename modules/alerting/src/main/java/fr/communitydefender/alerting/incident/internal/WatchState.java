package fr.communitydefender.alerting.incident.internal;

import fr.communitydefender.domain.incident.Incident;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What alerting remembers of one watch, persisted in a state store: the latest count of each 1-minute window (by
 * window start, epoch ms), the latest window end seen (the watch's event-time clock), and the open incidents by rule.
 */
public record WatchState(String watchId, Instant clock, Map<Long, Long> buckets, Map<String, Incident> open) {
  public WatchState {
    buckets = buckets == null ? new TreeMap<>() : new TreeMap<>(buckets);
    open = open == null ? new TreeMap<>() : new TreeMap<>(open);
  }

  public static WatchState empty(String watchId) {
    return new WatchState(watchId, Instant.EPOCH, null, null);
  }

  /** Sum of the windows starting in [end - span, end). */
  public long sum(Instant end, java.time.Duration span) {
    long to = end.toEpochMilli();
    long from = to - span.toMillis();
    return ((TreeMap<Long, Long>) buckets).subMap(from, true, to, false).values().stream()
        .mapToLong(Long::longValue).sum();
  }

  /** Forgets windows older than {@code keep} before the clock. */
  public void prune(java.time.Duration keep) {
    long oldest = clock.toEpochMilli() - keep.toMillis();
    ((TreeMap<Long, Long>) buckets).headMap(oldest, false).clear();
  }
}
