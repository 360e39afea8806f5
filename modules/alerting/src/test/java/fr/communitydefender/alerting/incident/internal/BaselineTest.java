package fr.communitydefender.alerting.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BaselineTest {
  /** Monday 2 March 2026, 09:00 in Paris. */
  private static final Instant MONDAY_9 = Instant.parse("2026-03-02T08:00:00Z");

  @Test
  void shouldKeepWeekdaysAndWeekendsApartWhenLearningAnHour() {
    Baseline b = Baseline.empty();
    for (int day = 0; day < 5; day++) { // Monday to Friday, 09:00–10:00 in Paris: 4 a minute
      for (int m = 0; m < 60; m++) {
        b.learn(MONDAY_9.plus(Duration.ofDays(day)).plusSeconds(60L * m), 4);
      }
    }
    assertThat(b.perMinute(MONDAY_9.plus(Duration.ofDays(7)))).as("next Monday 09:00").isGreaterThan(3);
    Instant saturday9 = MONDAY_9.plus(Duration.ofDays(5));
    assertThat(b.perMinute(saturday9)).as("Saturday 09:00 has not learned: the overall level")
        .isCloseTo(b.level()[0], within(1e-9));
  }

  @Test
  void shouldUseParisTimeForTheHourSlot() {
    assertThat(Baseline.slot(Instant.parse("2026-07-01T07:30:00Z"))).as("09:30 CEST, a Wednesday").isEqualTo(9);
    assertThat(Baseline.slot(Instant.parse("2026-03-07T23:30:00Z"))).as("Sunday 00:30 CET").isEqualTo(24);
  }

  @Test
  void shouldLearnAtMostAWinsorisedStepWhenACrisisMinuteArrives() {
    Baseline b = Baseline.empty();
    b.learn(MONDAY_9, 1_000);
    assertThat(b.level()[0]).as("one crisis minute barely moves a quiet watch's level").isLessThan(0.05);
  }
}
