package fr.communitydefender.paging.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.domain.incident.Severity;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Quiet hours 22:00–07:00 Paris at every instant of {@code AnyDay}, across both daylight-saving changes. */
class QuietHoursTest {
  private final QuietHours nights = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), null, null);

  /** Paris local time computed apart from the time-zone database: UTC+2 from the last Sunday of March, 01:00 UTC. */
  private static LocalTime parisTime(Instant at) {
    int year = at.atOffset(ZoneOffset.UTC).getYear();
    Instant summer = lastSundayOf(year, 3);
    Instant winter = lastSundayOf(year, 10);
    int offset = !at.isBefore(summer) && at.isBefore(winter) ? 2 : 1;
    return at.atOffset(ZoneOffset.ofHours(offset)).toLocalTime();
  }

  private static Instant lastSundayOf(int year, int month) {
    java.time.LocalDate d = java.time.YearMonth.of(year, month).atEndOfMonth();
    while (d.getDayOfWeek() != java.time.DayOfWeek.SUNDAY) {
      d = d.minusDays(1);
    }
    return d.atTime(1, 0).toInstant(ZoneOffset.UTC);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fr.communitydefender.domain.time.AnyDay#instants")
  void shouldHoldPagesBelowHighOnlyAtNightInParis(String label, Instant now) {
    LocalTime t = parisTime(now);
    boolean night = t.getHour() >= 22 || t.getHour() < 7;
    assertThat(nights.holds(Severity.MEDIUM, now)).as("%s is %s in Paris", now, t).isEqualTo(night);
    assertThat(nights.holds(Severity.HIGH, now)).as("high severity always pages").isFalse();
  }
}
