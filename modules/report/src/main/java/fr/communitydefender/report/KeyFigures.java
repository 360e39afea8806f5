package fr.communitydefender.report;

import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The key figures of a report. Delays are from the data's first rise or from the opening; null when the step has not
 * happened (no response was approved or published before the incident room exists, for instance).
 *
 * <p>The data's first rise: the earliest minute, within the 30 minutes before the incident opened, with at least 2
 * mentions and more than twice the mean per minute of the 60 minutes before those 30 (the opening minute if none).
 */
public record KeyFigures(
    Instant firstRise,
    Duration toDetect,
    Duration toFirstPage,
    Duration toAcknowledge,
    Duration toFirstApprovedResponse,
    Duration toPublication,
    long peak,
    Instant peakAt,
    Double negativeShareBefore,
    Double negativeShareAfter,
    long mentions,
    long authors,
    long sources) {

  static final Duration RISE_WINDOW = Duration.ofMinutes(30);
  static final Duration BASELINE = Duration.ofMinutes(60);

  /** The first rise from the curve per minute (which must start 90 minutes before the opening to see the baseline). */
  static Instant firstRise(List<Report.Minute> curve, Instant openedAt) {
    Instant openingMinute = openedAt.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    Instant riseFrom = openingMinute.minus(RISE_WINDOW);
    Instant baseFrom = riseFrom.minus(BASELINE);
    double base = curve.stream().filter(m -> !m.t().isBefore(baseFrom) && m.t().isBefore(riseFrom))
        .mapToLong(Report.Minute::count).sum() / (double) BASELINE.toMinutes();
    return curve.stream().filter(m -> !m.t().isBefore(riseFrom) && !m.t().isAfter(openingMinute))
        .filter(m -> m.count() >= 2 && m.count() > 2 * base).map(Report.Minute::t).findFirst().orElse(openingMinute);
  }

  /**
   * Computes the figures. {@code publications}: instants of published responses (none until the incident room
   * publishes); {@code counts}: mentions, distinct authors and sources over the period.
   */
  static KeyFigures compute(Incident incident, List<IncidentEvent> events, List<Report.Minute> curve,
      List<Report.Entry> pages, List<Instant> publications, Instant from, Instant to, long mentions, long authors,
      long sources) {
    Instant opened = incident.openedAt();
    Instant rise = firstRise(curve, opened);
    Instant firstPage = pages.stream().filter(p -> p.action().equals("page.sent")).map(Report.Entry::at).sorted()
        .findFirst().orElse(null);
    Instant ack = events.stream().filter(e -> e.type() == IncidentEvent.Type.ACKNOWLEDGED).map(IncidentEvent::at)
        .sorted().findFirst().orElse(incident.acknowledgedAt());
    Instant published = publications.stream().sorted().findFirst().orElse(null);
    Report.Minute peak = curve.stream().filter(m -> !m.t().isBefore(from) && m.t().isBefore(to))
        .reduce((a, b) -> b.count() > a.count() ? b : a).orElse(new Report.Minute(opened, 0, 0));
    Instant split = published == null ? to : published;
    return new KeyFigures(rise, between(rise, opened), between(opened, firstPage), between(opened, ack), null,
        between(opened, published), peak.count(), peak.count() == 0 ? null : peak.t(),
        negativeShare(curve, from, split), published == null ? null : negativeShare(curve, published, to),
        mentions, authors, sources);
  }

  private static Duration between(Instant a, Instant b) {
    return a == null || b == null ? null : Duration.between(a, b);
  }

  private static Double negativeShare(List<Report.Minute> curve, Instant from, Instant to) {
    long all = 0;
    long negative = 0;
    for (Report.Minute m : curve) {
      if (!m.t().isBefore(from) && m.t().isBefore(to)) {
        all += m.count();
        negative += m.negative();
      }
    }
    return all == 0 ? null : negative / (double) all;
  }
}
