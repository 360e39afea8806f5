package fr.communitydefender.paging.oncall;

import fr.communitydefender.domain.config.FieldException;
import fr.communitydefender.domain.incident.Severity;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The right to disconnect: between {@code from} and {@code to} (local time, may span midnight), incidents below
 * {@code below} (default high) wake nobody — SMS and webhooks are held, the email is sent to be read in the morning.
 */
public record QuietHours(LocalTime from, LocalTime to, Severity below,
    @com.fasterxml.jackson.annotation.JsonProperty("time_zone") ZoneId timeZone) {
  public QuietHours {
    FieldException.required(from, "from");
    FieldException.required(to, "to");
    below = below == null ? Severity.HIGH : below;
    timeZone = timeZone == null ? ZoneId.of("Europe/Paris") : timeZone;
  }

  /** Whether a page of this severity at this instant must not wake anyone. */
  public boolean holds(Severity severity, Instant at) {
    if (severity != null && severity.compareTo(below) >= 0) {
      return false;
    }
    LocalTime t = at.atZone(timeZone).toLocalTime();
    return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
  }
}
