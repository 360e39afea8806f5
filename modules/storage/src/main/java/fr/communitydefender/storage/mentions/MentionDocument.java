package fr.communitydefender.storage.mentions;

import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.mention.MentionAnalysis;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A mention as stored: the author is pseudonymised ({@code authorKey}), the handle itself is not kept; {@code lang}
 * is the detected language (the source's when undetermined), {@code sentiment} the score in [-1, 1] with its label and
 * driving words. Stored in the
 * daily index of its event time, with the mention id as document id (redelivery overwrites, never duplicates).
 */
public record MentionDocument(String id, Instant publishedAt, String text, String source, List<String> watches,
    String lang, String authorKey, String url, long reach, Double sentiment, String sentimentLabel,
    List<String> drivers, Instant indexedAt) {
  public static final String INDEX_PREFIX = "mentions-";
  public static final String INDEX_PATTERN = "mentions-*";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

  public static MentionDocument of(Mention m, Pseudonymizer pseudonymizer, Instant now) {
    MentionAnalysis a = m.analysis();
    String lang = a != null && !"und".equals(a.lang()) ? a.lang() : m.lang();
    return new MentionDocument(m.id(), m.publishedAt(), m.text(), m.source(), m.watches(), lang,
        pseudonymizer.key(m.author()), m.url(), m.reach(), a == null ? null : a.score(),
        a == null ? null : a.sentiment(), a == null ? null : a.drivers(), now);
  }

  public static String indexFor(Instant publishedAt) {
    return INDEX_PREFIX + DAY.format(publishedAt);
  }

  public String index() {
    return indexFor(publishedAt);
  }
}
