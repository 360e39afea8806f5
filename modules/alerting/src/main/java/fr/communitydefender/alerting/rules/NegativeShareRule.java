package fr.communitydefender.alerting.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
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
    @JsonDeserialize(using = WatchList.class) String watch,
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
    RuleOptions.identity(id, watch);
    window = RuleOptions.minutes(window, Duration.ofMinutes(15), "window", 24);
    share = share == null ? 0.6 : share;
    if (share <= 0 || share > 1) {
      throw new FieldException("share", "must be above 0 and at most 1");
    }
    minCount = minCount == null ? 8L : minCount;
    if (minCount < 1) {
      throw new FieldException("min_count", "must be at least 1");
    }
    quiet = RuleOptions.quiet(quiet, Duration.ofHours(1));
    severity = severity == null ? Severity.MEDIUM : severity;
    title = RuleOptions.title(title, "Vague de mentions négatives");
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
