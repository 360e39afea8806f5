package fr.communitydefender.domain.mention;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.util.List;

/**
 * One public post about the commune, as collected. {@code author} is the public handle (personal data: it is
 * pseudonymised before storage), {@code reach} the audience estimate when the source gives one, {@code watches} the
 * ids of the watches it belongs to (filled by the matching stage, or pre-assigned by a drill), {@code analysis} what the
 * enrichment stage found (null until then), {@code details} what a live source adds (its ids, relations, edit time,
 * raw payload; null for drills and older records).
 */
public record Mention(
    String id,
    String source,
    Instant publishedAt,
    String text,
    String author,
    String url,
    String lang,
    long reach,
    List<String> watches,
    MentionAnalysis analysis,
    MentionDetails details) {

  public static final int MAX_TEXT_CHARS = 20_000;

  @JsonCreator
  public Mention {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id: required");
    }
    if (id.length() > 200) {
      throw new IllegalArgumentException("id: longer than 200 characters");
    }
    if (publishedAt == null) {
      throw new IllegalArgumentException("publishedAt: required (ISO-8601 instant)");
    }
    if (text == null) {
      throw new IllegalArgumentException("text: required (may be empty)");
    }
    if (text.length() > MAX_TEXT_CHARS) {
      throw new IllegalArgumentException("text: longer than " + MAX_TEXT_CHARS + " characters");
    }
    if (reach < 0) {
      throw new IllegalArgumentException("reach: must not be negative");
    }
    source = source == null || source.isBlank() ? "unknown" : source;
    watches = watches == null ? List.of() : List.copyOf(watches);
  }

  /** A mention as collected (not analysed yet). */
  public Mention(String id, String source, Instant publishedAt, String text, String author, String url, String lang,
      long reach, List<String> watches) {
    this(id, source, publishedAt, text, author, url, lang, reach, watches, null, null);
  }

  public Mention(String id, String source, Instant publishedAt, String text, String author, String url, String lang,
      long reach, List<String> watches, MentionAnalysis analysis) {
    this(id, source, publishedAt, text, author, url, lang, reach, watches, analysis, null);
  }

  public Mention withWatches(List<String> newWatches) {
    return new Mention(id, source, publishedAt, text, author, url, lang, reach, newWatches, analysis, details);
  }

  public Mention withPublishedAt(Instant at) {
    return new Mention(id, source, at, text, author, url, lang, reach, watches, analysis, details);
  }

  public Mention withAnalysis(MentionAnalysis newAnalysis) {
    return new Mention(id, source, publishedAt, text, author, url, lang, reach, watches, newAnalysis, details);
  }

  public Mention withDetails(MentionDetails newDetails) {
    return new Mention(id, source, publishedAt, text, author, url, lang, reach, watches, analysis, newDetails);
  }

  /**
   * Which version of the post this is: same text and edit time, same version. A repeat of a version is dropped (by the
   * collector and the streams stage); a new version is an edit.
   */
  public int version() {
    return java.util.Objects.hash(text, details == null ? null : details.editedAt());
  }

  /** Whether the source reported an edit of a post published earlier (the same id seen again, changed). */
  public boolean edited() {
    return details != null && details.editedAt() != null;
  }
}
