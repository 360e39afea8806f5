package fr.communitydefender.alerting.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import fr.communitydefender.domain.config.FieldException;
import fr.communitydefender.domain.incident.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Fires when the mean sentiment of the watch over the trailing {@code window} is at least {@code drop} below its mean
 * over the {@code reference} window just before (0 — neutral — when the reference has fewer than {@code min_count}
 * mentions with a sentiment), with at least {@code min_count} scored mentions in the window.
 */
public record SentimentDropRule(
    String id,
    @JsonDeserialize(using = WatchList.class) String watch,
    Duration window,
    Duration reference,
    Double drop,
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

  public SentimentDropRule {
    RuleOptions.identity(id, watch);
    window = RuleOptions.minutes(window, Duration.ofMinutes(30), "window", 24);
    reference = RuleOptions.minutes(reference, Duration.ofHours(6), "reference", 24);
    drop = drop == null ? 0.3 : drop;
    if (drop <= 0 || drop > 2) {
      throw new FieldException("drop", "must be above 0 and at most 2 (scores are in [-1, 1])");
    }
    minCount = minCount == null ? 10L : minCount;
    if (minCount < 1) {
      throw new FieldException("min_count", "must be at least 1");
    }
    quiet = RuleOptions.quiet(quiet, Duration.ofHours(1));
    severity = severity == null ? Severity.MEDIUM : severity;
    title = RuleOptions.title(title, "Dégradation du ton");
    forDuration = RuleOptions.forDuration(forDuration);
    cooldown = RuleOptions.cooldown(cooldown, quiet);
    labels = RuleOptions.labels(labels);
    description = RuleOptions.description(description);
    active = RuleOptions.windows(active);
    mute = RuleOptions.windows(mute);
    group = RuleOptions.group(group);
  }
}
