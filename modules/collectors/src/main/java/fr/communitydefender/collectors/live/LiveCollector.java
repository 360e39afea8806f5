package fr.communitydefender.collectors.live;

import fr.communitydefender.collectors.CollectorMetrics;
import fr.communitydefender.domain.collector.CollectorCursor;
import fr.communitydefender.domain.collector.CollectorHealth;
import fr.communitydefender.domain.mention.Mention;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every live collector shares: publishing through the {@link MentionSink} while tracking, in source order, the
 * position reached by what Kafka acknowledged (saved every second, so a restart resumes there — at least once, the
 * streams stage drops repeats); health (connected, last message, lag, errors) reported every 10 s; reconnection with
 * {@link Backoff}. Subclasses connect in {@link #connect()} and call {@link #emit}, {@link #emitDelete},
 * {@link #reject}, {@link #connected} and {@link #failed}. Deployed as a worker verticle: parsing and Kafka's
 * back-pressure never block an event loop.
 */
public abstract class LiveCollector extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(LiveCollector.class);
  /** Above this many records waiting for Kafka, streaming collectors pause their source. */
  protected static final int MAX_IN_FLIGHT = 5_000;

  protected final String id;
  protected final String type;
  protected final MentionSink sink;
  protected final CursorStore store;
  protected final CollectorMetrics metrics;
  protected final Backoff backoff = Backoff.standard();

  private final ArrayDeque<Tracked> pending = new ArrayDeque<>();
  private final Map<String, String> acked = new HashMap<>();
  private boolean dirty;
  private volatile boolean connected;
  private volatile boolean stopping;
  private volatile Instant lastMessageAt;
  private volatile Instant lastPublishedAt;
  private volatile long messages;
  private volatile long errors;
  private volatile String lastError;

  private static final class Tracked {
    final Map<String, String> positions;
    boolean done;

    Tracked(Map<String, String> positions) {
      this.positions = positions;
    }
  }

  protected LiveCollector(String id, String type, MentionSink sink, CursorStore store, CollectorMetrics metrics) {
    this.id = id;
    this.type = type;
    this.sink = sink;
    this.store = store;
    this.metrics = metrics;
    CollectorCursor saved = store.get(id);
    if (saved != null) {
      acked.putAll(saved.positions());
    }
  }

  public String id() {
    return id;
  }

  @Override
  public final Future<?> start() {
    vertx.setPeriodic(1_000, t -> saveCursor());
    vertx.setPeriodic(10_000, t -> store.report(health()));
    LOG.atInfo().addKeyValue("collector", id).addKeyValue("type", type).addKeyValue("resumeFrom", acked)
        .log("collector starting");
    connect();
    return Future.succeededFuture();
  }

  @Override
  public final Future<?> stop() {
    stopping = true;
    connected = false;
    disconnect();
    saveCursor();
    store.report(health());
    return Future.succeededFuture();
  }

  /** Opens the source (and reconnects it after {@link #failed}). */
  protected abstract void connect();

  /** Closes the source; called once when the collector stops. */
  protected void disconnect() {}

  protected boolean stopping() {
    return stopping;
  }

  /** The saved position {@code name}, or null when the collector never saved one. */
  protected String position(String name) {
    return acked.get(name);
  }

  /**
   * Publishes a mention; {@code after} is the position to resume from once it (and everything before it) is in
   * Kafka (null: none).
   */
  protected Future<Boolean> emit(Mention m, Map<String, String> after) {
    messages++;
    lastMessageAt = Instant.now();
    lastPublishedAt = m.publishedAt();
    return track(sink.publish(type, m), after);
  }

  protected Future<Boolean> emitDelete(String mentionId, Map<String, String> after) {
    messages++;
    lastMessageAt = Instant.now();
    return track(sink.delete(type, mentionId).thenApply(v -> true), after);
  }

  /** Dead-letters what the source sent that is not a mention (the stream goes on). */
  protected Future<Boolean> reject(String reason, String payload, Map<String, String> after) {
    LOG.atWarn().addKeyValue("collector", id).addKeyValue("reason", reason).log("malformed input dead-lettered");
    return track(sink.deadLetter(type, "collector:" + id, reason, payload).thenApply(v -> true), after);
  }

  /** Records a position reached without publishing anything (e.g. a page of already-seen items). */
  protected void advance(Map<String, String> after) {
    track(CompletableFuture.completedFuture(true), after);
  }

  private Future<Boolean> track(CompletableFuture<Boolean> sent, Map<String, String> after) {
    Tracked t = new Tracked(after == null ? Map.of() : after);
    pending.addLast(t);
    Promise<Boolean> promise = Promise.promise();
    var ctx = context;
    sent.whenComplete((ok, e) -> ctx.runOnContext(v -> {
      if (e != null) {
        failed("Kafka: " + e.getMessage());
        promise.fail(e);
        return;
      }
      t.done = true;
      while (!pending.isEmpty() && pending.peekFirst().done) {
        Tracked head = pending.pollFirst();
        if (!head.positions.isEmpty()) {
          acked.putAll(head.positions);
          dirty = true;
        }
      }
      promise.complete(ok);
    }));
    return promise.future();
  }

  private void saveCursor() {
    if (dirty) {
      dirty = false;
      store.save(new CollectorCursor(id, Map.copyOf(acked), Instant.now()));
    }
  }

  /** Whether Kafka lags so much that the source should be paused. */
  protected boolean overloaded() {
    return sink.inFlight() > MAX_IN_FLIGHT;
  }

  /** Back-pressure: pauses {@code source} (null: nothing to pause) while Kafka lags, resumes it once it caught up. */
  protected void pauseWhileOverloaded(io.vertx.core.streams.ReadStream<?> source) {
    if (source != null && overloaded()) {
      source.pause();
      vertx.setPeriodic(100, t -> {
        if (!overloaded()) {
          vertx.cancelTimer(t);
          source.resume();
        }
      });
    }
  }

  protected void connected() {
    if (!connected) {
      LOG.atInfo().addKeyValue("collector", id).log("collector connected");
    }
    connected = true;
    backoff.reset();
  }

  /** Records an error (no secret in {@code reason}) and marks the source disconnected. */
  protected void failed(String reason) {
    connected = false;
    errors++;
    lastError = reason;
    metrics.error(type);
    LOG.atWarn().addKeyValue("collector", id).addKeyValue("reason", reason).log("collector error");
  }

  /** Calls {@link #connect()} again after the back-off delay (at least {@code hint} when the source gave one). */
  protected void reconnectLater(Duration hint) {
    reconnectLater(hint, this::connect);
  }

  /** Runs {@code reconnect} after the back-off delay, unless the collector is stopping. */
  protected void reconnectLater(Duration hint, Runnable reconnect) {
    if (stopping) {
      return;
    }
    Duration delay = backoff.next(hint);
    metrics.reconnect(type);
    LOG.atInfo().addKeyValue("collector", id).addKeyValue("inMs", delay.toMillis()).log("collector reconnecting");
    vertx.setTimer(Math.max(1, delay.toMillis()), t -> {
      if (!stopping) {
        reconnect.run();
      }
    });
  }

  public CollectorHealth health() {
    Instant last = lastPublishedAt;
    Long lag = last == null ? null : Math.max(0, Duration.between(last, Instant.now()).toSeconds());
    return new CollectorHealth(id, type, connected, lastMessageAt, lag, messages, errors, lastError, Instant.now());
  }
}
