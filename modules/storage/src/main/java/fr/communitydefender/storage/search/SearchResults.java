package fr.communitydefender.storage.search;

import fr.communitydefender.storage.mentions.MentionDocument;
import java.time.Instant;
import java.util.List;

/** Result shapes of the search API. */
public final class SearchResults {
  private SearchResults() {}

  /**
   * One stored mention. {@code highlights} are fragments of the text where the matched words are wrapped in
   * U+E000 … U+E001 (never HTML: the console turns them into marks with DOM calls). {@code deep}: the deep tier's
   * result, when the mention was selected for it.
   */
  public record Hit(String id, Instant publishedAt, String text, String source, List<String> watches, String lang,
      String authorKey, String url, long reach, Double sentiment, String sentimentLabel, List<String> drivers,
      Double score, List<String> highlights, MentionDocument.Deep deep) {}

  public record Page(long total, int page, int size, List<Hit> hits) {}

  public record Bucket(Instant t, long count) {}

  public record Histogram(String interval, List<Bucket> buckets) {}

  public record TermCount(String key, long count) {}

  public record Top(String field, List<TermCount> buckets) {}
}
