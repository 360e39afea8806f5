package fr.communitydefender.collectors.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void shouldGrowWithJitterUpToTheCeilingAndRestartAfterASuccess() {
    Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    long[] steps = new long[8];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = b.next().toMillis();
    }
    assertThat(steps[0]).isBetween(500L, 1000L);
    assertThat(steps[1]).isBetween(1000L, 2000L);
    assertThat(steps[3]).isBetween(4000L, 8000L);
    assertThat(steps[7]).as("capped").isBetween(15_000L, 30_000L);
    b.reset();
    assertThat(b.next().toMillis()).isBetween(500L, 1000L);
  }

  @Test
  void shouldWaitAtLeastWhatTheSourceAskedFor() {
    Backoff b = Backoff.standard();
    assertThat(b.next(Duration.ofMinutes(15))).isEqualTo(Duration.ofMinutes(15));
    assertThat(b.next(null).toMillis()).isBetween(1000L, 2000L);
  }
}
