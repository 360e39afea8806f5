package fr.communitydefender.storage.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.util.NamedValue;
import fr.communitydefender.storage.mentions.MentionDocument;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Full-text search, filters and aggregations over the stored mentions. Blocking: call it off the event loop. */
public final class SearchService {
  /** Private-use characters around matched words: not HTML, and not trimmed away like control characters. */
  public static final String MARK_START = "\uE000";
  public static final String MARK_END = "\uE001";

  /** Histogram intervals. */
  public enum Interval {
    MINUTE("1m"), HOUR("1h");

    final String es;

    Interval(String es) {
      this.es = es;
    }
  }

  /** Fields of the top-N aggregation: bounded, never free text from the caller. */
  public enum TopField {
    TERMS("text"), AUTHORS("authorKey"), SOURCES("source"), WATCHES("watches"), LANGUAGES("lang"),
    SENTIMENTS("sentimentLabel"), DRIVERS("drivers");

    final String es;

    TopField(String es) {
      this.es = es;
    }
  }

  private final ElasticsearchClient client;

  public SearchService(ElasticsearchClient client) {
    this.client = client;
  }

  /** The client this service searches with (for readers of other indices, such as the incident report). */
  public ElasticsearchClient client() {
    return client;
  }

  /** The stored mention with this id, or null. */
  public MentionDocument mention(String id) throws IOException {
    SearchResponse<MentionDocument> r = client.search(s -> s.index(MentionDocument.INDEX_PATTERN)
        .ignoreUnavailable(true).allowNoIndices(true)
        .query(q -> q.ids(i -> i.values(id))).size(1), MentionDocument.class);
    return r.hits().hits().isEmpty() ? null : r.hits().hits().get(0).source();
  }

  public SearchResults.Page search(SearchQuery query) throws IOException {
    SortOptions sort = switch (query.sort()) {
      case RELEVANCE -> SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc)));
      case NEWEST -> SortOptions.of(s -> s.field(f -> f.field("publishedAt").order(SortOrder.Desc)));
      case OLDEST -> SortOptions.of(s -> s.field(f -> f.field("publishedAt").order(SortOrder.Asc)));
    };
    SearchResponse<MentionDocument> r = client.search(s -> s.index(MentionDocument.INDEX_PATTERN)
        .ignoreUnavailable(true).allowNoIndices(true)
        .query(toQuery(query))
        .from((query.page() - 1) * query.size()).size(query.size())
        .sort(sort)
        .trackTotalHits(t -> t.enabled(true))
        .highlight(h -> h.fields(NamedValue.of("text", HighlightField.of(f -> f.preTags(MARK_START)
            .postTags(MARK_END).numberOfFragments(3).fragmentSize(160))))), MentionDocument.class);
    List<SearchResults.Hit> hits = r.hits().hits().stream().map(h -> {
      MentionDocument d = h.source();
      return new SearchResults.Hit(d.id(), d.publishedAt(), d.text(), d.source(), d.watches(), d.lang(),
          d.authorKey(), d.url(), d.reach(), d.sentiment(), d.sentimentLabel(), d.drivers(), h.score(),
          h.highlight().getOrDefault("text", List.of()), d.deep());
    }).toList();
    long total = r.hits().total() == null ? hits.size() : r.hits().total().value();
    return new SearchResults.Page(total, query.page(), query.size(), hits);
  }

  public SearchResults.Histogram histogram(SearchQuery query, Interval interval) throws IOException {
    SearchResponse<Void> r = client.search(s -> s.index(MentionDocument.INDEX_PATTERN)
        .ignoreUnavailable(true).allowNoIndices(true).size(0).query(toQuery(query))
        .aggregations("h", a -> a.dateHistogram(d -> d.field("publishedAt").fixedInterval(t -> t.time(interval.es))
            .minDocCount(0))), Void.class);
    List<SearchResults.Bucket> buckets = r.aggregations() == null || !r.aggregations().containsKey("h") ? List.of()
        : r.aggregations().get("h").dateHistogram().buckets().array().stream()
            .map((DateHistogramBucket b) -> new SearchResults.Bucket(Instant.ofEpochMilli(b.key()), b.docCount()))
            .toList();
    return new SearchResults.Histogram(interval.name().toLowerCase(Locale.ROOT), buckets);
  }

  public SearchResults.Top top(SearchQuery query, TopField field, int size) throws IOException {
    if (size < 1 || size > 50) {
      throw new IllegalArgumentException("size: must be between 1 and 50");
    }
    SearchResponse<Void> r = client.search(s -> s.index(MentionDocument.INDEX_PATTERN)
        .ignoreUnavailable(true).allowNoIndices(true).size(0).query(toQuery(query))
        .aggregations("top", a -> a.terms(t -> t.field(field.es).size(size))), Void.class);
    List<SearchResults.TermCount> buckets = r.aggregations() == null || !r.aggregations().containsKey("top")
        ? List.of()
        : r.aggregations().get("top").sterms().buckets().array().stream()
            .map((StringTermsBucket b) -> new SearchResults.TermCount(b.key().stringValue(), b.docCount()))
            .toList();
    return new SearchResults.Top(field.name().toLowerCase(Locale.ROOT), buckets);
  }

  static Query toQuery(SearchQuery q) {
    BoolQuery.Builder b = new BoolQuery.Builder();
    if (q.q() != null) {
      b.must(m -> m.simpleQueryString(s -> s.query(q.q()).fields("text").defaultOperator(Operator.And)));
    }
    if (!q.watches().isEmpty()) {
      List<FieldValue> values = q.watches().stream().map(FieldValue::of).toList();
      b.filter(f -> f.terms(t -> t.field("watches").terms(v -> v.value(values))));
    }
    if (q.source() != null) {
      b.filter(f -> f.term(t -> t.field("source").value(q.source())));
    }
    if (q.lang() != null) {
      b.filter(f -> f.term(t -> t.field("lang").value(q.lang())));
    }
    if (q.sentimentMin() != null || q.sentimentMax() != null) {
      b.filter(f -> f.range(r -> r.number(n -> {
        n.field("sentiment");
        if (q.sentimentMin() != null) {
          n.gte(q.sentimentMin());
        }
        if (q.sentimentMax() != null) {
          n.lte(q.sentimentMax());
        }
        return n;
      })));
    }
    if (q.from() != null || q.to() != null) {
      b.filter(f -> f.range(r -> r.date(d -> {
        d.field("publishedAt");
        if (q.from() != null) {
          d.gte(q.from().toString());
        }
        if (q.to() != null) {
          d.lt(q.to().toString());
        }
        return d;
      })));
    }
    return Query.of(x -> x.bool(b.build()));
  }

}
