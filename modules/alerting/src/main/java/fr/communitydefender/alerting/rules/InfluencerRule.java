package fr.communitydefender.alerting.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.communitydefender.domain.config.FieldException;
import fr.communitydefender.domain.incident.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Fires when, within the trailing {@code window}, one mention of the watch comes from an author whose reach (the
 * audience the source reports) is at least {@code min_reach}: an influential voice is talking about the commune.
 */
public record InfluencerRule(
    String id,
    String watch,
    Duration window,
    @JsonProperty("min_reach") Long minReach,
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

  public InfluencerRule {
    FieldException.required(id, "id");
    if (!VolumeThresholdRule.ID.matcher(id).matches()) {
      throw new FieldException("id", "'" + id + "' must be lower-case letters, digits, '.', '-' or '_'");
    }
    FieldException.required(watch, "watch");
    window = window == null ? Duration.ofMinutes(15) : window;
    if (window.toSeconds() < 60 || window.toSeconds() % 60 != 0 || window.toHours() > 24) {
      throw new FieldException("window", "must be a whole number of minutes between 1m and 24h");
    }
    minReach = minReach == null ? 50_000L : minReach;
    if (minReach < 1) {
      throw new FieldException("min_reach", "must be at least 1");
    }
    quiet = quiet == null ? Duration.ofHours(1) : quiet;
    if (quiet.toSeconds() < 60) {
      throw new FieldException("quiet", "must be at least 1m");
    }
    severity = severity == null ? Severity.MEDIUM : severity;
    title = title == null || title.isBlank() ? "Voix influente" : title;
    forDuration = RuleOptions.forDuration(forDuration);
    cooldown = RuleOptions.cooldown(cooldown, quiet);
    labels = RuleOptions.labels(labels);
    description = RuleOptions.description(description);
    active = RuleOptions.windows(active);
    mute = RuleOptions.windows(mute);
    group = RuleOptions.group(group);
  }
}
