package fr.communitydefender.storage.mentions;

import fr.communitydefender.domain.mention.Mention;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A mention as stored: the author is pseudonymised ({@code authorKey}), the handle itself is not kept. Stored in the
 * daily index of its event time, with the mention id as document id (redelivery overwrites, never duplicates).
 */
public record MentionDocument(String id, Instant publishedAt, String text, String source, List<String> watches,
    String lang, String authorKey, String url, long reach, Double sentiment, Instant indexedAt) {
  public static final String INDEX_PREFIX = "mentions-";
  public static final String INDEX_PATTERN = "mentions-*";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

  public static MentionDocument of(Mention m, Pseudonymizer pseudonymizer, Instant now) {
    return new MentionDocument(m.id(), m.publishedAt(), m.text(), m.source(), m.watches(), m.lang(),
        pseudonymizer.key(m.author()), m.url(), m.reach(), null, now);
  }

  public static String indexFor(Instant publishedAt) {
    return INDEX_PREFIX + DAY.format(publishedAt);
  }

  public String index() {
    return indexFor(publishedAt);
  }
}
