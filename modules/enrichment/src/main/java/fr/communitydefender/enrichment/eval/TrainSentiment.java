package fr.communitydefender.enrichment.eval;

import fr.communitydefender.enrichment.model.CrossValidation;
import fr.communitydefender.enrichment.model.SentimentModel;
import fr.communitydefender.enrichment.sentiment.FastSentiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The {@code train} command: learns the trained tier from a labelled set and writes the model file.
 * {@code --lang fr|en (--text FILE --labels FILE | --tsv FILE) --out MODEL [--lexicon FILE] [--sigma S]}; the model
 * is then used with the same lexicons.
 */
public final class TrainSentiment {
  private TrainSentiment() {}

  public static void main(String[] args) throws IOException {
    String usage = "train-sentiment --lang fr|en (--text FILE --labels FILE | --tsv FILE) --out MODEL "
        + "[--lexicon FILE[,FILE…]] [--sigma S (default " + SentimentModel.SIGMA + ")] [--folds K (default 5; 0: none)]";
    Map<String, String> options = LabelledSet.options(args, Set.of("text", "labels", "tsv", "lang", "out", "sigma",
        "lexicon", "folds"), usage);
    String lang = options.get("lang");
    String out = options.get("out");
    if (lang == null || out == null) {
      LabelledSet.fail("--lang and --out are required", usage);
    }
    double sigma = Double.parseDouble(options.getOrDefault("sigma", String.valueOf(SentimentModel.SIGMA)));
    int folds = Integer.parseInt(options.getOrDefault("folds", "5"));
    java.util.List<SentimentModel.Example> examples = LabelledSet.examples(LabelledSet.read(options, usage));
    FastSentiment fast = LabelledSet.fast(options, lang);
    long t0 = System.nanoTime();
    if (folds > 0) {
      System.out.println(CrossValidation.estimate(examples, folds, train -> {
        SentimentModel m = SentimentModel.train(lang, train, fast, sigma);
        return t -> m.analyse(t, lang).sentiment();
      }).line() + " sigma=" + sigma);
    }
    SentimentModel model = SentimentModel.train(lang, examples, fast, sigma);
    model.save(Path.of(out));
    System.out.printf("trained lang=%s examples=%d seconds=%.1f model=%s%n", lang, examples.size(),
        (System.nanoTime() - t0) / 1e9, out);
  }
}
