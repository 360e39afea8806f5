package fr.communitydefender.paging.oncall;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.communitydefender.domain.config.FieldException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * An astreinte: {@code members} take turns, each for {@code days} (default 7) from the hand-over ({@code handover:
 * "monday 09:00"}, local time of {@code time_zone}, default Europe/Paris), the first one from the hand-over on or
 * after {@code start}; {@code overrides} put someone else on call for a period (holidays, swaps).
 */
public record Schedule(
    String id,
    List<String> members,
    LocalDate start,
    String handover,
    Integer days,
    @JsonProperty("time_zone") ZoneId timeZone,
    List<Override> overrides) {

  /** Someone else on call from {@code from} to {@code to} (local times). */
  public record Override(String person, LocalDateTime from, LocalDateTime to) {
    public Override {
      FieldException.required(person, "person");
      FieldException.required(from, "from");
      FieldException.required(to, "to");
      if (!to.isAfter(from)) {
        throw new FieldException("to", "must be after from");
      }
    }
  }

  /** Who is on call at an instant, and since/until when. */
  public record Shift(String person, Instant from, Instant to) {}

  public Schedule {
    FieldException.required(id, "id");
    if (members == null || members.isEmpty()) {
      throw new FieldException("members", "at least one person");
    }
    members = List.copyOf(members);
    FieldException.required(start, "start");
    handover = handover == null ? "monday 09:00" : handover;
    parseHandover(handover);
    days = days == null ? 7 : days;
    if (days < 1 || days > 60) {
      throw new FieldException("days", "between 1 and 60");
    }
    timeZone = timeZone == null ? ZoneId.of("Europe/Paris") : timeZone;
    overrides = overrides == null ? List.of() : List.copyOf(overrides);
  }

  private static Object[] parseHandover(String text) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
    try {
      if (parts.length != 2) {
        throw new IllegalArgumentException();
      }
      return new Object[] {DayOfWeek.valueOf(parts[0].toUpperCase(Locale.ROOT)), LocalTime.parse(parts[1])};
    } catch (RuntimeException e) {
      throw new FieldException("handover", "'" + text + "': expected a day and a time, e.g. \"monday 09:00\"");
    }
  }

  /** The rotation's first hand-over: the hand-over day and time on or after {@code start}. */
  private ZonedDateTime firstHandover() {
    Object[] h = parseHandover(handover);
    LocalDate d = start;
    while (d.getDayOfWeek() != h[0]) {
      d = d.plusDays(1);
    }
    return d.atTime((LocalTime) h[1]).atZone(timeZone);
  }

  /** The shift covering {@code at} (an override wins); before the rotation starts, its first member. */
  public Shift at(Instant at) {
    for (Override o : overrides) {
      Instant from = o.from().atZone(timeZone).toInstant();
      Instant to = o.to().atZone(timeZone).toInstant();
      if (!at.isBefore(from) && at.isBefore(to)) {
        return new Shift(o.person(), from, to);
      }
    }
    ZonedDateTime first = firstHandover();
    ZonedDateTime local = at.atZone(timeZone);
    long n = local.isBefore(first) ? 0 : ChronoUnit.DAYS.between(first.toLocalDate(), local.toLocalDate()) / days;
    ZonedDateTime shiftStart = first.toLocalDateTime().plusDays(n * days).atZone(timeZone);
    if (local.isBefore(shiftStart)) {
      n--;
      shiftStart = first.toLocalDateTime().plusDays(n * days).atZone(timeZone);
    }
    ZonedDateTime shiftEnd = shiftStart.toLocalDateTime().plusDays(days).atZone(timeZone);
    int index = (int) Math.floorMod(Math.max(n, 0), (long) members.size());
    return new Shift(members.get(index), shiftStart.toInstant(), shiftEnd.toInstant());
  }

  /** The next shift after the one covering {@code at}. */
  public Shift next(Instant at) {
    return this.at(this.at(at).to().plus(Duration.ofSeconds(1)));
  }
}
