package fr.communitydefender.report;

import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentEvent;
import java.time.Instant;
import java.util.List;

/**
 * Everything a report shows, read from Elasticsearch: the incident, its period ({@code from} one hour before it
 * opened to its end or now), the volume curve per minute (with the minutes before the period that the detection delay
 * needs), the events, the main courante, the pages sent, the key figures, the top posts, terms and sources.
 * Mentions themselves are streamed separately (CSV), never held here.
 */
public record Report(
    Incident incident,
    Instant from,
    Instant to,
    Instant generatedAt,
    List<Minute> curve,
    List<IncidentEvent> events,
    List<Entry> courante,
    List<Entry> pages,
    KeyFigures figures,
    List<Post> topPosts,
    List<Count> terms,
    List<Entity> entities,
    List<Count> sources,
    ReportOptions options) {

  /** One minute of the curve: mentions and negative mentions. */
  public record Minute(Instant t, long count, long negative) {}

  /** An entry of the main courante (or a page sent): when, who, what, detail. */
  public record Entry(Instant at, String actor, String action, String detail) {}

  /** A post among the most read; {@code author} and {@code text} already as the audience may see them. */
  public record Post(String id, Instant at, String source, String author, String text, String url, long reach,
      String sentiment) {}

  /** A term or a source and how many mentions. */
  public record Count(String key, long count) {}

  /** A named entity (PER, LOC, ORG, MISC) and in how many of the sampled mentions. */
  public record Entity(String text, String type, long count) {}

  /** The curve within the report's period. */
  public List<Minute> periodCurve() {
    return curve.stream().filter(m -> !m.t().isBefore(from) && m.t().isBefore(to)).toList();
  }
}
