package fr.communitydefender.alerting.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import fr.communitydefender.domain.config.FieldException;
import fr.communitydefender.domain.incident.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Fires when the trailing {@code window} holds a count that is improbable against what the watch usually sees — the
 * count-aware test a small commune needs: with {@code λ} the expected count (the largest of the learned baseline for
 * this hour of the day, the rate of the {@code reference} window just before, {@code dayFactor} × the average of the
 * last 24 hours, {@code weekFactor} × that of the last 7 days and {@code monthFactor} × that of the last 28 days — the
 * aftermath of a big crisis weeks ago still counts), it fires when the count is at least {@code minCount}, at least
 * {@code spikeHeight} × λ, and its Poisson tail probability P(X ≥ count | λ) is at most {@code pValue}. So "3 instead
 * of 1" never fires, while dozens after silence do even without history; the reference, day, week and month terms keep
 * decaying tails quiet. As in ElastAlert, {@code threshold_ref} (default 0) asks for at least that many mentions in
 * the reference window.
 *
 * <p>An incident resolves after {@code quiet} without firing <em>and</em> once the watch has calmed down: its mentions
 * per hour over that period at most {@code settle} (default 1 %) of its busiest hour since the incident opened (within
 * the last 7 days), or back to twice what it usually saw when the incident opened. A crisis that goes on — a rescue
 * followed for days, a storm's aftermath — stays one incident however its news peaks; {@code settle: 0} resolves on
 * {@code quiet} alone. While held open that way, the rule firing at {@code spikeHeight} × the incident's peak or more
 * is a flare-up: the incident reopens, unacknowledged, and pages again (a warning's incident, then the event itself).
 * {@code escalation} (default 0: off) extends that to this rule when it joins another rule's incident opened at least
 * that rule's {@code quiet} ago (or held open): this rule firing at {@code escalation} × the incident's peak hourly rate
 * or more reopens it and pages again — a storm warning's small hourly incident, then the landfall seen by the 5-minute rule. The
 * incident's peak becomes that rate, so the next escalation needs as much again.
 */
public record VolumeSpikeRule(
    String id,
    @JsonDeserialize(using = WatchList.class) String watch,
    Duration window,
    Duration reference,
    @JsonProperty("spike_height") Double spikeHeight,
    @JsonProperty("min_count") Long minCount,
    @JsonProperty("p_value") Double pValue,
    @JsonProperty("day_factor") Double dayFactor,
    @JsonProperty("week_factor") Double weekFactor,
    @JsonProperty("month_factor") Double monthFactor,
    @JsonProperty("threshold_ref") Long thresholdRef,
    Duration quiet,
    Double settle,
    Severity severity,
    String title,
    @JsonProperty("for") Duration forDuration,
    Duration cooldown,
    Map<String, String> labels,
    String description,
    List<TimeWindow> active,
    List<TimeWindow> mute,
    Duration group,
    Double escalation) implements AlertRule {
  public static final Duration DEFAULT_QUIET = Duration.ofHours(6);
  public static final double DEFAULT_SETTLE = 0.01;

  public VolumeSpikeRule {
    RuleOptions.identity(id, watch);
    window = RuleOptions.minutes(window, Duration.ofMinutes(5), "window", 6);
    reference = RuleOptions.minutes(reference, Duration.ofHours(1), "reference", 24);
    spikeHeight = spikeHeight == null ? 3.0 : spikeHeight;
    if (spikeHeight < 1) {
      throw new FieldException("spike_height", "must be at least 1");
    }
    minCount = minCount == null ? 4L : minCount;
    if (minCount < 1) {
      throw new FieldException("min_count", "must be at least 1");
    }
    pValue = pValue == null ? 1e-5 : pValue;
    if (pValue <= 0 || pValue >= 1) {
      throw new FieldException("p_value", "must be between 0 and 1 (exclusive)");
    }
    dayFactor = dayFactor == null ? 3.0 : dayFactor;
    if (dayFactor < 0) {
      throw new FieldException("day_factor", "must not be negative");
    }
    weekFactor = weekFactor == null ? 3.0 : weekFactor;
    thresholdRef = thresholdRef == null ? 0L : thresholdRef;
    if (thresholdRef < 0) {
      throw new FieldException("threshold_ref", "must not be negative");
    }
    if (weekFactor < 0) {
      throw new FieldException("week_factor", "must not be negative");
    }
    monthFactor = monthFactor == null ? 3.0 : monthFactor;
    if (monthFactor < 0) {
      throw new FieldException("month_factor", "must not be negative");
    }
    quiet = RuleOptions.quiet(quiet, DEFAULT_QUIET);
    settle = settle == null ? DEFAULT_SETTLE : settle;
    if (settle < 0 || settle >= 1) {
      throw new FieldException("settle", "must be at least 0 and below 1 (a share of the busiest hour)");
    }
    severity = severity == null ? Severity.HIGH : severity;
    title = RuleOptions.title(title, "Pic inhabituel de mentions");
    forDuration = RuleOptions.forDuration(forDuration);
    cooldown = RuleOptions.cooldown(cooldown, quiet);
    labels = RuleOptions.labels(labels);
    description = RuleOptions.description(description);
    active = RuleOptions.windows(active);
    mute = RuleOptions.windows(mute);
    group = RuleOptions.group(group);
    escalation = escalation == null ? 0.0 : escalation;
    if (escalation != 0 && escalation < 2) {
      throw new FieldException("escalation", "0 (off) or at least 2 (times the incident's peak hourly rate)");
    }
  }

  /** This rule with another {@code escalation} (for tuning by cross-validation over events). */
  public VolumeSpikeRule withEscalation(double factor) {
    return new VolumeSpikeRule(id, watch, window, reference, spikeHeight, minCount, pValue, dayFactor, weekFactor,
        monthFactor, thresholdRef, quiet, settle, severity, title, forDuration, cooldown, labels, description, active,
        mute, group, factor);
  }

  /** Without the common options (their defaults). */
  public VolumeSpikeRule(String id, String watch, Duration window, Duration reference, Double spikeHeight, Long minCount,
      Double pValue, Double dayFactor, Double weekFactor, Duration quiet, Severity severity, String title) {
    this(id, watch, window, reference, spikeHeight, minCount, pValue, dayFactor, weekFactor, null, null, quiet, null,
        severity, title, null, null, null, null, null, null, null, null);
  }
}
