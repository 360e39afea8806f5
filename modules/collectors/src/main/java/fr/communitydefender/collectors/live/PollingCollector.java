package fr.communitydefender.collectors.live;

import fr.communitydefender.collectors.CollectorMetrics;
import java.time.Duration;

/**
 * A collector that asks its source at intervals (feeds, the Graph API) instead of holding a stream open: it polls at
 * start, then whenever {@link #pollAgainIn} says; the source's rate-limit hint wins when longer than the interval.
 */
public abstract class PollingCollector extends LiveCollector {
  private final Duration interval;
  private long timer = -1;

  protected PollingCollector(String id, String type, Duration interval, MentionSink sink, CursorStore store,
      CollectorMetrics metrics) {
    super(id, type, sink, store, metrics);
    this.interval = interval;
  }

  /** One poll; ends by calling {@link #pollAgainIn} or {@link #reconnectLater}. */
  protected abstract void poll();

  /** Creates the clients on first use (called before the first poll). */
  protected abstract void open();

  @Override
  protected final void connect() {
    open();
    if (!stopping()) {
      poll();
    }
  }

  @Override
  protected final void disconnect() {
    vertx.cancelTimer(timer);
  }

  /** Schedules the next poll after the interval, or after {@code hint} (a rate limit) when longer. */
  protected void pollAgainIn(Duration hint) {
    Duration next = hint != null && hint.compareTo(interval) > 0 ? hint : interval;
    timer = vertx.setTimer(Math.max(1, next.toMillis()), t -> {
      if (!stopping()) {
        poll();
      }
    });
  }
}
