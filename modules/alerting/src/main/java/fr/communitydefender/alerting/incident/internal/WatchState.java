package fr.communitydefender.alerting.incident.internal;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.signal.TermSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What alerting remembers of one watch, persisted in a state store (its changelog lets a restart resume without
 * relearning): the latest count of each 1-minute window (by window start, epoch ms), the latest window end seen (the
 * watch's event-time clock), the open incidents by rule, the learned {@link Baseline}, and the learned minutes summed
 * by hour (epoch ms of the hour) for the last 28 days; per minute also the mentions with a sentiment and the negative
 * ones; by rule the incident resolved last (a relapse reopens it) and since when a rule fires without an incident yet
 * (its {@code for} period); which rules joined another rule's incident (rule → owner rule); and the latest signal of
 * each term that came back (for new_term rules; kept two hours); by rule with an open incident, the watch's usual
 * mentions per hour when it opened ({@code calm}: what "back to normal" means for it).
 */
public record WatchState(String watchId, Instant clock,
    @JsonSerialize(using = CountsJson.Writer.class) @JsonDeserialize(using = CountsJson.Reader.class)
    Map<Long, Long> buckets,
    Map<String, Incident> open, Baseline baseline,
    @JsonSerialize(using = CountsJson.Writer.class) @JsonDeserialize(using = CountsJson.Reader.class)
    Map<Long, Long> hours,
    Map<Long, Figures> figures,
    Map<String, Incident> recent, Map<String, Instant> pending, Map<String, String> joined,
    Map<String, TermSignal> newTerms, Map<String, Double> calm) {
  /** A minute is learned once the clock is this far past it: later mentions of it are rare. */
  static final Duration SETTLE = Duration.ofMinutes(10);
  private static final long MINUTE = 60_000;
  private static final long HOUR = 3_600_000;

  public WatchState {
    buckets = sorted(buckets);
    open = sorted(open);
    baseline = baseline == null ? Baseline.empty() : baseline;
    hours = sorted(hours);
    figures = sorted(figures);
    recent = sorted(recent);
    pending = sorted(pending);
    joined = sorted(joined);
    newTerms = sorted(newTerms);
    calm = sorted(calm);
  }

  /**
   * The map itself when it is already sorted (the state is mutable and has one owner: {@link #withClock} and
   * {@link #learn} hand its maps on instead of copying a week of minutes at every signal), else a sorted copy.
   */
  private static <K, V> TreeMap<K, V> sorted(Map<K, V> map) {
    return map == null ? new TreeMap<>() : map instanceof TreeMap<K, V> t ? t : new TreeMap<>(map);
  }

  public static WatchState empty(String watchId) {
    return new WatchState(watchId, Instant.EPOCH, null, null, null, null, null, null, null, null, null, null);
  }

  public WatchState withClock(Instant newClock) {
    return new WatchState(watchId, newClock, buckets, open, baseline, hours, figures, recent, pending, joined, newTerms,
        calm);
  }

  /** Sum of the windows starting in [end - span, end). */
  public long sum(Instant end, Duration span) {
    return sum(buckets, end, span);
  }

  /**
   * One minute's figures besides the count: with a sentiment, negative, their sum, the top reach, per source, by
   * verified authors.
   */
  public record Figures(long scored, long negative, double sentimentSum, long maxReach, Map<String, Long> sources,
      long verified) {
    public Figures {
      sources = sources == null ? Map.of() : Map.copyOf(sources);
    }
  }

  /** The figures of the windows starting in [end - span, end), summed (maxReach: the largest). */
  public Figures figures(Instant end, Duration span) {
    long to = end.toEpochMilli();
    long scored = 0;
    long negative = 0;
    double sum = 0;
    long reach = 0;
    long verified = 0;
    Map<String, Long> sources = new TreeMap<>();
    for (Figures f : ((TreeMap<Long, Figures>) figures).subMap(to - span.toMillis(), true, to, false).values()) {
      scored += f.scored();
      negative += f.negative();
      sum += f.sentimentSum();
      reach = Math.max(reach, f.maxReach());
      verified += f.verified();
      f.sources().forEach((k, v) -> sources.merge(k, v, Long::sum));
    }
    return new Figures(scored, negative, sum, reach, sources, verified);
  }

  /** Records one window's latest figures. */
  public void record(long windowStart, long count, Figures minute) {
    buckets.put(windowStart, count);
    figures.put(windowStart, minute);
  }

  private static long sum(Map<Long, Long> map, Instant end, Duration span) { // [end - span, end)
    long to = end.toEpochMilli();
    long from = to - span.toMillis();
    return ((TreeMap<Long, Long>) map).subMap(from, true, to, false).values().stream()
        .mapToLong(Long::longValue).sum();
  }

  /** Learned mentions of the {@code hoursBack} hours before {@code end} (up to 28 days). */
  public long lastHours(Instant end, int hoursBack) {
    long to = end.toEpochMilli();
    return ((TreeMap<Long, Long>) hours).subMap(to - hoursBack * HOUR, true, to, false).values().stream()
        .mapToLong(Long::longValue).sum();
  }

  /**
   * Minutes of history the watch has: those learned plus those seen but not learned yet (learning lags behind the
   * clock by the longest rule window).
   */
  public long minutesSeen() {
    Instant upTo = baseline.learnedUpTo();
    long pending = upTo == null ? 0 : Math.max(0, (clock.toEpochMilli() - upTo.toEpochMilli()) / MINUTE);
    return baseline.minutesLearned() + pending;
  }

  /** The largest learned hourly count of the hours from {@code from} (up to a week back) to {@code end}. */
  public long busiestHour(Instant from, Instant end) {
    long lo = Math.max(from.toEpochMilli() / HOUR * HOUR, end.toEpochMilli() - 7 * 24 * HOUR);
    return ((TreeMap<Long, Long>) hours).subMap(lo, true, end.toEpochMilli(), false).values().stream()
        .mapToLong(Long::longValue).max().orElse(0);
  }

  /**
   * Teaches the baseline every minute at least {@code lag} old (and at least {@link #SETTLE}) since the last one
   * learned (at most two days' worth after a long silence), and sums them by hour. With the longest trailing window of
   * the rules as the lag, the baseline never holds the minutes it is compared with — a slow rise over an hour is not
   * learned as normal while it is being measured.
   */
  public WatchState learn(Instant firstSeen, Duration lag) {
    if (baseline.learnedUpTo() == null) { // the watch's first signal: learning starts at its minute
      return new WatchState(watchId, clock, buckets, open,
          baseline.learnedUpTo(Instant.ofEpochMilli(firstSeen.toEpochMilli() / MINUTE * MINUTE)), hours, figures,
          recent, pending, joined, newTerms, calm);
    }
    long until = (clock.toEpochMilli() - Math.max(SETTLE.toMillis(), lag.toMillis())) / MINUTE * MINUTE;
    long from = baseline.learnedUpTo().toEpochMilli();
    from = Math.max(from, until - 2 * 24 * 60 * MINUTE);
    if (until <= from) {
      return this;
    }
    for (long m = from; m < until; m += MINUTE) {
      long c = buckets.getOrDefault(m, 0L);
      baseline.learn(Instant.ofEpochMilli(m), c);
      if (c > 0) {
        hours.merge(m / HOUR * HOUR, c, Long::sum);
      }
    }
    ((TreeMap<Long, Long>) hours).headMap(until - (28 * 24 + 1) * HOUR, false).clear();
    return new WatchState(watchId, clock, buckets, open, baseline.learnedUpTo(Instant.ofEpochMilli(until)), hours,
        figures, recent, pending, joined, newTerms, calm);
  }

  /** Forgets counts older than {@code keep} and figures older than {@code keepFigures} before the clock. */
  public void prune(Duration keep, Duration keepFigures) {
    long oldest = clock.toEpochMilli() - keep.toMillis();
    ((TreeMap<Long, Long>) buckets).headMap(oldest, false).clear();
    ((TreeMap<Long, Figures>) figures).headMap(clock.toEpochMilli() - keepFigures.toMillis(), false).clear();
    newTerms.values().removeIf(t -> t.at().isBefore(clock.minus(Duration.ofHours(2))));
  }
}
