package fr.communitydefender.storage.mentions;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.mention.MentionAnalysis;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A mention as stored: the author is pseudonymised ({@code authorKey}), the handle itself is not kept; {@code lang}
 * is the detected language (the source's when undetermined), {@code sentiment} the score in [-1, 1] with its label and
 * driving words, {@code deep} the deep tier's result when one came (never written as null, so merging a re-delivered
 * mention keeps it). Stored in the daily index of its event time, with the mention id as document id (redelivery
 * overwrites, never duplicates).
 */
public record MentionDocument(String id, Instant publishedAt, String text, String source, List<String> watches,
    String lang, String authorKey, String url, long reach, Double sentiment, String sentimentLabel,
    List<String> drivers, Instant indexedAt, @JsonInclude(JsonInclude.Include.NON_NULL) Deep deep) {

  /** The deep tier's second opinion, merged into the stored mention when it comes (English, selected mentions). */
  public record Deep(String sentimentLabel, double sentiment, List<String> drivers, String tier, String note,
      Instant at) {
    public static Deep of(MentionAnalysis a, Instant at) {
      return new Deep(a.sentiment(), a.score(), a.drivers(), a.tier(), a.note(), at);
    }
  }

  /** The partial document that adds the deep tier's result to a stored mention. */
  public record DeepUpdate(Deep deep) {}

  public static final String INDEX_PREFIX = "mentions-";
  public static final String INDEX_PATTERN = "mentions-*";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

  public static MentionDocument of(Mention m, Pseudonymizer pseudonymizer, Instant now) {
    MentionAnalysis a = m.analysis();
    String lang = a != null && !"und".equals(a.lang()) ? a.lang() : m.lang();
    return new MentionDocument(m.id(), m.publishedAt(), m.text(), m.source(), m.watches(), lang,
        pseudonymizer.key(m.author()), m.url(), m.reach(), a == null ? null : a.score(),
        a == null ? null : a.sentiment(), a == null ? null : a.drivers(), now, null);
  }

  public static String indexFor(Instant publishedAt) {
    return INDEX_PREFIX + DAY.format(publishedAt);
  }

  public String index() {
    return indexFor(publishedAt);
  }
}
