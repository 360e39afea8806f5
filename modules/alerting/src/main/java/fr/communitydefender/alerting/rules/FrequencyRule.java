package fr.communitydefender.alerting.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
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
    @JsonDeserialize(using = WatchList.class) String watch,
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
    RuleOptions.identity(id, watch);
    timeframe = RuleOptions.minutes(timeframe, Duration.ofMinutes(60), "timeframe", 24);
    FieldException.required(numEvents, "num_events");
    if (numEvents < 1) {
      throw new FieldException("num_events", "must be at least 1");
    }
    quiet = RuleOptions.quiet(quiet, Duration.ofMinutes(30));
    severity = severity == null ? Severity.MEDIUM : severity;
    title = RuleOptions.title(title, "Fréquence atteinte");
    forDuration = RuleOptions.forDuration(forDuration);
    cooldown = RuleOptions.cooldown(cooldown, quiet);
    labels = RuleOptions.labels(labels);
    description = RuleOptions.description(description);
    active = RuleOptions.windows(active);
    mute = RuleOptions.windows(mute);
    group = RuleOptions.group(group);
  }
}
