package fr.communitydefender.streams.volume.internal;

import fr.communitydefender.domain.signal.TermSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per watch (the record key) and term of its mentions (found by the analysis step, {@link Counted#terms()}): when the term was last seen before its current burst, and its
 * occurrences of the last hour. A term that repeats ({@value #MIN_REPEAT}+ times in an hour) after more than a day of
 * absence — or for the first time — is signalled on every further occurrence up to {@value #SIGNAL_EACH_UP_TO}, then at
 * most once a minute; the alert rule {@code new_term} decides.
 * Terms unseen for {@value #FORGET_DAYS} days are forgotten (hourly sweep). At most {@value #MAX_RECENT} occurrences
 * are kept per term (the latest): a term repeated more often in an hour is counted as {@value #MAX_RECENT}, and its
 * state stays far below the broker's record size limit (an unbounded list stopped the stage at ~75,000).
 */
public final class NewTermDetector implements Processor<String, Counted, String, TermSignal> {
  static final int MIN_REPEAT = 3;
  static final long FORGET_DAYS = 30;
  private static final Duration BURST = Duration.ofHours(1);
  private static final Duration NOVEL = Duration.ofDays(1);
  private static final int MAX_TERMS = 30;
  static final int MAX_RECENT = 1_000;
  /**
   * Up to this many occurrences in the hour a new term is signalled at each; beyond, at most once a minute (a
   * {@code new_term} rule's {@code min_count} above it sees its crossing within a minute).
   */
  static final int SIGNAL_EACH_UP_TO = 20;
  private static final long SIGNAL_EVERY_MS = 60_000;

  private final String storeName;
  private ProcessorContext<String, TermSignal> context;
  private KeyValueStore<String, TermHistory> store;
  /**
   * The histories last used, as objects: a frequent term's history (up to {@value #MAX_RECENT} occurrences) is not
   * decoded again for every mention. The store stays the truth (every change is written to it); this is emptied
   * whenever the task is (re)initialised or closed.
   */
  private final Map<String, TermHistory> lastUsed = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, TermHistory> eldest) {
      return size() > 5_000;
    }
  };
  /** When each term was last signalled (event time, epoch ms), for the once-a-minute signals of a long burst. */
  private final Map<String, Long> lastSignalled = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > 5_000;
    }
  };

  /**
   * The remembered history of one term of one watch: the occurrences of the last hour in {@code recent}, sorted
   * (epoch milliseconds).
   */
  public record TermHistory(Instant previousSeen, Instant lastSeen, long[] recent) {
    public TermHistory {
      recent = recent == null ? new long[0] : recent;
    }

    /** This history with its occurrences sorted (the JSON of earlier versions kept arrival order). */
    public TermHistory sorted() {
      for (int i = 1; i < recent.length; i++) {
        if (recent[i] < recent[i - 1]) {
          long[] copy = recent.clone();
          java.util.Arrays.sort(copy);
          return new TermHistory(previousSeen, lastSeen, copy);
        }
      }
      return this;
    }
  }

  public NewTermDetector(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, TermSignal> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
    lastUsed.clear();
    lastSignalled.clear();
    context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::forget);
  }

  @Override
  public void process(Record<String, Counted> record) {
    Counted m = record.value();
    if (m == null || record.key() == null) {
      return;
    }
    Instant at = m.publishedAt();
    List<String> terms = m.terms();
    for (String term : terms.subList(0, Math.min(MAX_TERMS, terms.size()))) {
      String key = record.key() + "\u0000" + term;
      TermHistory h = lastUsed.get(key);
      if (h == null) {
        h = store.get(key);
      }
      long[] recent = recentWith(h == null ? new long[0] : h.recent(), at.minus(BURST).toEpochMilli(),
          at.toEpochMilli());
      Instant previous = h == null ? null : recent.length == 1 ? h.lastSeen() : h.previousSeen();
      Instant last = h == null || at.isAfter(h.lastSeen()) ? at : h.lastSeen();
      TermHistory updated = new TermHistory(previous, last, recent);
      store.put(key, updated);
      lastUsed.put(key, updated);
      boolean novel = previous == null || !at.isBefore(previous.plus(NOVEL));
      if (novel && recent.length >= MIN_REPEAT && signalDue(key, recent.length, at.toEpochMilli())) {
        context.forward(new Record<>(record.key(), new TermSignal(record.key(), term, at, recent.length, previous),
            record.timestamp()));
      }
    }
  }

  /**
   * A repeating new term is signalled at each of its first {@value #SIGNAL_EACH_UP_TO} occurrences of the hour, then
   * at most once a minute: a term of a long story is no longer signalled at every mention (five signals a mention on
   * a busy watch, each a record through the broker to the alerting stage, which kept one a minute).
   */
  private boolean signalDue(String key, int count, long at) {
    Long last = lastSignalled.get(key);
    if (count > SIGNAL_EACH_UP_TO && last != null && at >= last && at < last + SIGNAL_EVERY_MS) {
      return false;
    }
    lastSignalled.put(key, at);
    return true;
  }

  /**
   * The kept occurrences after {@code from} (exclusive), with {@code now} added in order, at most {@value #MAX_RECENT}
   * (the latest). {@code kept} is sorted.
   */
  static long[] recentWith(long[] kept, long from, long now) {
    int start = upperBound(kept, from);
    int n = kept.length - start;
    int insert = upperBound(kept, now);
    long[] out = new long[n + 1];
    System.arraycopy(kept, start, out, 0, insert - start);
    out[insert - start] = now;
    System.arraycopy(kept, insert, out, insert - start + 1, kept.length - insert);
    if (out.length > MAX_RECENT) {
      out = java.util.Arrays.copyOfRange(out, out.length - MAX_RECENT, out.length);
    }
    return out;
  }

  /** The index of the first value greater than {@code v} in the sorted {@code values}. */
  private static int upperBound(long[] values, long v) {
    int lo = 0;
    int hi = values.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public void close() {
    lastUsed.clear();
    lastSignalled.clear();
  }

  private void forget(long wallNow) {
    Instant horizon = Instant.ofEpochMilli(wallNow).minus(Duration.ofDays(FORGET_DAYS));
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, TermHistory> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, TermHistory> kv = it.next();
        if (kv.value.lastSeen().isBefore(horizon)) {
          old.add(kv.key);
        }
      }
    }
    old.forEach(k -> {
      store.delete(k);
      lastUsed.remove(k);
      lastSignalled.remove(k);
    });
  }
}
