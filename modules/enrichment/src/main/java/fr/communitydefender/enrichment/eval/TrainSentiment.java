package fr.communitydefender.enrichment.eval;

import fr.communitydefender.domain.mention.SentimentCorrection;
import fr.communitydefender.domain.topic.TopicSnapshot;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.enrichment.model.CrossValidation;
import fr.communitydefender.enrichment.model.ModelRegistry;
import fr.communitydefender.enrichment.model.Rebuild;
import fr.communitydefender.enrichment.model.SentimentModel;
import fr.communitydefender.enrichment.sentiment.FastSentiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The {@code train} command: learns the trained tier from a labelled set and/or the console's corrections
 * ({@code --corrections KAFKA_BOOTSTRAP}; a correction wins over a base example with the same text) and prints its
 * cross-validation estimate. With {@code --out MODEL} it writes the model file (then used with the same lexicons);
 * with {@code --model-dir DIR} it rebuilds the commune's model as the console does: a new version, activated only if
 * its cross-validation estimate is at least the current model's on the same folds.
 */
public final class TrainSentiment {
  private TrainSentiment() {}

  /** The console's corrections, read whole from the compacted topic (the latest of each mention). */
  static java.util.List<SentimentCorrection> corrections(String bootstrap) {
    java.util.Map<String, SentimentCorrection> latest = new java.util.LinkedHashMap<>();
    TopicSnapshot.read(bootstrap, Topics.SENTIMENT_CORRECTIONS.name(), "cd-train-sentiment",
        java.time.Duration.ofSeconds(60), r -> {
          String key = new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
          if (r.value() == null) {
            latest.remove(key);
          } else {
            latest.put(key, Topics.SENTIMENT_CORRECTIONS.valueSerde().deserializer()
                .deserialize(r.topic(), r.value()));
          }
        });
    return java.util.List.copyOf(latest.values());
  }

  public static void main(String[] args) throws IOException {
    String usage = "train-sentiment --lang fr|en [--text FILE --labels FILE | --tsv FILE] "
        + "(--out MODEL | --model-dir DIR) [--corrections KAFKA_BOOTSTRAP] [--by NAME] "
        + "[--lexicon FILE[,FILE…]] [--sigma S (default " + SentimentModel.SIGMA + ")] [--folds K (default 5; 0: none)]";
    Map<String, String> options = LabelledSet.options(args, Set.of("text", "labels", "tsv", "lang", "out", "sigma",
        "lexicon", "folds", "model-dir", "corrections", "by"), usage);
    String lang = options.get("lang");
    String out = options.get("out");
    String modelDir = options.get("model-dir");
    if (lang == null || (out == null) == (modelDir == null)) {
      LabelledSet.fail("--lang and one of --out or --model-dir are required", usage);
    }
    java.util.List<EvalSentiment.Item> base = LabelledSet.named(options, "");
    java.util.List<SentimentCorrection> corrections = options.containsKey("corrections")
        ? corrections(options.get("corrections")) : java.util.List.of();
    if (base == null && corrections.isEmpty()) {
      LabelledSet.fail("a labelled set or --corrections (with at least one correction) is required", usage);
    }
    if (modelDir != null) {
      Rebuild.Outcome o;
      try {
        o = Rebuild.run(new ModelRegistry(Path.of(modelDir), LabelledSet.fast(options, lang),
          java.time.Duration.ZERO), LabelledSet.fast(options, lang), lang,
          base == null ? java.util.List.of() : LabelledSet.examples(base), corrections,
          options.getOrDefault("by", System.getProperty("user.name", "cli")), java.time.Instant.now());
      } catch (IllegalStateException | IllegalArgumentException e) {
        System.err.println("train-sentiment: " + e.getMessage());
        System.exit(1);
        return;
      }
      System.out.printf("rebuilt lang=%s version=%d examples=%d corrections=%d %s%n", lang, o.version().version(),
          o.version().examples(), o.version().corrections(), o.reason());
      return;
    }
    double sigma = Double.parseDouble(options.getOrDefault("sigma", String.valueOf(SentimentModel.SIGMA)));
    int folds = Integer.parseInt(options.getOrDefault("folds", "5"));
    java.util.List<SentimentModel.Example> examples = Rebuild.examples(lang,
        base == null ? java.util.List.of() : LabelledSet.examples(base), corrections);
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
