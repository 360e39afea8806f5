package fr.communitydefender.domain.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in config: {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}, or ISO-8601. */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  public static Duration parse(String text) {
    String s = text == null ? "" : text.trim();
    Matcher m = SHORT.matcher(s);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("invalid duration '" + s + "' (examples: 30s, 5m, 1h, 2d)");
    }
  }

  public static String format(Duration d) {
    long s = d.toSeconds();
    if (s % 86_400 == 0 && s > 0) {
      return s / 86_400 + "d";
    } else if (s % 3600 == 0 && s > 0) {
      return s / 3600 + "h";
    } else if (s % 60 == 0 && s > 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }

  /** Jackson deserializer used by config records for {@link Duration} fields. */
  public static final class Deserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      try {
        return parse(p.getValueAsString());
      } catch (IllegalArgumentException e) {
        throw ctxt.weirdStringException(p.getText(), Duration.class, e.getMessage());
      }
    }
  }
}
