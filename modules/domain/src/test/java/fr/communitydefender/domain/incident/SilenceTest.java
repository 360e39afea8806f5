package fr.communitydefender.domain.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A silence lasts its duration in elapsed time, whatever the day: an 8-hour night is 8 hours across a clock change. */
class SilenceTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("fr.communitydefender.domain.time.AnyDay#instants")
  void shouldBeActiveForItsDurationThenEndAtEveryInstant(String label, Instant now) {
    Silence s = new Silence("s1", "ville", null, "admin", "travaux", now, now.plus(Duration.ofHours(8)));
    assertThat(s.activeAt(now.minusSeconds(1))).isFalse();
    assertThat(s.activeAt(now)).isTrue();
    assertThat(s.activeAt(now.plus(Duration.ofHours(8)).minusSeconds(1))).isTrue();
    assertThat(s.activeAt(now.plus(Duration.ofHours(8)))).isFalse();
    Silence ended = s.endedAt(now.plus(Duration.ofHours(1)));
    assertThat(ended.activeAt(now.plus(Duration.ofHours(1)))).isFalse();
    assertThat(ended.activeAt(now.plus(Duration.ofMinutes(59)))).isTrue();
  }
}
