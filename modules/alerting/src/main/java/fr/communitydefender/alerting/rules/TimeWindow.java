package fr.communitydefender.alerting.rules;

import fr.communitydefender.domain.config.FieldException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A recurring period in local time (Europe/Paris unless {@code zone} says otherwise): {@code days} (mon…sun; none =
 * every day) from {@code from} to {@code to} ("HH:mm"; {@code to} before {@code from} crosses midnight, counted on the
 * day it starts).
 */
public record TimeWindow(List<String> days, String from, String to, String zone) {
  private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
      "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
      "sun", DayOfWeek.SUNDAY);

  public TimeWindow {
    days = days == null ? List.of() : days.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
    for (String d : days) {
      if (!DAYS.containsKey(d)) {
        throw new FieldException("days", "unknown day '" + d + "' (mon, tue, wed, thu, fri, sat, sun)");
      }
    }
    time(FieldException.required(from, "from"), "from");
    time(FieldException.required(to, "to"), "to");
    zone = zone == null ? "Europe/Paris" : zone;
    try {
      ZoneId.of(zone);
    } catch (RuntimeException e) {
      throw new FieldException("zone", "unknown time zone '" + zone + "'");
    }
  }

  private static LocalTime time(String s, String field) {
    try {
      return LocalTime.parse(s);
    } catch (DateTimeParseException e) {
      throw new FieldException(field, "expected HH:mm, got '" + s + "'");
    }
  }

  public boolean contains(Instant at) {
    ZonedDateTime t = at.atZone(ZoneId.of(zone));
    LocalTime start = LocalTime.parse(from);
    LocalTime end = LocalTime.parse(to);
    LocalTime now = t.toLocalTime();
    if (!start.isAfter(end)) {
      return dayOk(t.getDayOfWeek()) && !now.isBefore(start) && now.isBefore(end);
    }
    return (dayOk(t.getDayOfWeek()) && !now.isBefore(start)) || (dayOk(t.getDayOfWeek().minus(1)) && now.isBefore(end));
  }

  private boolean dayOk(DayOfWeek d) {
    return days.isEmpty() || days.stream().anyMatch(x -> DAYS.get(x) == d);
  }
}
