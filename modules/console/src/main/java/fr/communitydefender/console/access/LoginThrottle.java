package fr.communitydefender.console.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: an account is locked for {@link #LOCK} after {@link #MAX_FAILURES} failed sign-ins within
 * {@link #WINDOW} (a success clears its count); one address may try at most {@link #MAX_PER_ADDRESS} sign-ins a
 * minute, whatever the accounts. Per console instance, in memory.
 */
public final class LoginThrottle {
  public static final int MAX_FAILURES = 5;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  public static final Duration LOCK = Duration.ofMinutes(15);
  public static final int MAX_PER_ADDRESS = 30;
  private static final int MAX_KEYS = 50_000;

  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock) {
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
  }

  /** Null when a sign-in may be tried now, else why not (for the 429 answer). */
  public synchronized String refuse(String username, String address) {
    Instant now = clock.instant();
    Deque<Instant> a = recent(attempts, address, now.minus(Duration.ofMinutes(1)));
    if (a.size() >= MAX_PER_ADDRESS) {
      return "too many sign-in attempts from this address: wait a minute";
    }
    a.addLast(now);
    Deque<Instant> f = recent(failures, username, now.minus(WINDOW));
    if (f.size() >= MAX_FAILURES && now.isBefore(f.peekLast().plus(LOCK))) {
      return "account locked after " + MAX_FAILURES + " failed sign-ins: try again after "
          + f.peekLast().plus(LOCK).toString().substring(0, 16).replace('T', ' ') + " UTC";
    }
    return null;
  }

  public synchronized void failed(String username) {
    recent(failures, username, clock.instant().minus(WINDOW)).addLast(clock.instant());
  }

  public synchronized void succeeded(String username) {
    failures.remove(username);
  }

  private Deque<Instant> recent(Map<String, Deque<Instant>> map, String key, Instant since) {
    if (map.size() > MAX_KEYS) {
      map.values().removeIf(d -> d.isEmpty() || d.peekLast().isBefore(since));
    }
    Deque<Instant> d = map.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!d.isEmpty() && d.peekFirst().isBefore(since)) {
      d.removeFirst();
    }
    return d;
  }
}
