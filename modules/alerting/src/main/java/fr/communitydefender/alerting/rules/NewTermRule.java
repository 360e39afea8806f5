package fr.communitydefender.alerting.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import fr.communitydefender.domain.config.FieldException;
import fr.communitydefender.domain.incident.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Fires when a term unseen on the watch for {@code novelty} (or never seen) is carried by at least {@code min_count}
 * mentions within an hour ("fuite", "amiante", a street name…): the start of a story the volume may not show yet. A
 * watch needs {@code novelty} of history first (before that everything is new). Needs the term signals of the streams
 * stage (it remembers 30 days, signals terms absent for more than a day).
 */
public record NewTermRule(
    String id,
    @JsonDeserialize(using = WatchList.class) String watch,
    Duration novelty,
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

  public NewTermRule {
    RuleOptions.identity(id, watch);
    novelty = novelty == null ? Duration.ofDays(7) : novelty;
    if (novelty.toHours() < 24 || novelty.toDays() > 30) {
      throw new FieldException("novelty", "must be between 1d and 30d");
    }
    minCount = minCount == null ? 5L : minCount;
    if (minCount < 3) {
      throw new FieldException("min_count", "must be at least 3 (the streams stage signals from 3)");
    }
    quiet = RuleOptions.quiet(quiet, Duration.ofHours(1));
    severity = severity == null ? Severity.MEDIUM : severity;
    title = RuleOptions.title(title, "Nouveau sujet");
    forDuration = RuleOptions.forDuration(forDuration);
    cooldown = RuleOptions.cooldown(cooldown, quiet);
    labels = RuleOptions.labels(labels);
    description = RuleOptions.description(description);
    active = RuleOptions.windows(active);
    mute = RuleOptions.windows(mute);
    group = RuleOptions.group(group);
  }
}
