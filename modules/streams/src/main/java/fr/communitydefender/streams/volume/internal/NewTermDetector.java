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
 * Per watch (the record key) and term of its mentions (found by the analysis step, {@link Counted#terms()}): when the
 * term was last seen before its current burst, and its occurrences of the last hour counted per minute. A term that
 * repeats ({@value #MIN_REPEAT}+ times in an hour) after more than a day of absence — or for the first time — is
 * signalled on every further occurrence up to {@value #SIGNAL_EACH_UP_TO}, then at most once a minute; the alert rule
 * {@code new_term} decides.
 * Terms unseen for {@value #FORGET_DAYS} days are forgotten (hourly sweep). Counts per minute keep a term's state
 * small (two numbers a minute, at most {@value #MAX_MINUTES} minutes) however often it repeats — an unbounded list
 * of occurrences stopped the stage at ~75,000, a list bounded to the latest 1,000 cost more than the rest of the stage
 * to copy and write at every occurrence — and its count exact.
 */
public final class NewTermDetector implements Processor<String, Counted, String, TermSignal> {
  static final int MIN_REPEAT = 3;
  static final long FORGET_DAYS = 30;
  private static final Duration BURST = Duration.ofHours(1);
  private static final Duration NOVEL = Duration.ofDays(1);
  private static final int MAX_TERMS = 30;
  static final long MINUTE_MS = 60_000;
  /** A bound on the minutes kept per term (an hour's are 61 at most; late mentions can add a few). */
  static final int MAX_MINUTES = 240;
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
   * The histories last used, as objects: a frequent term's history (up to {@value #MAX_MINUTES} minutes) is not
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
   * The remembered history of one term of one watch: its occurrences of the last hour counted per minute —
   * {@code minutes} (epoch minutes, ascending, no repeats) and {@code counts} (occurrences in each).
   */
  public record TermHistory(Instant previousSeen, Instant lastSeen, long[] minutes, int[] counts) {
    public TermHistory {
      minutes = minutes == null ? new long[0] : minutes;
      counts = counts == null ? new int[0] : counts;
      if (minutes.length != counts.length) {
        throw new IllegalArgumentException("minutes and counts differ in length");
      }
    }

    /** The occurrences kept (those of the last hour, to the minute). */
    public long total() {
      long n = 0;
      for (int c : counts) {
        n += c;
      }
      return n;
    }

    /** From the occurrences themselves (epoch milliseconds, any order), as earlier versions kept them. */
    public static TermHistory ofOccurrences(Instant previousSeen, Instant lastSeen, long[] occurrences) {
      TermHistory h = new TermHistory(previousSeen, lastSeen, null, null);
      long[] sorted = occurrences == null ? new long[0] : occurrences.clone();
      java.util.Arrays.sort(sorted);
      for (long t : sorted) {
        h = h.with(Math.floorDiv(t, MINUTE_MS), Long.MIN_VALUE);
      }
      return h;
    }

    /**
     * This history with one more occurrence in {@code minute}, the minutes up to {@code after} (inclusive) dropped;
     * at most {@value #MAX_MINUTES} minutes kept (the latest).
     */
    TermHistory with(long minute, long after) {
      int start = 0;
      while (start < minutes.length && minutes[start] <= after) {
        start++;
      }
      int at = java.util.Arrays.binarySearch(minutes, start, minutes.length, minute);
      int n = minutes.length - start + (at >= 0 ? 0 : 1);
      long[] m = new long[n];
      int[] c = new int[n];
      if (at >= 0) {
        System.arraycopy(minutes, start, m, 0, n);
        System.arraycopy(counts, start, c, 0, n);
        c[at - start]++;
      } else {
        int insert = -at - 1;
        System.arraycopy(minutes, start, m, 0, insert - start);
        System.arraycopy(counts, start, c, 0, insert - start);
        m[insert - start] = minute;
        c[insert - start] = 1;
        System.arraycopy(minutes, insert, m, insert - start + 1, minutes.length - insert);
        System.arraycopy(counts, insert, c, insert - start + 1, minutes.length - insert);
      }
      if (n > MAX_MINUTES) {
        m = java.util.Arrays.copyOfRange(m, n - MAX_MINUTES, n);
        c = java.util.Arrays.copyOfRange(c, n - MAX_MINUTES, n);
      }
      return new TermHistory(previousSeen, lastSeen, m, c);
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
      long atMs = at.toEpochMilli();
      // the minutes after the one an hour ago: between 59 and 60 minutes of occurrences
      TermHistory counted = (h == null ? new TermHistory(null, null, null, null) : h)
          .with(Math.floorDiv(atMs, MINUTE_MS), Math.floorDiv(atMs - BURST.toMillis(), MINUTE_MS));
      long count = counted.total();
      Instant previous = h == null ? null : count == 1 ? h.lastSeen() : h.previousSeen();
      Instant last = h == null || at.isAfter(h.lastSeen()) ? at : h.lastSeen();
      TermHistory updated = new TermHistory(previous, last, counted.minutes(), counted.counts());
      store.put(key, updated);
      lastUsed.put(key, updated);
      boolean novel = previous == null || !at.isBefore(previous.plus(NOVEL));
      if (novel && count >= MIN_REPEAT && signalDue(key, count, atMs)) {
        context.forward(new Record<>(record.key(), new TermSignal(record.key(), term, at, count, previous),
            record.timestamp()));
      }
    }
  }

  /**
   * A repeating new term is signalled at each of its first {@value #SIGNAL_EACH_UP_TO} occurrences of the hour, then
   * at most once a minute: a term of a long story is no longer signalled at every mention (five signals a mention on
   * a busy watch, each a record through the broker to the alerting stage, which kept one a minute).
   */
  private boolean signalDue(String key, long count, long at) {
    Long last = lastSignalled.get(key);
    if (count > SIGNAL_EACH_UP_TO && last != null && at >= last && at < last + SIGNAL_EVERY_MS) {
      return false;
    }
    lastSignalled.put(key, at);
    return true;
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
