package fr.communitydefender.alerting.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.communitydefender.domain.config.FieldException;
import fr.communitydefender.domain.incident.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Fires while, within the trailing {@code window}, at least {@code minCount} mentions are negative and they are at
 * least {@code share} of the mentions that have a sentiment (the fast or trained tier's label): anger rising, even
 * when the volume is ordinary.
 */
public record NegativeShareRule(
    String id,
    String watch,
    Duration window,
    Double share,
    @JsonProperty("min_count") Long minCount,
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

  public NegativeShareRule {
    FieldException.required(id, "id");
    if (!VolumeThresholdRule.ID.matcher(id).matches()) {
      throw new FieldException("id", "'" + id + "' must be lower-case letters, digits, '.', '-' or '_'");
    }
    FieldException.required(watch, "watch");
    window = window == null ? Duration.ofMinutes(15) : window;
    if (window.toSeconds() < 60 || window.toSeconds() % 60 != 0 || window.toHours() > 24) {
      throw new FieldException("window", "must be a whole number of minutes between 1m and 24h");
    }
    share = share == null ? 0.6 : share;
    if (share <= 0 || share > 1) {
      throw new FieldException("share", "must be above 0 and at most 1");
    }
    minCount = minCount == null ? 8L : minCount;
    if (minCount < 1) {
      throw new FieldException("min_count", "must be at least 1");
    }
    quiet = quiet == null ? Duration.ofHours(1) : quiet;
    if (quiet.toSeconds() < 60) {
      throw new FieldException("quiet", "must be at least 1m");
    }
    severity = severity == null ? Severity.MEDIUM : severity;
    title = title == null || title.isBlank() ? "Vague de mentions négatives" : title;
    forDuration = RuleOptions.forDuration(forDuration);
    cooldown = RuleOptions.cooldown(cooldown, quiet);
    labels = RuleOptions.labels(labels);
    description = RuleOptions.description(description);
    active = RuleOptions.windows(active);
    mute = RuleOptions.windows(mute);
    group = RuleOptions.group(group);
  }

  /** Without the common options (their defaults). */
  public NegativeShareRule(String id, String watch, Duration window, Double share, Long minCount, Duration quiet,
      Severity severity, String title) {
    this(id, watch, window, share, minCount, quiet, severity, title, null, null, null, null, null, null, null);
  }
}
