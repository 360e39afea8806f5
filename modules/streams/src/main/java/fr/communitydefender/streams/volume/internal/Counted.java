package fr.communitydefender.streams.volume.internal;

import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.mention.MentionAnalysis;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What the counting and the new-term detection need of a mention, sent keyed by watch through the stage's one
 * repartition topic instead of the whole mention (text, links and details) as JSON: its time, its author's hash (the
 * distinct-author count), its sentiment, reach, source and verified mark, and its terms — found once, right after the
 * mention's analysis, whose tokens they reuse.
 */
public record Counted(Instant publishedAt, boolean hasAuthor, int authorHash, String sentiment, double score,
    long reach, String source, boolean verified, List<String> terms) {
  public Counted {
    terms = terms == null ? List.of() : List.copyOf(terms);
  }

  /** The mention as counted, with the terms already found in its text. */
  public static Counted of(Mention m, List<String> terms) {
    MentionAnalysis a = m.analysis();
    return new Counted(m.publishedAt(), m.author() != null,
        m.author() == null ? 0 : m.author().toLowerCase(Locale.ROOT).hashCode(), a == null ? null : a.sentiment(),
        a == null ? 0 : a.score(), m.reach(), m.source(), m.details() != null && m.details().verified(), terms);
  }

  /** Scored by the sentiment analysis (its language and text were supported). */
  public boolean hasSentiment() {
    return sentiment != null && !MentionAnalysis.UNSUPPORTED.equals(sentiment);
  }
}
