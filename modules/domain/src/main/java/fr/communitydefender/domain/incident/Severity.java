package fr.communitydefender.domain.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How urgent an incident is; decides who is paged and how fast (on-call issue). */
public enum Severity {
  INFO, LOW, MEDIUM, HIGH, CRITICAL;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Severity of(String value) {
    for (Severity s : values()) {
      if (s.id().equalsIgnoreCase(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown severity '" + value + "' (known: "
        + Arrays.stream(values()).map(Severity::id).collect(Collectors.joining(", ")) + ")");
  }
}
