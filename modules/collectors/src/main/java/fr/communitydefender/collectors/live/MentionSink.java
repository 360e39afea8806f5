package fr.communitydefender.collectors.live;

import fr.communitydefender.collectors.CollectorMetrics;
import fr.communitydefender.domain.mention.DeadLetter;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.topic.Topics;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Where live collectors put what they read: mentions keyed by id on the raw topic, tombstones for deleted posts, dead
 * letters with the reason. A bounded memory of recent ids drops exact repeats (a catch-up overlapping the stream);
 * an edit (same id, new edit time or text) goes through. The streams stage deduplicates again across restarts.
 * {@link #inFlight()} lets a collector pause its source while Kafka lags (back-pressure, bounded memory). A mention
 * dated more than {@link #MAX_AHEAD} ahead of now (a feed in the wrong time zone, a client with a wrong clock) is
 * published dated now: event time never runs ahead of ingestion (the streams stage checks again).
 */
public final class MentionSink {
  private static final int REMEMBERED = 50_000;
  public static final java.time.Duration MAX_AHEAD = java.time.Duration.ofMinutes(5);
  private final java.time.Clock clock;

  private final Producer<String, Mention> mentions;
  private final Producer<String, DeadLetter> deadLetters;
  private final CollectorMetrics metrics;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Map<String, Integer> recent = new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
      return size() > REMEMBERED;
    }
  };

  public MentionSink(Producer<String, Mention> mentions, Producer<String, DeadLetter> deadLetters,
      CollectorMetrics metrics) {
    this(mentions, deadLetters, metrics, java.time.Clock.systemUTC());
  }

  public MentionSink(Producer<String, Mention> mentions, Producer<String, DeadLetter> deadLetters,
      CollectorMetrics metrics, java.time.Clock clock) {
    this.clock = clock;
    this.mentions = mentions;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
  }

  /**
   * Publishes the mention unless the same version was published recently; completes (true: published, false:
   * duplicate) once Kafka acknowledged it.
   */
  public CompletableFuture<Boolean> publish(String type, Mention mention) {
    Instant now = clock.instant();
    Mention m = mention.publishedAt().isAfter(now.plus(MAX_AHEAD)) ? mention.withPublishedAt(now) : mention;
    if (m != mention) {
      metrics.futureDated(type);
    }
    int version = m.version();
    synchronized (recent) {
      Integer seen = recent.put(m.id(), version);
      if (seen != null && seen == version) {
        metrics.duplicate(type);
        return CompletableFuture.completedFuture(false);
      }
    }
    metrics.mentionIn(type);
    return send(mentions, new ProducerRecord<>(Topics.MENTIONS_RAW.name(), null, m.publishedAt().toEpochMilli(),
        m.id(), m)).thenApply(v -> true);
  }

  /** Publishes a tombstone: the author deleted the post (the streams stage and the index drop it). */
  public CompletableFuture<Void> delete(String type, String mentionId) {
    synchronized (recent) {
      recent.remove(mentionId);
    }
    metrics.deleted(type);
    return send(mentions, new ProducerRecord<>(Topics.MENTIONS_RAW.name(), mentionId, (Mention) null));
  }

  public CompletableFuture<Void> deadLetter(String type, String origin, String reason, String payload) {
    metrics.deadLettered(type);
    String capped = payload != null && payload.length() > 65_536 ? payload.substring(0, 65_536) : payload;
    return send(deadLetters, new ProducerRecord<>(Topics.DEAD_LETTER.name(), origin,
        new DeadLetter(origin, 0, reason, capped, clock.instant())));
  }

  /** Whether this sink published {@code mentionId} recently (among the last 50,000). */
  public boolean knows(String mentionId) {
    synchronized (recent) {
      return recent.containsKey(mentionId);
    }
  }

  public int inFlight() {
    return inFlight.get();
  }

  private <V> CompletableFuture<Void> send(Producer<String, V> producer, ProducerRecord<String, V> record) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    inFlight.incrementAndGet();
    try {
      producer.send(record, (meta, e) -> {
        inFlight.decrementAndGet();
        if (e != null) {
          done.completeExceptionally(e);
        } else {
          done.complete(null);
        }
      });
    } catch (RuntimeException e) {
      inFlight.decrementAndGet();
      done.completeExceptionally(e);
    }
    return done;
  }
}
