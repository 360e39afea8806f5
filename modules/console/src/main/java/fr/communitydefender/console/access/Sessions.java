package fr.communitydefender.console.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in sessions of this console instance: a random 256-bit id (the cookie), the account, and when it started and
 * was last used. A session ends after {@code idle} without a request, {@code absolute} after sign-in, at logout, and
 * when its account is disabled or its password reset. A new id is made at every sign-in (no fixation: an id the
 * client brings is never promoted). Several console instances need sticky sessions in front of them.
 */
public final class Sessions {
  /** The session cookie's name. */
  public static final String COOKIE = "cd_session";
  private static final int MAX = 10_000;

  /** A live session. */
  public record Session(String id, String username, Instant startedAt, Instant lastSeen) {}

  /** What a cookie maps to: a session, or why there is none ({@code expired}, {@code unknown}). */
  public record Lookup(Session session, String problem) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration idle;
  private final Duration absolute;

  public Sessions(Clock clock, Duration idle, Duration absolute) {
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
    this.idle = java.util.Objects.requireNonNull(idle, "idle");
    this.absolute = java.util.Objects.requireNonNull(absolute, "absolute");
  }

  public Duration idle() {
    return idle;
  }

  public Duration absolute() {
    return absolute;
  }

  /** A new session for {@code username}; the returned id goes into the cookie. */
  public Session start(String username) {
    Instant now = clock.instant();
    if (sessions.size() >= MAX) {
      sessions.values().removeIf(s -> expired(s, now));
    }
    if (sessions.size() >= MAX) {
      throw new IllegalStateException("too many sessions");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    Session s = new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), username, now, now);
    sessions.put(s.id(), s);
    return s;
  }

  /** The session of a cookie value, marked as used now; expired ones are removed. */
  public Lookup use(String id) {
    if (id == null || id.isEmpty()) {
      return new Lookup(null, "sign in required");
    }
    Session s = sessions.get(id);
    if (s == null) {
      return new Lookup(null, "session expired or unknown: sign in again");
    }
    Instant now = clock.instant();
    if (expired(s, now)) {
      sessions.remove(id);
      return new Lookup(null, "session expired: sign in again");
    }
    Session used = new Session(s.id(), s.username(), s.startedAt(), now);
    sessions.put(id, used);
    return new Lookup(used, null);
  }

  /** Whether the session still exists and has not expired (without marking it used). */
  public boolean alive(String id) {
    Session s = sessions.get(id);
    return s != null && !expired(s, clock.instant());
  }

  public void end(String id) {
    sessions.remove(id);
  }

  /** Ends every session of an account (disabled, password reset, roles removed). */
  public void endAll(String username) {
    sessions.values().removeIf(s -> s.username().equals(username));
  }

  private boolean expired(Session s, Instant now) {
    return !now.isBefore(s.lastSeen().plus(idle)) || !now.isBefore(s.startedAt().plus(absolute));
  }
}
