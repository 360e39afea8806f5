package fr.communitydefender.domain.mention;

import java.time.Instant;
import java.util.Set;

/**
 * A person's correction of one mention's sentiment, or its mark as irrelevant to the commune, made in the console.
 * Kept on a compacted topic keyed by mention id (the latest correction of a mention wins; a null value erases it) and
 * used to train the commune's model. Holds the text it corrects (the training needs it) and the author's pseudonymous
 * key only (so an erasure finds it), never the handle. {@code was}: the label the pipeline had given.
 */
public record SentimentCorrection(String mentionId, String lang, String text, String authorKey, String was,
    String sentiment, boolean irrelevant, String by, Instant at) {
  public static final Set<String> LABELS = Set.of(MentionAnalysis.NEGATIVE, MentionAnalysis.NEUTRAL,
      MentionAnalysis.POSITIVE);

  public SentimentCorrection {
    if (mentionId == null || mentionId.isBlank()) {
      throw new IllegalArgumentException("mentionId: required");
    }
    if (!irrelevant && (sentiment == null || !LABELS.contains(sentiment))) {
      throw new IllegalArgumentException("sentiment: one of negative, neutral, positive (or irrelevant: true)");
    }
    if (irrelevant) {
      sentiment = null;
    }
    if (by == null || by.isBlank() || at == null) {
      throw new IllegalArgumentException("by and at: required");
    }
  }

  /** Whether it can teach the sentiment model (a label, not an irrelevance mark, in a language we train). */
  public boolean trains(String language) {
    return !irrelevant && language.equals(lang) && text != null && !text.isBlank();
  }
}
