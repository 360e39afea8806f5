package fr.communitydefender.alerting.rules;

import fr.communitydefender.domain.config.FieldException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks and defaults of the keys every rule type has (see {@link AlertRule}). */
public final class RuleOptions {
  private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_]{0,40}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
  static final List<String> PLACEHOLDERS = List.of("watch", "rule", "count", "threshold", "window", "reason");

  private RuleOptions() {}

  /** Checks {@code id} (lower-case letters, digits, '.', '-', '_') and that {@code watch} is given. */
  static void identity(String id, String watch) {
    FieldException.required(id, "id");
    if (!VolumeThresholdRule.ID.matcher(id).matches()) {
      throw new FieldException("id", "'" + id + "' must be lower-case letters, digits, '.', '-' or '_'");
    }
    FieldException.required(watch, "watch");
  }

  /** {@code quiet}, at least a minute; {@code fallback} when absent. */
  static Duration quiet(Duration quiet, Duration fallback) {
    Duration q = quiet == null ? fallback : quiet;
    if (q.toSeconds() < 60) {
      throw new FieldException("quiet", "must be at least 1m");
    }
    return q;
  }

  /** A whole number of minutes between 1m and {@code maxHours}; {@code fallback} when absent. */
  static Duration minutes(Duration d, Duration fallback, String field, int maxHours) {
    Duration v = d == null ? fallback : d;
    if (v == null) {
      throw new FieldException(field, "required");
    }
    if (v.toSeconds() < 60 || v.toSeconds() % 60 != 0 || v.toHours() > maxHours) {
      throw new FieldException(field, "must be a whole number of minutes between 1m and " + maxHours + "h");
    }
    return v;
  }

  static String title(String title, String fallback) {
    return title == null || title.isBlank() ? fallback : title;
  }

  static Duration forDuration(Duration d) {
    if (d != null && (d.isNegative() || d.toHours() > 24)) {
      throw new FieldException("for", "must be between 0s and 24h");
    }
    return d == null ? Duration.ZERO : d;
  }

  static Duration cooldown(Duration d, Duration quiet) {
    if (d != null && (d.isNegative() || d.toDays() > 7)) {
      throw new FieldException("cooldown", "must be between 0s and 7d");
    }
    return d == null ? quiet : d;
  }

  static Map<String, String> labels(Map<String, String> labels) {
    if (labels == null) {
      return Map.of();
    }
    labels.forEach((k, v) -> {
      if (!LABEL.matcher(k).matches()) {
        throw new FieldException("labels." + k, "label names are lower-case letters, digits and '_'");
      }
      if (v == null || v.length() > 200) {
        throw new FieldException("labels." + k, "a value of at most 200 characters is required");
      }
    });
    return Map.copyOf(labels);
  }

  static String description(String template) {
    if (template == null) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        throw new FieldException("description", "unknown placeholder {" + m.group(1) + "} (known: "
            + String.join(", ", PLACEHOLDERS) + ")");
      }
    }
    return template;
  }

  static Duration group(Duration d) {
    if (d != null && (d.isNegative() || d.toHours() > 24)) {
      throw new FieldException("group", "must be between 0s and 24h");
    }
    return d == null ? Duration.ofMinutes(30) : d;
  }

  static List<TimeWindow> windows(List<TimeWindow> windows) {
    return windows == null ? List.of() : List.copyOf(windows);
  }

  /** The description with its placeholders filled. */
  public static String render(String template, Map<String, String> values) {
    if (template == null) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Whether the rule runs at {@code at}: inside one of its active windows (or has none). */
  public static boolean active(AlertRule rule, Instant at) {
    return rule.active().isEmpty() || rule.active().stream().anyMatch(w -> w.contains(at));
  }

  /** Whether incidents of the rule opening at {@code at} are muted (recorded, not notified). */
  public static boolean muted(AlertRule rule, Instant at) {
    return rule.mute().stream().anyMatch(w -> w.contains(at));
  }
}
