package fr.communitydefender.enrichment.sentiment;

import fr.communitydefender.domain.mention.MentionAnalysis;
import fr.communitydefender.enrichment.model.CrossValidation;
import java.util.List;

/**
 * Where the fast tier's score stops being neutral: negative at or below {@code -negative}, positive at or above
 * {@code positive}. The two sides differ because the lexicons do (a language's lexicon can hold more or stronger
 * words of one polarity); they are chosen on training data by {@link #tune}, under cross-validation.
 */
public record NeutralBand(double negative, double positive) {
  public NeutralBand {
    if (negative < 0 || positive < 0 || negative > 1 || positive > 1) {
      throw new IllegalArgumentException("neutral band: bounds in [0, 1]");
    }
  }

  public String label(double score) {
    return score >= positive ? MentionAnalysis.POSITIVE
        : score <= -negative ? MentionAnalysis.NEGATIVE : MentionAnalysis.NEUTRAL;
  }

  /** A scored example: the fast tier's score and the gold class index (0 negative, 1 neutral, 2 positive). */
  public record Scored(double score, int gold) {}

  /** The band (both bounds on a 0.01 grid up to 0.6) with the best macro-F1 on {@code examples}; ties to the narrower. */
  public static NeutralBand tune(List<Scored> examples) {
    NeutralBand best = null;
    double bestF1 = -1;
    for (int n = 0; n <= 60; n++) {
      for (int p = 0; p <= 60; p++) {
        NeutralBand band = new NeutralBand(n / 100.0, p / 100.0);
        int[][] confusion = new int[3][3];
        for (Scored s : examples) {
          confusion[s.gold()][CrossValidation.index(band.label(s.score()))]++;
        }
        double f1 = CrossValidation.macroF1(confusion);
        if (f1 > bestF1 + 1e-12) {
          bestF1 = f1;
          best = band;
        }
      }
    }
    return best;
  }
}
