package fr.communitydefender.collectors.live;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the sources' rate-limit headers into a wait: {@code Retry-After} (seconds or HTTP date), Mastodon's
 * {@code X-RateLimit-Remaining}/{@code X-RateLimit-Reset} (ISO-8601), X's {@code x-rate-limit-remaining}/
 * {@code x-rate-limit-reset} (epoch seconds), Facebook's {@code X-App-Usage}/{@code X-Page-Usage} (percentages).
 */
public final class RateLimits {
  private RateLimits() {}

  /** How long to wait before the next call, or null when the headers do not ask for a pause. */
  public static Duration waitFor(MultiMap headers, int status, Instant now) {
    String retryAfter = headers.get("Retry-After");
    if (retryAfter != null) {
      Duration d = retryAfter(retryAfter.trim(), now);
      if (d != null) {
        return d;
      }
    }
    String remaining = first(headers, "X-RateLimit-Remaining", "x-rate-limit-remaining");
    String reset = first(headers, "X-RateLimit-Reset", "x-rate-limit-reset");
    if (reset != null && (status == 429 || "0".equals(remaining == null ? null : remaining.trim()))) {
      Instant at = instant(reset.trim());
      if (at != null) {
        return positive(Duration.between(now, at));
      }
    }
    if (status == 429) {
      return Duration.ofSeconds(60);
    }
    String usage = headers.get("X-App-Usage") != null ? headers.get("X-App-Usage") : headers.get("X-Page-Usage");
    if (usage != null && maxPercent(usage) >= 95) {
      return Duration.ofMinutes(10);
    }
    return null;
  }

  private static String first(MultiMap headers, String a, String b) {
    return headers.get(a) != null ? headers.get(a) : headers.get(b);
  }

  private static Duration retryAfter(String value, Instant now) {
    if (value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      return positive(Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Epoch seconds (X) or ISO-8601 (Mastodon). */
  private static Instant instant(String value) {
    if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
      return Instant.ofEpochSecond(Long.parseLong(value));
    }
    try {
      return java.time.OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static int maxPercent(String json) {
    int max = 0;
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(":\\s*(\\d+)").matcher(json);
    while (m.find()) {
      max = Math.max(max, Integer.parseInt(m.group(1)));
    }
    return max;
  }

  private static Duration positive(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
