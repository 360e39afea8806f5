package fr.communitydefender.alerting.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.communitydefender.domain.config.FieldException;
import fr.communitydefender.domain.incident.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * ElastAlert's {@code frequency}: fires while at least {@code num_events} mentions of the watch fall within the trailing
 * {@code timeframe} (whole minutes).
 */
public record FrequencyRule(
    String id,
    String watch,
    Duration timeframe,
    @JsonProperty("num_events") Long numEvents,
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

  public FrequencyRule {
    FieldException.required(id, "id");
    if (!VolumeThresholdRule.ID.matcher(id).matches()) {
      throw new FieldException("id", "'" + id + "' must be lower-case letters, digits, '.', '-' or '_'");
    }
    FieldException.required(watch, "watch");
    timeframe = timeframe == null ? Duration.ofMinutes(60) : timeframe;
    if (timeframe.toSeconds() < 60 || timeframe.toSeconds() % 60 != 0 || timeframe.toHours() > 24) {
      throw new FieldException("timeframe", "must be a whole number of minutes between 1m and 24h");
    }
    FieldException.required(numEvents, "num_events");
    if (numEvents < 1) {
      throw new FieldException("num_events", "must be at least 1");
    }
    quiet = quiet == null ? Duration.ofMinutes(30) : quiet;
    if (quiet.toSeconds() < 60) {
      throw new FieldException("quiet", "must be at least 1m");
    }
    severity = severity == null ? Severity.MEDIUM : severity;
    title = title == null || title.isBlank() ? "Fréquence atteinte" : title;
    forDuration = RuleOptions.forDuration(forDuration);
    cooldown = RuleOptions.cooldown(cooldown, quiet);
    labels = RuleOptions.labels(labels);
    description = RuleOptions.description(description);
    active = RuleOptions.windows(active);
    mute = RuleOptions.windows(mute);
    group = RuleOptions.group(group);
  }
}
