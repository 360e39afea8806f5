package fr.communitydefender.enrichment.eval;

import fr.communitydefender.enrichment.model.SentimentModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
        + "[--lexicon FILE[,FILE…]] [--sigma S (default 0.3)]";
    Map<String, String> options = LabelledSet.options(args, Set.of("text", "labels", "tsv", "lang", "out", "sigma",
        "lexicon"), usage);
    String lang = options.get("lang");
    String out = options.get("out");
    if (lang == null || out == null) {
      LabelledSet.fail("--lang and --out are required", usage);
    }
    double sigma = Double.parseDouble(options.getOrDefault("sigma", "0.3"));
    List<EvalSentiment.Item> items = LabelledSet.read(options, usage);
    List<SentimentModel.Example> examples = items.stream()
        .map(i -> new SentimentModel.Example(i.text(), EvalSentiment.LABELS[i.gold()])).toList();
    long t0 = System.nanoTime();
    SentimentModel model = SentimentModel.train(lang, examples, LabelledSet.fast(options, lang), sigma);
    model.save(Path.of(out));
    System.out.printf("trained lang=%s examples=%d seconds=%.1f model=%s%n", lang, examples.size(),
        (System.nanoTime() - t0) / 1e9, out);
  }
}
