package fr.communitydefender.alerting.incident.internal;

import fr.communitydefender.alerting.rules.AlertRule;
import fr.communitydefender.alerting.rules.FlatlineRule;
import fr.communitydefender.alerting.rules.FrequencyRule;
import fr.communitydefender.alerting.rules.InfluencerRule;
import fr.communitydefender.alerting.rules.NegativeShareRule;
import fr.communitydefender.alerting.rules.NewTermRule;
import fr.communitydefender.alerting.rules.SentimentDropRule;
import fr.communitydefender.alerting.rules.VolumeSpikeRule;
import fr.communitydefender.alerting.rules.VolumeThresholdRule;
import fr.communitydefender.domain.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What each kind of rule says about a watch's state at a time: whether it fires, and why in words. */
final class Verdicts {
  private Verdicts() {}

  /**
   * A watch with less history than this is warming up: a spike rule then needs {@link #WARM_UP_COUNT} mentions per 5
   * minutes of its window.
   */
  static final long WARM_UP_MINUTES = 60;
  static final long WARM_UP_COUNT = 12;

  /** Whether the rule fires, the count, the bar it compares with, and why in words. */
  record Verdict(boolean firing, long count, long threshold, String reason) {}

  /** What {@code rule} says at {@code at} about the watch. */
  static Verdict of(AlertRule rule, WatchState state, Instant at) {
    return switch (rule) {
      case VolumeThresholdRule r -> {
        long count = state.sum(at, r.window());
        yield new Verdict(count >= r.threshold(), count, r.threshold(),
            count + " mentions en " + Durations.format(r.window()) + " (seuil " + r.threshold() + ")");
      }
      case FrequencyRule r -> {
        long count = state.sum(at, r.timeframe());
        yield new Verdict(count >= r.numEvents(), count, r.numEvents(),
            count + " mentions en " + Durations.format(r.timeframe()) + " (au moins " + r.numEvents() + ")");
      }
      case InfluencerRule r -> {
        WatchState.Figures f = state.figures(at, r.window());
        long reach = f.maxReach();
        boolean verified = r.verified() && f.verified() > 0;
        yield new Verdict(reach >= r.minReach() || verified, reach, r.minReach(), verified && reach < r.minReach()
            ? String.format(java.util.Locale.FRANCE, "%d mention(s) d'un compte certifié en %s", f.verified(),
                Durations.format(r.window()))
            : String.format(java.util.Locale.FRANCE, "une mention d'audience %,d en %s (seuil %,d)", reach,
                Durations.format(r.window()), r.minReach()));
      }
      case SentimentDropRule r -> {
        WatchState.Figures now = state.figures(at, r.window());
        WatchState.Figures before = state.figures(at.minus(r.window()), r.reference());
        double mean = now.scored() == 0 ? 0 : now.sentimentSum() / now.scored();
        double reference = before.scored() < r.minCount() ? 0 : before.sentimentSum() / before.scored();
        boolean firing = now.scored() >= r.minCount() && reference - mean >= r.drop();
        yield new Verdict(firing, now.scored(), r.minCount(), String.format(java.util.Locale.FRANCE,
            "ton moyen %+.2f sur %d mentions en %s, contre %+.2f sur les %s précédentes (baisse ≥ %.2f)", mean,
            now.scored(), Durations.format(r.window()), reference, Durations.format(r.reference()), r.drop()));
      }
      case FlatlineRule r when r.source() != null -> {
        long count = state.figures(at, r.window()).sources().getOrDefault(r.source(), 0L);
        long before = state.figures(at.minus(r.window()), r.window()).sources().getOrDefault(r.source(), 0L);
        yield new Verdict(count < r.threshold() && before >= r.minExpected(), count, r.threshold(),
            String.format(java.util.Locale.FRANCE, "source %s : %d mention(s) en %s contre %d juste avant "
                + "(collecteur ou source muette ?)", r.source(), count, Durations.format(r.window()), before));
      }
      case FlatlineRule r -> {
        long count = state.sum(at, r.window());
        double expected = state.baseline().perMinute(at) * r.window().toMinutes();
        boolean learned = state.minutesSeen() >= r.window().toMinutes() * 2;
        yield new Verdict(learned && count < r.threshold() && expected >= r.minExpected(), count, r.threshold(),
            String.format(java.util.Locale.FRANCE, "%d mention(s) en %s alors que ≈ %.0f sont attendues "
                + "(collecteur ou source muette ?)", count, Durations.format(r.window()), expected));
      }
      case NewTermRule r -> {
        boolean seasoned = state.minutesSeen() >= r.novelty().toMinutes();
        List<String> fresh = state.newTerms().values().stream()
            .filter(t -> !t.at().isBefore(at.minus(Duration.ofHours(1))) && !t.at().isAfter(at))
            .filter(t -> t.count() >= r.minCount())
            .filter(t -> t.previousSeen() == null || !t.at().isBefore(t.previousSeen().plus(r.novelty())))
            .sorted(java.util.Comparator.comparingLong(fr.communitydefender.domain.signal.TermSignal::count).reversed())
            .map(t -> t.term() + " (" + t.count() + ")").toList();
        yield new Verdict(seasoned && !fresh.isEmpty(), fresh.size(), r.minCount(),
            "nouveau(x) terme(s) en 1 h : " + String.join(", ", fresh.stream().limit(5).toList()));
      }
      case NegativeShareRule r -> {
        WatchState.Figures f = state.figures(at, r.window());
        long scored = f.scored();
        long negative = f.negative();
        double share = scored == 0 ? 0 : (double) negative / scored;
        yield new Verdict(negative >= r.minCount() && share >= r.share(), negative, r.minCount(),
            String.format(java.util.Locale.FRANCE, "%d mentions négatives sur %d en %s (%.0f %%, seuil %.0f %% et %d)",
                negative, scored, Durations.format(r.window()), 100 * share, 100 * r.share(), r.minCount()));
      }
      case VolumeSpikeRule r -> {
        long count = state.sum(at, r.window());
        double minutes = r.window().toMinutes();
        double base = state.baseline().perMinute(at) * minutes;
        long refCount = state.sum(at.minus(r.window()), r.reference());
        double ref = refCount * minutes / r.reference().toMinutes();
        double day = r.dayFactor() * state.lastHours(at, 24) * minutes / (24 * 60);
        double week = r.weekFactor() * state.lastHours(at, 7 * 24) * minutes / (7 * 24 * 60);
        double month = r.monthFactor() * state.lastHours(at, 28 * 24) * minutes / (28 * 24 * 60);
        double expected = Math.max(Math.max(base, ref), Math.max(day, Math.max(week, month)));
        double p = Poisson.tail(count, expected);
        long bar = Math.max(r.minCount(), (long) Math.ceil(r.spikeHeight() * expected));
        if (state.minutesSeen() < WARM_UP_MINUTES) {
          // a new watch knows nothing yet: only dozens (per 5 minutes of window) are news
          bar = Math.max(bar, WARM_UP_COUNT * Math.max(1, (long) Math.ceil(minutes / 5)));
        }
        String basis = expected == base ? "habituel à cette heure" : expected == ref
            ? Durations.format(r.reference()) + " précédente" : expected == day
            ? String.format(java.util.Locale.FRANCE, "moyenne des 24 h × %.1f", r.dayFactor())
            : expected == week ? String.format(java.util.Locale.FRANCE, "moyenne des 7 jours × %.1f", r.weekFactor())
            : String.format(java.util.Locale.FRANCE, "moyenne des 28 jours × %.1f", r.monthFactor());
        yield new Verdict(count >= bar && p <= r.pValue() && refCount >= r.thresholdRef(), count, bar, String.format(java.util.Locale.FRANCE,
            "%d mentions en %s ; attendu ≈ %.1f (%s) ; probabilité %.1e", count, Durations.format(r.window()),
            expected, basis, p));
      }
    };
  }
}
