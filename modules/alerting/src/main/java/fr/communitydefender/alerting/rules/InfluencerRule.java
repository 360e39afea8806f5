package fr.communitydefender.alerting.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import fr.communitydefender.domain.config.FieldException;
import fr.communitydefender.domain.incident.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Fires when, within the trailing {@code window}, one mention of the watch comes from an author whose reach (the
 * audience the source reports) is at least {@code min_reach}, or (unless {@code verified: false}) from an author the
 * source marks as verified (X's verified accounts, a Mastodon profile whose link the instance verified): an
 * influential voice is talking about the commune.
 */
public record InfluencerRule(
    String id,
    @JsonDeserialize(using = WatchList.class) String watch,
    Duration window,
    @JsonProperty("min_reach") Long minReach,
    Boolean verified,
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
    RuleOptions.identity(id, watch);
    window = RuleOptions.minutes(window, Duration.ofMinutes(15), "window", 24);
    minReach = minReach == null ? 50_000L : minReach;
    if (minReach < 1) {
      throw new FieldException("min_reach", "must be at least 1");
    }
    verified = verified == null || verified;
    quiet = RuleOptions.quiet(quiet, Duration.ofHours(1));
    severity = severity == null ? Severity.MEDIUM : severity;
    title = RuleOptions.title(title, "Voix influente");
    forDuration = RuleOptions.forDuration(forDuration);
    cooldown = RuleOptions.cooldown(cooldown, quiet);
    labels = RuleOptions.labels(labels);
    description = RuleOptions.description(description);
    active = RuleOptions.windows(active);
    mute = RuleOptions.windows(mute);
    group = RuleOptions.group(group);
  }
}
