package fr.communitydefender.alerting.incident.internal;

import fr.communitydefender.alerting.rules.AlertRule;
import fr.communitydefender.alerting.rules.VolumeSpikeRule;
import fr.communitydefender.domain.incident.Incident;
import java.time.Instant;
import java.util.Locale;

/**
 * When a crisis is over for a volume_spike incident: after the rule's {@code quiet} period, the watch's mentions per
 * hour over that period must be at most {@code settle} × its busiest hour since the incident opened (within the last 7
 * days), or at most twice its usual rate when the incident opened — so a crisis followed for days stays one incident
 * whatever its news peaks. Other rules (and {@code settle: 0}) resolve on {@code quiet} alone.
 */
final class Settling {
  private Settling() {}

  /** Whether the watch has calmed down enough for {@code open} to resolve. */
  static boolean settled(AlertRule rule, WatchState state, Incident open) {
    if (!(rule instanceof VolumeSpikeRule r) || r.settle() == 0) {
      return true;
    }
    double usual = state.calm().getOrDefault(rule.id(), 0.0);
    return rate(r, state) <= Math.max(r.settle() * state.busiestHour(open.openedAt(), state.clock()), 2 * usual);
  }

  /** What the resolution adds to "calme depuis …": the rate over the quiet period against the busiest hour. */
  static String describe(AlertRule rule, WatchState state, Incident open) {
    if (!(rule instanceof VolumeSpikeRule r) || r.settle() == 0) {
      return "";
    }
    return String.format(Locale.FRANCE, ", %.1f mention(s)/h contre %d à l'heure la plus chargée", rate(r, state),
        state.busiestHour(open.openedAt(), state.clock()));
  }

  /**
   * What the watch usually sees per hour at {@code at}: the average of the last 7 days (a slow measure on purpose: the
   * fast learned level already holds the first minutes of a rise). Recorded when an incident opens.
   */
  static double usualPerHour(WatchState state, Instant at) {
    return state.lastHours(at, 7 * 24) / (7 * 24.0);
  }

  /** Mentions per hour over the rule's quiet period (whole hours, at least one). */
  private static double rate(VolumeSpikeRule r, WatchState state) {
    long hours = Math.max(1, r.quiet().toHours());
    return (double) state.lastHours(state.clock(), (int) hours) / hours;
  }
}
