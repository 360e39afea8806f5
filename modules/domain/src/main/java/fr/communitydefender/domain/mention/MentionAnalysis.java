package fr.communitydefender.domain.mention;

import java.util.List;

/**
 * What the enrichment stage found in a mention: its language ({@code fr}, {@code en}, {@code other}, {@code und}),
 * a sentiment label ({@code negative}, {@code neutral}, {@code positive}, or {@code unsupported} for empty, huge or
 * binary text), a score in [-1, 1], the words that drove it (negated ones prefixed with {@code ¬}), and the tier that
 * scored it.
 */
public record MentionAnalysis(String lang, String sentiment, double score, List<String> drivers, String tier,
    String note) {
  public static final String NEGATIVE = "negative";
  public static final String NEUTRAL = "neutral";
  public static final String POSITIVE = "positive";
  public static final String UNSUPPORTED = "unsupported";

  public MentionAnalysis {
    if (lang == null || sentiment == null || tier == null) {
      throw new IllegalArgumentException("lang, sentiment and tier are required");
    }
    if (score < -1 || score > 1 || Double.isNaN(score)) {
      throw new IllegalArgumentException("score: must be within [-1, 1]");
    }
    drivers = drivers == null ? List.of() : List.copyOf(drivers);
  }
}
