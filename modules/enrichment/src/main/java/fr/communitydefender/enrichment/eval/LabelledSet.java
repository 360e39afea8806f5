package fr.communitydefender.enrichment.eval;

import fr.communitydefender.enrichment.sentiment.FastSentiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options of the harnesses, and the labelled set they name ({@code --text/--labels} or {@code --tsv}). */
final class LabelledSet {
  private LabelledSet() {}

  /** {@code --name value} pairs; an option outside {@code allowed} fails with the usage line. */
  static Map<String, String> options(String[] args, Set<String> allowed, String usage) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : null;
      if (name == null || !allowed.contains(name) || i + 1 >= args.length) {
        fail("unexpected argument " + args[i], usage);
      }
      out.put(name, args[++i]);
    }
    return out;
  }

  /** The items of the set the options name; binary when it came from a TSV file. */
  static List<EvalSentiment.Item> read(Map<String, String> options, String usage) throws IOException {
    List<EvalSentiment.Item> items = named(options, "");
    if (items == null) {
      fail("a labelled set is required", usage);
    }
    return items;
  }

  /**
   * The set named by {@code --<prefix>tsv} or {@code --<prefix>text/--<prefix>labels}, or null when neither is given
   * (prefix {@code cv-}: the training set the cross-validation estimate is drawn from).
   */
  static List<EvalSentiment.Item> named(Map<String, String> options, String prefix) throws IOException {
    if (options.containsKey(prefix + "tsv")) {
      return EvalSentiment.readTsv(Path.of(options.get(prefix + "tsv")));
    }
    if (options.containsKey(prefix + "text") && options.containsKey(prefix + "labels")) {
      return EvalSentiment.readPair(Path.of(options.get(prefix + "text")), Path.of(options.get(prefix + "labels")));
    }
    return null;
  }

  /** Items as training examples (labels negative, neutral, positive). */
  static List<fr.communitydefender.enrichment.model.SentimentModel.Example> examples(List<EvalSentiment.Item> items) {
    return items.stream()
        .map(i -> new fr.communitydefender.enrichment.model.SentimentModel.Example(i.text(),
            EvalSentiment.LABELS[i.gold()])).toList();
  }

  /** The fast tier with the external lexicons named by {@code --lexicon FILE[,FILE…]} for {@code lang}. */
  static FastSentiment fast(Map<String, String> options, String lang) {
    List<Path> extra = options.containsKey("lexicon")
        ? java.util.Arrays.stream(options.get("lexicon").split(",")).map(Path::of).toList() : List.of();
    return "fr".equals(lang) ? FastSentiment.withLexicons(extra, List.of()) : FastSentiment.withLexicons(List.of(), extra);
  }

  static void fail(String problem, String usage) {
    System.err.println(problem);
    System.err.println("usage: " + usage);
    System.exit(2);
  }
}
