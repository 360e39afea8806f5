package fr.communitydefender.storage.search;

import java.time.Instant;
import java.util.List;

/**
 * A mention search: French full text ({@code q}, simple query syntax: words, "phrases", -exclusion, a|b), filters,
 * sort and page. Validated on construction; messages name the parameter.
 */
public record SearchQuery(String q, List<String> watches, String source, String lang, Double sentimentMin,
    Double sentimentMax, Instant from, Instant to, Sort sort, int page, int size) {
  public static final int MAX_SIZE = 100;
  public static final int MAX_WINDOW = 10_000;

  public enum Sort { RELEVANCE, NEWEST, OLDEST }

  public SearchQuery {
    q = q == null || q.isBlank() ? null : q.strip();
    if (q != null && q.length() > 500) {
      throw new IllegalArgumentException("q: longer than 500 characters");
    }
    watches = watches == null ? List.of() : List.copyOf(watches);
    sort = sort == null ? (q == null ? Sort.NEWEST : Sort.RELEVANCE) : sort;
    if (page < 1) {
      throw new IllegalArgumentException("page: must be at least 1");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size: must be between 1 and " + MAX_SIZE);
    }
    if ((long) page * size > MAX_WINDOW) {
      throw new IllegalArgumentException("page: page × size must not exceed " + MAX_WINDOW + " (narrow the search)");
    }
    if (from != null && to != null && !to.isAfter(from)) {
      throw new IllegalArgumentException("to: must be after from");
    }
    if (sentimentMin != null && sentimentMax != null && sentimentMax < sentimentMin) {
      throw new IllegalArgumentException("sentimentMax: must not be below sentimentMin");
    }
  }

  /** Everything, newest first, first page of 20. */
  public static SearchQuery all() {
    return new SearchQuery(null, null, null, null, null, null, null, null, null, 1, 20);
  }

  public SearchQuery withText(String text) {
    return new SearchQuery(text, watches, source, lang, sentimentMin, sentimentMax, from, to, null, page, size);
  }
}
