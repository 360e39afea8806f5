package fr.communitydefender.collectors.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Spaces a replay in wall-clock time: an event {@code d} after the first is due {@code d / speed} after the replay
 * started. Speed 0 means as fast as possible. Events earlier than the latest seen are due at once.
 */
public final class Pacer {
  /** Sleeps the given number of milliseconds. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final double speed;
  private final LongSupplier nanoClock;
  private final Sleeper sleeper;
  private Instant firstEvent;
  private long wallStartNanos;

  public Pacer(double speed, LongSupplier nanoClock, Sleeper sleeper) {
    if (speed < 0 || Double.isNaN(speed)) {
      throw new IllegalArgumentException("speed must be 0 (as fast as possible) or positive, got " + speed);
    }
    this.speed = speed;
    this.nanoClock = nanoClock;
    this.sleeper = sleeper;
  }

  public static Pacer realTime(double speed) {
    return new Pacer(speed, System::nanoTime, Thread::sleep);
  }

  /** Blocks until the event at {@code eventTime} is due. */
  public void awaitDue(Instant eventTime) throws InterruptedException {
    if (speed == 0) {
      return;
    }
    if (firstEvent == null) {
      firstEvent = eventTime;
      wallStartNanos = nanoClock.getAsLong();
      return;
    }
    long offsetNanos = Duration.between(firstEvent, eventTime).toNanos();
    long dueNanos = wallStartNanos + (long) (offsetNanos / speed);
    long waitMillis = (dueNanos - nanoClock.getAsLong()) / 1_000_000;
    if (waitMillis > 0) {
      sleeper.sleep(waitMillis);
    }
  }
}
