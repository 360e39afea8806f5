package fr.communitydefender.collectors.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
  private long now;
  private final List<Long> sleeps = new ArrayList<>();

  private Pacer pacer(double speed) {
    return new Pacer(speed, () -> now, ms -> {
      sleeps.add(ms);
      now += ms * 1_000_000;
    });
  }

  @Test
  void shouldSpaceEventsBySpeedFactorWhenReplayingAtSixtyTimes() throws InterruptedException {
    Pacer p = pacer(60);
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    p.awaitDue(t);
    p.awaitDue(t.plusSeconds(60));   // one minute of event time = 1 s
    p.awaitDue(t.plusSeconds(60));   // same time: no wait
    p.awaitDue(t.plusSeconds(30));   // out of order: due already
    p.awaitDue(t.plusSeconds(180));  // 3 s after start, 1 s already slept
    assertThat(sleeps).containsExactly(1000L, 2000L);
  }

  @Test
  void shouldNeverSleepWhenSpeedIsZero() throws InterruptedException {
    Pacer p = pacer(0);
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    p.awaitDue(t);
    p.awaitDue(t.plusSeconds(3600));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void shouldRejectWhenSpeedIsNegative() {
    assertThatThrownBy(() -> pacer(-1)).hasMessageContaining("speed");
  }

  @Test
  void shouldDrawProportionalBarWhenHalfDone() {
    assertThat(Progress.bar("x.jsonl", 50, 100))
        .isEqualTo("replay x.jsonl [###############...............] 50% 50/100");
  }
}
