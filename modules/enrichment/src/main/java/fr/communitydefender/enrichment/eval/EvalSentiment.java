package fr.communitydefender.enrichment.eval;

import fr.communitydefender.domain.mention.MentionAnalysis;
import fr.communitydefender.enrichment.deep.DeepSentiment;
import fr.communitydefender.enrichment.model.CrossValidation;
import fr.communitydefender.enrichment.model.SentimentModel;
import fr.communitydefender.enrichment.sentiment.NeutralBand;
import fr.communitydefender.enrichment.sentiment.FastSentiment;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Evaluation harness (not a test): scores a labelled set and prints per-class precision/recall, the confusion matrix
 * and a last line {@code macro_f1=… accuracy=… n=… texts_per_s=…}.
 *
 * <p>{@code --text FILE --labels FILE} (one item a line; labels 0 negative, 1 neutral, 2 positive) or {@code --tsv
 * FILE} ({@code label<TAB>text}, 0 negative / 1 positive: binary, neutral predictions count as wrong), with
 * {@code --lang fr|en}, optional {@code --model} (trained tier) and {@code --lexicon} (external lexicons, e.g. FEEL).
 */
public final class EvalSentiment {
  private static final String[] NAMES = {"negative", "neutral", "positive"};

  private EvalSentiment() {}

  /** One labelled item: gold class 0..2. */
  record Item(String text, int gold) {}

  static final String[] LABELS = NAMES;

  public static void main(String[] args) throws IOException {
    String usage = "eval-sentiment (--text FILE --labels FILE | --tsv FILE) [--lang fr|en] [--model FILE] "
        + "[--lexicon FILE[,FILE…]] [--tier deep (English: CoreNLP RNTN)] "
        + "[(--cv-text FILE --cv-labels FILE | --cv-tsv FILE) [--folds K] [--sigma S]]";
    Map<String, String> options = LabelledSet.options(args, Set.of("text", "labels", "tsv", "lang", "model",
        "lexicon", "tier", "cv-text", "cv-labels", "cv-tsv", "folds", "sigma"), usage);
    List<Item> items = LabelledSet.read(options, usage);
    boolean binary = options.containsKey("tsv");
    String lang = options.getOrDefault("lang", "fr");
    String model = options.get("model");
    FastSentiment fast = LabelledSet.fast(options, lang);
    SentimentModel trained = model == null ? null : SentimentModel.load(Path.of(model), fast);
    String l = lang;
    java.util.function.Function<String, MentionAnalysis> scorer = trained == null
        ? t -> fast.analyse(t, l) : t -> trained.analyse(t, l);
    if ("deep".equals(options.get("tier"))) {
      if (!"en".equals(lang)) {
        LabelledSet.fail("the deep tier is English only", usage);
      }
      DeepSentiment deep = DeepSentiment.load();
      scorer = deep::analyse;
    }
    List<Item> tuning = LabelledSet.named(options, "cv-");
    String cv = "";
    if (tuning != null) {
      CrossValidation.Estimate estimate = crossValidate(LabelledSet.examples(tuning), lang, fast, trained != null,
          Integer.parseInt(options.getOrDefault("folds", "5")),
          Double.parseDouble(options.getOrDefault("sigma", String.valueOf(SentimentModel.SIGMA))));
      cv = estimate.line() + " ";
      System.out.println(estimate.line() + " (" + (trained != null ? "trained tier retrained on each fold"
          : "fast tier, neutral band tuned on each fold's training part") + ")");
    }
    scorer.apply("warm up");
    long t0 = System.nanoTime();
    int[][] confusion = new int[3][3];
    for (Item item : items) {
      confusion[item.gold()][predicted(scorer.apply(item.text()))]++;
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    report(confusion, items.size(), seconds, binary, cv, System.out);
  }

  /**
   * The cross-validation estimate on the tuning set: for the trained tier, the model retrained on each fold's training
   * part; for the fast tier, the neutral band tuned on it (and the band tuned on the whole set printed, which is how
   * the shipped bands were chosen).
   */
  static CrossValidation.Estimate crossValidate(List<SentimentModel.Example> examples, String lang, FastSentiment fast,
      boolean trained, int folds, double sigma) {
    if (trained) {
      return CrossValidation.estimate(examples, folds, train -> {
        SentimentModel m = SentimentModel.train(lang, train, fast, sigma);
        return t -> m.analyse(t, lang).sentiment();
      });
    }
    Map<String, Double> scores = new java.util.HashMap<>();
    for (SentimentModel.Example e : examples) {
      scores.computeIfAbsent(e.text(), t -> fast.analyse(t, lang).score());
    }
    java.util.function.Function<List<SentimentModel.Example>, NeutralBand> tune = train -> NeutralBand.tune(
        train.stream().map(e -> new NeutralBand.Scored(scores.get(e.text()), CrossValidation.index(e.label())))
            .toList());
    System.out.println("band_tuned_on_whole_set=" + tune.apply(examples));
    return CrossValidation.estimate(examples, folds, train -> {
      NeutralBand band = tune.apply(train);
      return t -> band.label(scores.computeIfAbsent(t, x -> fast.analyse(x, lang).score()));
    });
  }

  static int predicted(MentionAnalysis a) {
    return switch (a.sentiment()) {
      case MentionAnalysis.NEGATIVE -> 0;
      case MentionAnalysis.POSITIVE -> 2;
      default -> 1;
    };
  }

  static List<Item> readPair(Path text, Path labels) throws IOException {
    List<String> texts = Files.readAllLines(text, StandardCharsets.UTF_8);
    List<String> golds = Files.readAllLines(labels, StandardCharsets.UTF_8);
    if (texts.size() != golds.size()) {
      throw new IllegalArgumentException(text + " has " + texts.size() + " lines, " + labels + " has "
          + golds.size());
    }
    List<Item> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      out.add(new Item(texts.get(i), Integer.parseInt(golds.get(i).strip())));
    }
    return out;
  }

  static List<Item> readTsv(Path tsv) throws IOException {
    List<Item> out = new ArrayList<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        out.add(new Item(line.substring(tab + 1), line.substring(0, tab).strip().equals("1") ? 2 : 0));
      }
    }
    return out;
  }

  /** Prints the report; macro-F1 over the classes present in the gold labels. */
  static double report(int[][] confusion, int n, double seconds, boolean binary, String prefix, PrintStream out) {
    double f1Sum = 0;
    int classes = 0;
    int correct = 0;
    out.println("class      precision  recall  f1     support");
    for (int c = 0; c < 3; c++) {
      int tp = confusion[c][c];
      int support = 0;
      int predicted = 0;
      for (int k = 0; k < 3; k++) {
        support += confusion[c][k];
        predicted += confusion[k][c];
      }
      correct += tp;
      if (support == 0) {
        continue;
      }
      double p = predicted == 0 ? 0 : (double) tp / predicted;
      double r = (double) tp / support;
      double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
      f1Sum += f1;
      classes++;
      out.printf(Locale.ROOT, "%-10s %9.3f  %6.3f  %5.3f  %7d%n", NAMES[c], p, r, f1, support);
    }
    out.println("confusion (rows gold, columns predicted: negative neutral positive)");
    for (int c = 0; c < 3; c++) {
      out.printf(Locale.ROOT, "%-10s %8d %8d %8d%n", NAMES[c], confusion[c][0], confusion[c][1], confusion[c][2]);
    }
    double macro = classes == 0 ? 0 : f1Sum / classes;
    out.print(prefix);
    out.printf(Locale.ROOT, "macro_f1=%.4f accuracy=%.4f n=%d texts_per_s=%.0f%s%n", macro,
        n == 0 ? 0 : (double) correct / n, n, n / Math.max(seconds, 1e-9), binary ? " (binary)" : "");
    return macro;
  }
}
