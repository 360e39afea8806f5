package fr.communitydefender.alerting.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import fr.communitydefender.domain.config.FieldException;
import fr.communitydefender.domain.incident.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * ElastAlert's {@code flatline}, for collector health: fires when the trailing {@code window} holds fewer than
 * {@code threshold} mentions while the learned baseline expects at least {@code min_expected} there — a source or a
 * collector went silent. With {@code source} (e.g. rss), it watches that source only: fewer than {@code threshold} of
 * its mentions in {@code window} after at least {@code min_expected} in the window before. Evaluated on every signal
 * and, when signals stop altogether, by the wall clock.
 */
public record FlatlineRule(
    String id,
    @JsonDeserialize(using = WatchList.class) String watch,
    Duration window,
    Long threshold,
    @JsonProperty("min_expected") Double minExpected,
    String source,
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
    RuleOptions.identity(id, watch);
    window = RuleOptions.minutes(window, Duration.ofHours(1), "window", 24);
    threshold = threshold == null ? 1L : threshold;
    if (threshold < 1) {
      throw new FieldException("threshold", "must be at least 1");
    }
    minExpected = minExpected == null ? 10.0 : minExpected;
    source = source == null || source.isBlank() ? null : source.strip();
    if (minExpected <= 0) {
      throw new FieldException("min_expected", "must be above 0");
    }
    quiet = RuleOptions.quiet(quiet, Duration.ofMinutes(30));
    severity = severity == null ? Severity.LOW : severity;
    title = RuleOptions.title(title, "Silence inhabituel");
    forDuration = RuleOptions.forDuration(forDuration);
    cooldown = RuleOptions.cooldown(cooldown, quiet);
    labels = RuleOptions.labels(labels);
    description = RuleOptions.description(description);
    active = RuleOptions.windows(active);
    mute = RuleOptions.windows(mute);
    group = RuleOptions.group(group);
  }
}
