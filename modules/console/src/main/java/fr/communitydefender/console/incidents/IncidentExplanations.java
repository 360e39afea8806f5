package fr.communitydefender.console.incidents;

import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.enrichment.explain.Explainer;
import fr.communitydefender.enrichment.explain.Explanation;
import fr.communitydefender.storage.search.SearchQuery;
import fr.communitydefender.storage.search.SearchResults;
import fr.communitydefender.storage.search.SearchService;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Why" of an incident: the latest {@value #SAMPLE} stored mentions of its watch from a window before it opened to
 * its end, run through the {@link Explainer} (terms, entities with CoreNLP NER, sentiment, drivers). Blocking
 * (Elasticsearch, NER ~5 ms a mention): call from a worker. Results are cached per incident state for a minute (bounded).
 */
public final class IncidentExplanations {
  static final int SAMPLE = 100;
  private static final int CACHE = 64;
  private final SearchService search;
  private final Explainer explainer;
  private static final Duration FRESH = Duration.ofSeconds(60);
  private final Map<String, Cached> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
      return size() > CACHE;
    }
  };

  /** Mentions keep arriving while an incident's state stays the same: an explanation is reused for a minute. */
  private record Cached(Explanation explanation, Instant at) {}

  public IncidentExplanations(SearchService search, Explainer explainer) {
    this.search = search;
    this.explainer = explainer;
  }

  public Explanation explain(Incident incident) throws IOException {
    String key = incident.id() + "|" + incident.status() + "|" + incident.lastFiringAt() + "|" + incident.peakCount();
    synchronized (cache) {
      Cached cached = cache.get(key);
      if (cached != null && cached.at().plus(FRESH).isAfter(Instant.now())) {
        return cached.explanation();
      }
    }
    Duration window = incident.window() == null ? Duration.ofMinutes(5) : incident.window();
    Instant from = incident.openedAt().minus(window);
    Instant end = incident.resolvedAt() != null ? incident.resolvedAt()
        : incident.lastFiringAt() != null ? incident.lastFiringAt().plus(window) : incident.openedAt().plus(window);
    Instant to = end.isAfter(from) ? end.plusSeconds(60) : from.plusSeconds(60);
    SearchResults.Page page = search.search(new SearchQuery(null, List.of(incident.watchId()), null, null, null, null,
        from, to, SearchQuery.Sort.NEWEST, 1, SAMPLE));
    Explanation e = explainer.explain(page.hits().stream()
        .map(h -> new Explainer.Sample(h.id(), h.text(), h.lang(), h.sentimentLabel(), h.drivers(), h.source(),
            h.reach())).toList());
    synchronized (cache) {
      cache.put(key, new Cached(e, Instant.now()));
    }
    return e;
  }
}
