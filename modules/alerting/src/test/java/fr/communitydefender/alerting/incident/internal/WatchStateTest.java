package fr.communitydefender.alerting.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import fr.communitydefender.domain.json.Json;
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

  @Test
  void shouldWriteCountsAsAFlatArrayAndReadThemBackWhenStored() {
    WatchState state = WatchState.empty("ville");
    state.record(T0.toEpochMilli(), 3, new WatchState.Figures(0, 0, 0, 0, null, 0));
    state.record(T0.plusSeconds(120).toEpochMilli(), 5, new WatchState.Figures(0, 0, 0, 0, null, 0));
    state.hours().put(T0.toEpochMilli(), 8L);

    String json = Json.write(state);
    WatchState read = Json.read(json, WatchState.class);

    assertThat(json).contains("\"buckets\":[" + T0.toEpochMilli() + ",3,120000,5]")
        .contains("\"hours\":[" + T0.toEpochMilli() + ",8]");
    assertThat(read.buckets()).containsExactly(entry(T0.toEpochMilli(), 3L), entry(T0.toEpochMilli() + 120_000, 5L));
    assertThat(read.hours()).containsExactly(entry(T0.toEpochMilli(), 8L));
  }

  @Test
  void shouldReadCountsWrittenAsAnObjectWhenTheStoreIsFromAnEarlierVersion() {
    String json = "{\"watchId\":\"ville\",\"clock\":\"2026-03-02T00:05:00Z\",\"buckets\":{\""
        + T0.toEpochMilli() + "\":3},\"hours\":{\"" + T0.toEpochMilli() + "\":3}}";

    WatchState read = Json.read(json, WatchState.class);

    assertThat(read.sum(T0.plusSeconds(300), Duration.ofMinutes(5))).isEqualTo(3);
    assertThat(read.lastHours(T0.plusSeconds(3600), 1)).isEqualTo(3);
  }

  @Test
  void shouldRejectCountsThatAreNeitherAnArrayNorAnObjectWhenRead() {
    assertThatThrownBy(() -> Json.read("{\"watchId\":\"ville\",\"buckets\":\"3\"}", WatchState.class))
        .hasMessageContaining("buckets");
  }
}
