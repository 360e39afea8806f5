package fr.communitydefender.alerting.rules;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import fr.communitydefender.domain.incident.Severity;
import java.time.Duration;

/** An alert rule; its kind is chosen by {@code type:} in YAML. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = VolumeThresholdRule.class, name = "volume_threshold"),
    @JsonSubTypes.Type(value = VolumeSpikeRule.class, name = "volume_spike"),
    @JsonSubTypes.Type(value = NegativeShareRule.class, name = "negative_share"),
    @JsonSubTypes.Type(value = SentimentDropRule.class, name = "sentiment_drop"),
    @JsonSubTypes.Type(value = FrequencyRule.class, name = "frequency"),
    @JsonSubTypes.Type(value = InfluencerRule.class, name = "influencer"),
    @JsonSubTypes.Type(value = FlatlineRule.class, name = "flatline"),
    @JsonSubTypes.Type(value = NewTermRule.class, name = "new_term")})
public sealed interface AlertRule permits VolumeThresholdRule, VolumeSpikeRule, NegativeShareRule, SentimentDropRule,
    FrequencyRule, InfluencerRule, FlatlineRule, NewTermRule {
  /** Any watch. */
  String ALL_WATCHES = "*";

  String id();

  /** The watch the rule applies to, {@code *}, or several joined by commas (YAML: a list). */
  String watch();

  /** The watch ids the rule names ({@code *} alone for every watch). */
  default java.util.List<String> watches() {
    return WatchList.split(watch());
  }

  Severity severity();

  /** How long without firing before an open incident resolves. */
  Duration quiet();

  String title();

  /** How long the rule must keep firing before an incident opens (0: at once). YAML key {@code for}. */
  Duration forDuration();

  /** After an incident resolves, a relapse within this long reopens it instead of opening a new one (default: quiet). */
  Duration cooldown();

  /** Free labels copied to the incidents (e.g. team: communication). */
  java.util.Map<String, String> labels();

  /** Optional text of the incident, with {watch}, {rule}, {count}, {threshold}, {window}, {reason} filled in. */
  String description();

  /** When the rule runs (none: always). */
  java.util.List<TimeWindow> active();

  /** When its incidents are recorded but not notified (e.g. a nightly maintenance slot). */
  java.util.List<TimeWindow> mute();

  /**
   * When this rule starts firing on a watch whose incident (from another rule) opened less than this long ago, it
   * joins that incident instead of opening its own (default 30m; 0s: never).
   */
  Duration group();

  /** How much minute-by-minute history the rule reads before the current time. */
  default Duration span() {
    return switch (this) {
      case VolumeThresholdRule r -> r.window();
      case VolumeSpikeRule r -> r.window().plus(r.reference());
      case NegativeShareRule r -> r.window();
      case SentimentDropRule r -> r.window().plus(r.reference());
      case FrequencyRule r -> r.timeframe();
      case InfluencerRule r -> r.window();
      case FlatlineRule r -> r.window().multipliedBy(2);
      case NewTermRule r -> Duration.ofHours(1);
    };
  }
  /**
   * Whether the rule reads a minute's figures besides its count (sentiment, reach, sources, verified authors): alerting
   * keeps those only as long as such rules need them.
   */
  default boolean readsFigures() {
    return switch (this) {
      case NegativeShareRule r -> true;
      case SentimentDropRule r -> true;
      case InfluencerRule r -> true;
      case FlatlineRule r -> r.source() != null;
      default -> false;
    };
  }


  default boolean appliesTo(String watchId) {
    return ALL_WATCHES.equals(watch()) || watches().contains(watchId);
  }
}
