package fr.communitydefender.enrichment.model;

import fr.communitydefender.domain.mention.MentionAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Stratified k-fold cross-validation: the estimate of how a way of building a classifier does on data it never saw,
 * from training data alone. Every tuning decision is taken on it, so the validation sets are scored once, at the end.
 * Folds are drawn with a fixed seed (the same examples give the same folds) and keep each class's share.
 */
public final class CrossValidation {
  /** The three classes, in the order of confusion matrices. */
  public static final List<String> CLASSES = List.of(MentionAnalysis.NEGATIVE, MentionAnalysis.NEUTRAL,
      MentionAnalysis.POSITIVE);

  private CrossValidation() {}

  /** Mean and standard deviation of the folds' macro-F1, and the confusion summed over the folds. */
  public record Estimate(double macroF1, double sd, int folds, int[][] confusion) {
    public String line() {
      return String.format(java.util.Locale.ROOT, "cv_macro_f1=%.4f cv_sd=%.4f folds=%d", macroF1, sd, folds);
    }
  }

  /**
   * {@code fit} builds a classifier (text → label) from the training folds; it is scored on the held-out fold.
   */
  public static Estimate estimate(List<SentimentModel.Example> examples, int k,
      Function<List<SentimentModel.Example>, Function<String, String>> fit) {
    return estimate(examples, k, fit, null);
  }

  /**
   * As {@link #estimate(List, int, Function)}, but only the held-out examples {@code scored} accepts are scored (all
   * still train); the macro-F1 is then that of the confusion summed over the folds, since a fold may hold few of them.
   */
  public static Estimate estimate(List<SentimentModel.Example> examples, int k,
      Function<List<SentimentModel.Example>, Function<String, String>> fit,
      java.util.function.Predicate<SentimentModel.Example> scored) {
    if (k < 2) {
      throw new IllegalArgumentException("folds: at least 2");
    }
    List<List<SentimentModel.Example>> folds = folds(examples, k);
    double[] f1 = new double[k];
    int[][] total = new int[3][3];
    for (int i = 0; i < k; i++) {
      List<SentimentModel.Example> train = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        if (j != i) {
          train.addAll(folds.get(j));
        }
      }
      Function<String, String> classifier = fit.apply(train);
      int[][] confusion = new int[3][3];
      for (SentimentModel.Example e : folds.get(i)) {
        if (scored != null && !scored.test(e)) {
          continue;
        }
        int gold = CLASSES.indexOf(e.label());
        int predicted = index(classifier.apply(e.text()));
        confusion[gold][predicted]++;
        total[gold][predicted]++;
      }
      f1[i] = macroF1(confusion);
    }
    double mean = scored == null ? java.util.Arrays.stream(f1).average().orElse(0) : macroF1(total);
    double var = java.util.Arrays.stream(f1).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, k - 1);
    return new Estimate(mean, Math.sqrt(var), k, total);
  }

  /** The class index of a label; anything but negative and positive counts as neutral. */
  public static int index(String label) {
    int i = CLASSES.indexOf(label);
    return i < 0 ? 1 : i;
  }

  /** Stratified folds: each class shuffled with a fixed seed and dealt round-robin. */
  static List<List<SentimentModel.Example>> folds(List<SentimentModel.Example> examples, int k) {
    List<List<SentimentModel.Example>> folds = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      folds.add(new ArrayList<>());
    }
    int next = 0;
    for (String c : CLASSES) {
      List<SentimentModel.Example> of = new ArrayList<>(examples.stream().filter(e -> c.equals(e.label())).toList());
      java.util.Collections.shuffle(of, new Random(20_171_010L + c.hashCode()));
      for (SentimentModel.Example e : of) {
        folds.get(next++ % k).add(e);
      }
    }
    return folds;
  }

  /** Macro-F1 over the classes present in the gold rows of {@code confusion} (rows gold, columns predicted). */
  public static double macroF1(int[][] confusion) {
    double sum = 0;
    int classes = 0;
    for (int c = 0; c < confusion.length; c++) {
      int tp = confusion[c][c];
      int support = 0;
      int predicted = 0;
      for (int k = 0; k < confusion.length; k++) {
        support += confusion[c][k];
        predicted += confusion[k][c];
      }
      if (support == 0) {
        continue;
      }
      double p = predicted == 0 ? 0 : (double) tp / predicted;
      double r = (double) tp / support;
      sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
      classes++;
    }
    return classes == 0 ? 0 : sum / classes;
  }
}
