package fr.communitydefender.domain.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void shouldParseShortFormsAndIsoWhenWrittenByPeople() {
    assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(Durations.parse("PT90S")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.format(Duration.ofMinutes(15))).isEqualTo("15m");
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
  }

  @Test
  void shouldRejectWhenUnitIsUnknown() {
    assertThatThrownBy(() -> Durations.parse("5 minutes"))
        .hasMessage("invalid duration '5 minutes' (examples: 30s, 5m, 1h, 2d)");
  }
}
