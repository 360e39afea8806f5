package fr.communitydefender.enrichment.eval;

import fr.communitydefender.enrichment.model.SentimentModel;
import fr.communitydefender.enrichment.sentiment.FastSentiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code train} command: learns the trained tier from a labelled set and writes the model file.
 * {@code --lang fr|en (--text FILE --labels FILE | --tsv FILE) --out MODEL [--sigma S]}.
 */
public final class TrainSentiment {
  private TrainSentiment() {}

  public static void main(String[] args) throws IOException {
    String text = null;
    String labels = null;
    String tsv = null;
    String lang = null;
    String out = null;
    double sigma = 0.3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--text" -> text = args[++i];
        case "--labels" -> labels = args[++i];
        case "--tsv" -> tsv = args[++i];
        case "--lang" -> lang = args[++i];
        case "--out" -> out = args[++i];
        case "--sigma" -> sigma = Double.parseDouble(args[++i]);
        default -> usage("unknown option " + args[i]);
      }
    }
    if (lang == null || out == null || (tsv == null && (text == null || labels == null))) {
      usage("--lang, --out and a labelled set are required");
    }
    List<EvalSentiment.Item> items = tsv != null ? EvalSentiment.readTsv(Path.of(tsv))
        : EvalSentiment.readPair(Path.of(text), Path.of(labels));
    List<SentimentModel.Example> examples = items.stream()
        .map(i -> new SentimentModel.Example(i.text(), EvalSentiment.LABELS[i.gold()])).toList();
    long t0 = System.nanoTime();
    SentimentModel model = SentimentModel.train(lang, examples, FastSentiment.withBuiltInLexicons(), sigma);
    model.save(Path.of(out));
    System.out.printf("trained lang=%s examples=%d seconds=%.1f model=%s%n", lang, examples.size(),
        (System.nanoTime() - t0) / 1e9, out);
  }

  private static void usage(String problem) {
    System.err.println("train-sentiment: " + problem);
    System.err.println("usage: train-sentiment --lang fr|en (--text FILE --labels FILE | --tsv FILE) --out MODEL "
        + "[--sigma S (default 0.3)]");
    System.exit(2);
  }
}
