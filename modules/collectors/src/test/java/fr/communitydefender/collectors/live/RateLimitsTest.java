package fr.communitydefender.collectors.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitsTest {
  private final Instant now = Instant.parse("2026-11-29T10:00:00Z");

  @Test
  void shouldReadRetryAfterInSecondsOrAsADate() {
    assertThat(RateLimits.waitFor(MultiMap.caseInsensitiveMultiMap().add("Retry-After", "120"), 503, now))
        .isEqualTo(Duration.ofMinutes(2));
    assertThat(RateLimits.waitFor(MultiMap.caseInsensitiveMultiMap()
        .add("Retry-After", "Sun, 29 Nov 2026 10:05:00 GMT"), 429, now)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void shouldWaitForTheResetWhenNoCallIsLeft() {
    MultiMap x = MultiMap.caseInsensitiveMultiMap().add("x-rate-limit-remaining", "0")
        .add("x-rate-limit-reset", Long.toString(now.plusSeconds(900).getEpochSecond()));
    assertThat(RateLimits.waitFor(x, 200, now)).isEqualTo(Duration.ofMinutes(15));
    MultiMap mastodon = MultiMap.caseInsensitiveMultiMap().add("X-RateLimit-Remaining", "0")
        .add("X-RateLimit-Reset", "2026-11-29T10:01:00.000Z");
    assertThat(RateLimits.waitFor(mastodon, 200, now)).isEqualTo(Duration.ofMinutes(1));
    MultiMap plenty = MultiMap.caseInsensitiveMultiMap().add("X-RateLimit-Remaining", "250")
        .add("X-RateLimit-Reset", "2026-11-29T10:01:00.000Z");
    assertThat(RateLimits.waitFor(plenty, 200, now)).isNull();
  }

  @Test
  void shouldSlowDownWhenFacebookUsageIsNearlyExhausted() {
    MultiMap fb = MultiMap.caseInsensitiveMultiMap().add("X-App-Usage",
        "{\"call_count\":96,\"total_time\":20,\"total_cputime\":10}");
    assertThat(RateLimits.waitFor(fb, 200, now)).isEqualTo(Duration.ofMinutes(10));
    assertThat(RateLimits.waitFor(MultiMap.caseInsensitiveMultiMap(), 429, now)).isEqualTo(Duration.ofMinutes(1));
  }
}
