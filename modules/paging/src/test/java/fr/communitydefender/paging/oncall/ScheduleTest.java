package fr.communitydefender.paging.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  private final Schedule weekly = new Schedule("astreinte", List.of("camille", "yanis"), LocalDate.parse("2026-11-02"),
      "monday 09:00", null, null, List.of(new Schedule.Override("yanis", LocalDateTime.parse("2026-12-17T18:00"),
          LocalDateTime.parse("2026-12-19T09:00"))));

  @Test
  void shouldHandOverEveryMondayAtNineParisTime() {
    assertThat(weekly.at(Instant.parse("2026-11-02T08:00:00Z")).person()).as("Monday 09:00 Paris").isEqualTo("camille");
    assertThat(weekly.at(Instant.parse("2026-11-09T07:59:59Z")).person()).as("next Monday 08:59:59").isEqualTo("camille");
    assertThat(weekly.at(Instant.parse("2026-11-09T08:00:00Z")).person()).isEqualTo("yanis");
    assertThat(weekly.at(Instant.parse("2026-11-16T08:00:00Z")).person()).isEqualTo("camille");
    Schedule.Shift shift = weekly.at(Instant.parse("2026-11-12T03:00:00Z"));
    assertThat(shift.from()).isEqualTo(Instant.parse("2026-11-09T08:00:00Z"));
    assertThat(shift.to()).isEqualTo(Instant.parse("2026-11-16T08:00:00Z"));
    assertThat(weekly.next(Instant.parse("2026-11-12T03:00:00Z")).person()).isEqualTo("camille");
  }

  @Test
  void shouldKeepNineOClockLocalAcrossTheChangeOfTime() {
    Schedule spring = new Schedule("s", List.of("a", "b"), LocalDate.parse("2027-03-22"), "monday 09:00", null, null,
        null);
    assertThat(spring.at(Instant.parse("2027-03-29T06:59:00Z")).person()).as("08:59 CEST").isEqualTo("a");
    assertThat(spring.at(Instant.parse("2027-03-29T07:00:00Z")).person()).as("09:00 CEST").isEqualTo("b");
  }

  @Test
  void shouldLetAnOverrideWinAndCoverTheFirstMemberBeforeTheStart() {
    assertThat(weekly.at(Instant.parse("2026-12-17T16:59:00Z")).person()).as("Camille's week").isEqualTo("camille");
    assertThat(weekly.at(Instant.parse("2026-12-17T17:00:00Z")).person()).isEqualTo("yanis");
    assertThat(weekly.at(Instant.parse("2026-12-19T08:00:00Z")).person()).isEqualTo("camille");
    assertThat(weekly.at(Instant.parse("2026-10-01T00:00:00Z")).person()).isEqualTo("camille");
  }

  @Test
  void shouldRefuseAnUnreadableHandover() {
    assertThatThrownBy(() -> new Schedule("s", List.of("a"), LocalDate.parse("2026-11-02"), "lundi 9h", null, null,
        null)).hasMessage("handover: 'lundi 9h': expected a day and a time, e.g. \"monday 09:00\"");
  }
}
