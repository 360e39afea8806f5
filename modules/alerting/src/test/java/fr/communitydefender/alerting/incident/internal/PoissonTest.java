package fr.communitydefender.alerting.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.communitydefender.domain.json.JsonSerde;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PoissonTest {
  @Test
  void shouldMatchClosedFormsWhenCountsAreSmall() {
    assertThat(Poisson.tail(1, 0.5)).isCloseTo(1 - Math.exp(-0.5), within(1e-12));
    double below5 = Math.exp(-1) * (1 + 1 + 0.5 + 1.0 / 6 + 1.0 / 24);
    assertThat(Poisson.tail(5, 1)).isCloseTo(1 - below5, within(1e-12));
    assertThat(Poisson.tail(0, 3)).isEqualTo(1);
  }

  @Test
  void shouldStayAccurateWhenCountsAndLambdaAreLarge() {
    // reference values summed term by term in double precision elsewhere (Python, lgamma)
    assertThat(Poisson.tail(100, 100)).isCloseTo(0.5132988, within(1e-6));
    assertThat(Poisson.tail(200, 100)).isCloseTo(9.34315e-19, within(1e-23));
  }

  @Test
  void shouldDecreaseWhenCountGrows() {
    double previous = 1;
    for (int k = 1; k < 40; k++) {
      double p = Poisson.tail(k, 4.2);
      assertThat(p).isLessThan(previous);
      previous = p;
    }
  }

  @Test
  void shouldKeepTheLearnedBaselineWhenStateGoesThroughTheChangelogSerde() {
    Instant t0 = Instant.parse("2026-03-02T00:00:00Z");
    WatchState state = WatchState.empty("ville").withClock(t0.plusSeconds(60)).learn(t0, WatchState.SETTLE);
    for (int m = 1; m < 300; m++) {
      Instant start = t0.plusSeconds(60L * m);
      state.buckets().put(start.toEpochMilli(), 2L);
      state = state.withClock(start.plusSeconds(60)).learn(start, WatchState.SETTLE);
    }
    JsonSerde<WatchState> serde = JsonSerde.of(WatchState.class);
    WatchState restored = serde.deserializer().deserialize("t", serde.serializer().serialize("t", state));
    Instant at = t0.plusSeconds(5 * 3600);
    assertThat(restored.baseline().perMinute(at)).isEqualTo(state.baseline().perMinute(at)).isGreaterThan(1.5);
    assertThat(restored.baseline().learnedUpTo()).isEqualTo(state.baseline().learnedUpTo());
    assertThat(restored.lastHours(at, 24)).isEqualTo(state.lastHours(at, 24)).isPositive();
  }
}
