package fr.communitydefender.alerting.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import fr.communitydefender.domain.config.FieldException;
import fr.communitydefender.domain.incident.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fires while a watch has at least {@code threshold} mentions within the trailing {@code window} (a whole number of
 * minutes, made of the 1-minute volume signals).
 */
public record VolumeThresholdRule(
    String id,
    @JsonDeserialize(using = WatchList.class) String watch,
    Duration window,
    Long threshold,
    Duration quiet,
    Severity severity,
    String title,
    @JsonProperty("for") Duration forDuration,
    Duration cooldown,
    Map<String, String> labels,
    String description,
    List<TimeWindow> active,
    List<TimeWindow> mute,
    Duration group) implements AlertRule {
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,99}");
  public static final Duration DEFAULT_QUIET = Duration.ofMinutes(15);

  public VolumeThresholdRule {
    RuleOptions.identity(id, watch);
    window = RuleOptions.minutes(window, null, "window", 24);
    FieldException.required(threshold, "threshold");
    if (threshold < 1) {
      throw new FieldException("threshold", "must be at least 1");
    }
    quiet = RuleOptions.quiet(quiet, DEFAULT_QUIET);
    severity = severity == null ? Severity.MEDIUM : severity;
    title = RuleOptions.title(title, "Pic de mentions");
    forDuration = RuleOptions.forDuration(forDuration);
    cooldown = RuleOptions.cooldown(cooldown, quiet);
    labels = RuleOptions.labels(labels);
    description = RuleOptions.description(description);
    active = RuleOptions.windows(active);
    mute = RuleOptions.windows(mute);
    group = RuleOptions.group(group);
  }

  /** Without the common options (their defaults). */
  public VolumeThresholdRule(String id, String watch, Duration window, Long threshold, Duration quiet, Severity severity, String title) {
    this(id, watch, window, threshold, quiet, severity, title, null, null, null, null, null, null, null);
  }
}
