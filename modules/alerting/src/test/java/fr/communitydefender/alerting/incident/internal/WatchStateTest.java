package fr.communitydefender.alerting.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a watch's state keeps, and for how long. */
class WatchStateTest {
  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

  @Test
  void shouldKeepFiguresOnlyAsLongAsTheirRulesNeedWhenCountsAreKeptLonger() {
    WatchState state = WatchState.empty("ville");
    for (int m = 0; m < 8 * 60; m++) {
      state.record(T0.plus(Duration.ofMinutes(m)).toEpochMilli(), 1,
          new WatchState.Figures(1, 0, 0.5, 10, null, 0));
    }
    state = state.withClock(T0.plus(Duration.ofHours(8)));
    state.prune(Duration.ofHours(7), Duration.ofMinutes(90));
    assertThat(state.sum(state.clock(), Duration.ofHours(8))).as("counts of the last 7 hours").isEqualTo(7 * 60);
    assertThat(state.figures(state.clock(), Duration.ofHours(8)).scored()).as("figures of the last 90 minutes")
        .isEqualTo(90);
  }

  @Test
  void shouldCountMinutesSeenButNotLearnedYetWhenLearningLagsTheClock() {
    WatchState state = WatchState.empty("ville").withClock(T0.plusSeconds(60)).learn(T0, Duration.ofHours(1));
    state = state.withClock(T0.plus(Duration.ofMinutes(90))).learn(T0, Duration.ofHours(1));
    assertThat(state.baseline().minutesLearned()).as("only what left the hour-long window").isEqualTo(30);
    assertThat(state.minutesSeen()).isEqualTo(90);
  }
}
