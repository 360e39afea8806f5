package fr.communitydefender.alerting.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.communitydefender.domain.config.FieldException;
import fr.communitydefender.domain.incident.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * ElastAlert's {@code flatline}, for collector health: fires when the trailing {@code window} holds fewer than
 * {@code threshold} mentions while the learned baseline expects at least {@code min_expected} there — a source or a
 * collector went silent. Evaluated on every signal and, when signals stop altogether, by the wall clock.
 */
public record FlatlineRule(
    String id,
    String watch,
    Duration window,
    Long threshold,
    @JsonProperty("min_expected") Double minExpected,
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

  public FlatlineRule {
    FieldException.required(id, "id");
    if (!VolumeThresholdRule.ID.matcher(id).matches()) {
      throw new FieldException("id", "'" + id + "' must be lower-case letters, digits, '.', '-' or '_'");
    }
    FieldException.required(watch, "watch");
    window = window == null ? Duration.ofHours(1) : window;
    if (window.toSeconds() < 60 || window.toSeconds() % 60 != 0 || window.toHours() > 24) {
      throw new FieldException("window", "must be a whole number of minutes between 1m and 24h");
    }
    threshold = threshold == null ? 1L : threshold;
    if (threshold < 1) {
      throw new FieldException("threshold", "must be at least 1");
    }
    minExpected = minExpected == null ? 10.0 : minExpected;
    if (minExpected <= 0) {
      throw new FieldException("min_expected", "must be above 0");
    }
    quiet = quiet == null ? Duration.ofMinutes(30) : quiet;
    if (quiet.toSeconds() < 60) {
      throw new FieldException("quiet", "must be at least 1m");
    }
    severity = severity == null ? Severity.LOW : severity;
    title = title == null || title.isBlank() ? "Silence inhabituel" : title;
    forDuration = RuleOptions.forDuration(forDuration);
    cooldown = RuleOptions.cooldown(cooldown, quiet);
    labels = RuleOptions.labels(labels);
    description = RuleOptions.description(description);
    active = RuleOptions.windows(active);
    mute = RuleOptions.windows(mute);
    group = RuleOptions.group(group);
  }
}
