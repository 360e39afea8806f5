package fr.communitydefender.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.storage.IndexSetup;
import fr.communitydefender.storage.mentions.MentionDocument;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a report's data from Elasticsearch: the incident, its events, the main courante and pages (cd-audit), and
 * over the incident's watch and period the curve, counts, top posts, terms and sources (aggregations: nothing held in
 * memory but their results). Mentions for the CSV are streamed with a point in time and search_after, a page of
 * {@value #PAGE} at a time.
 */
public final class ReportReader {
  static final int PAGE = 1000;
  /** How many mentions (the widest-reaching) the named entities are looked for in. */
  static final int ENTITY_SAMPLE = 200;
  private final ElasticsearchClient client;
  private final Clock clock;
  private final fr.communitydefender.enrichment.explain.Explainer explainer;

  /** Without named entities (CSV exports: no NER models to load). */
  public ReportReader(ElasticsearchClient client, Clock clock) {
    this(client, clock, null);
  }

  /** {@code explainer}: finds the named entities (null: none). */
  public ReportReader(ElasticsearchClient client, Clock clock,
      fr.communitydefender.enrichment.explain.Explainer explainer) {
    this.client = java.util.Objects.requireNonNull(client, "client");
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
    this.explainer = explainer;
  }

  /** The incidents stored, newest first (for {@code --list}). */
  public List<Incident> incidents() throws IOException {
    SearchResponse<Incident> r = client.search(s -> s.index(IndexSetup.INCIDENTS).ignoreUnavailable(true).size(500)
        .sort(o -> o.field(f -> f.field("openedAt").order(SortOrder.Desc))), Incident.class);
    return r.hits().hits().stream().map(Hit::source).toList();
  }

  public Incident incident(String id) throws IOException {
    var r = client.get(g -> g.index(IndexSetup.INCIDENTS).id(id), Incident.class);
    if (!r.found()) {
      throw new IllegalArgumentException("no incident with id '" + id + "'");
    }
    return r.source();
  }

  /** The team's summary of the incident (empty when none was written). */
  public String summary(String incidentId) throws IOException {
    var r = client.get(g -> g.index(IndexSetup.SUMMARIES).id(incidentId),
        fr.communitydefender.domain.incident.IncidentSummary.class);
    return r.found() && r.source() != null ? r.source().text() : "";
  }

  /** The period of a report: one hour before the incident opened, to its end (or now while it lasts). */
  Instant[] period(Incident incident) {
    Instant to = incident.resolvedAt() != null ? incident.resolvedAt() : clock.instant();
    to = to.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    return new Instant[] {incident.openedAt().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1)), to};
  }

  private static Query mentions(String watch, Instant from, Instant to) {
    return Query.of(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("watches").value(watch)))
        .filter(f -> f.range(r -> r.date(d -> d.field("publishedAt").gte(from.toString()).lt(to.toString()))))));
  }

  public Report read(String incidentId, ReportOptions options) throws IOException {
    return read(incidentId, options, true);
  }

  /** {@code explain}: look for terms and named entities (when this reader has an explainer). */
  public Report read(String incidentId, ReportOptions options, boolean explain) throws IOException {
    var explainer = explain ? this.explainer : null;
    Incident incident = incident(incidentId);
    Instant[] period = period(incident);
    Instant from = period[0];
    Instant to = period[1];
    Instant curveFrom = incident.openedAt().truncatedTo(ChronoUnit.MINUTES)
        .minus(KeyFigures.RISE_WINDOW).minus(KeyFigures.BASELINE);
    curveFrom = curveFrom.isBefore(from) ? curveFrom : from;
    List<IncidentEvent> events = client.search(s -> s.index(IndexSetup.INCIDENT_EVENTS).ignoreUnavailable(true)
        .size(1000).query(q -> q.term(t -> t.field("incident.id").value(incidentId)))
        .sort(o -> o.field(f -> f.field("at").order(SortOrder.Asc))), IncidentEvent.class)
        .hits().hits().stream().map(Hit::source).toList();
    List<Report.Entry> courante = new ArrayList<>();
    List<Report.Entry> pages = new ArrayList<>();
    @SuppressWarnings({"unchecked", "rawtypes"})
    SearchResponse<Map> audit = client.search(s -> s.index(IndexSetup.AUDIT).ignoreUnavailable(true).size(5000)
        .query(q -> q.bool(b -> b.should(x -> x.term(t -> t.field("incidentId").value(incidentId)))
            .should(x -> x.wildcard(w -> w.field("target").value("*" + incidentId + "*"))).minimumShouldMatch("1")))
        .sort(o -> o.field(f -> f.field("at").order(SortOrder.Asc))), Map.class);
    for (Hit<Map> h : audit.hits().hits()) {
      Map<?, ?> m = h.source();
      Report.Entry e = new Report.Entry(Instant.parse(String.valueOf(m.get("at"))), String.valueOf(m.get("actor")),
          String.valueOf(m.get("action")), m.get("detail") == null ? "" : String.valueOf(m.get("detail")));
      courante.add(e);
      if (e.action().startsWith("page.")) {
        pages.add(e);
      }
    }
    Instant cf = curveFrom;
    SearchResponse<Void> aggs = client.search(s -> s.index(MentionDocument.INDEX_PATTERN).ignoreUnavailable(true)
        .allowNoIndices(true).size(0).trackTotalHits(t -> t.enabled(true))
        .query(mentions(incident.watchId(), cf, to))
        .aggregations("curve", a -> a.dateHistogram(d -> d.field("publishedAt").fixedInterval(t -> t.time("1m"))
                .minDocCount(0).extendedBounds(b -> b.min(co.elastic.clients.elasticsearch._types.aggregations
                    .FieldDateMath.of(x -> x.value(cf.toEpochMilli())))
                    .max(co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath.of(
                        x -> x.value(to.minusSeconds(60).toEpochMilli())))))
            .aggregations("negative", n -> n.filter(f -> f.term(t -> t.field("sentimentLabel").value("negative"))))),
        Void.class);
    List<Report.Minute> curve = aggs.aggregations().get("curve").dateHistogram().buckets().array().stream()
        .map((DateHistogramBucket b) -> new Report.Minute(Instant.ofEpochMilli(b.key()), b.docCount(),
            b.aggregations().get("negative").filter().docCount())).toList();
    SearchResponse<Void> counts = client.search(s -> s.index(MentionDocument.INDEX_PATTERN).ignoreUnavailable(true)
        .allowNoIndices(true).size(0).trackTotalHits(t -> t.enabled(true))
        .query(mentions(incident.watchId(), from, to))
        .aggregations("authors", a -> a.cardinality(c -> c.field("authorKey")))
        .aggregations("sources", a -> a.terms(t -> t.field("source").size(20)))
        .aggregations("terms", a -> a.terms(t -> t.field("text").size(15))), Void.class);
    long mentions = counts.hits().total() == null ? 0 : counts.hits().total().value();
    long authors = counts.aggregations().get("authors").cardinality().value();
    List<Report.Count> sources = terms(counts, "sources");
    List<Report.Count> terms = terms(counts, "terms");
    Audience audience = new Audience(options);
    List<MentionDocument> widest = client.search(s -> s.index(MentionDocument.INDEX_PATTERN).ignoreUnavailable(true)
        .allowNoIndices(true).size(explainer == null ? 10 : ENTITY_SAMPLE).query(mentions(incident.watchId(), from, to))
        .sort(o -> o.field(f -> f.field("reach").order(SortOrder.Desc))), MentionDocument.class)
        .hits().hits().stream().map(Hit::source).toList();
    List<Report.Post> top = widest.stream().limit(10).map(d -> new Report.Post(d.id(), d.publishedAt(), d.source(),
            audience.author(d.authorKey()), audience.text(d.text()), audience.url(d.url()), d.reach(),
            d.sentimentLabel())).toList();
    List<Report.Entity> entities = List.of();
    if (explainer != null) {
      var explanation = explainer.explain(widest.stream()
          .map(d -> new fr.communitydefender.enrichment.explain.Explainer.Sample(d.text(), d.lang(), null, null))
          .toList());
      // people are personal data: outside the team only places and organisations are named
      entities = explanation.entities().stream().filter(e -> !options.outside() || !e.type().equals("PER"))
          .map(e -> new Report.Entity(e.text(), e.type(), e.count())).toList();
      // words as written, without handles, links or stop words (the index's terms are stems and keep handles)
      terms = explanation.terms().stream().map(c -> new Report.Count(c.key(), c.count())).toList();
    }
    KeyFigures figures = KeyFigures.compute(incident, events, curve, pages, List.of(), from, to, mentions, authors,
        sources.size());
    return new Report(incident, from, to, clock.instant(), curve, events, courante, pages, figures, top, terms,
        entities, sources, options);
  }

  private static List<Report.Count> terms(SearchResponse<Void> r, String name) {
    return r.aggregations().get(name).sterms().buckets().array().stream()
        .map((StringTermsBucket b) -> new Report.Count(b.key().stringValue(), b.docCount())).toList();
  }

  /**
   * Streams the mentions of the report's watch and period in time order, a page at a time (point in time +
   * search_after), to {@code each}; returns how many.
   */
  public long forEachMention(Report report, Consumer<MentionDocument> each) throws IOException {
    String pit = client.openPointInTime(o -> o.index(MentionDocument.INDEX_PATTERN).keepAlive(t -> t.time("2m"))
        .ignoreUnavailable(true)).id();
    long n = 0;
    try {
      List<FieldValue> after = null;
      while (true) {
        List<FieldValue> last = after;
        SearchResponse<MentionDocument> page = client.search(s -> {
          s.pit(p -> p.id(pit).keepAlive(t -> t.time("2m"))).size(PAGE)
              .query(mentions(report.incident().watchId(), report.from(), report.to()))
              .sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Asc)))
              .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));
          if (last != null) {
            s.searchAfter(last);
          }
          return s;
        }, MentionDocument.class);
        List<Hit<MentionDocument>> hits = page.hits().hits();
        for (Hit<MentionDocument> h : hits) {
          each.accept(h.source());
          n++;
        }
        if (hits.size() < PAGE) {
          return n;
        }
        after = hits.get(hits.size() - 1).sort();
      }
    } finally {
      client.closePointInTime(c -> c.id(pit));
    }
  }
}
