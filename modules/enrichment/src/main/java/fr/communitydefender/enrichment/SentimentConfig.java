package fr.communitydefender.enrichment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the sentiment tiers load besides the built-in lexicons: trained models (one per language), external
 * lexicons by language ({@code fr}, {@code en}; e.g. FEEL for French), each checked to be a readable file, and the
 * directory of the commune's models rebuilt from the console's corrections ({@code modelDir}, null: none; its active
 * model of a language wins over a configured one).
 */
public record SentimentConfig(List<Path> models, Map<String, List<Path>> lexicons, Path modelDir) {
  public static final SentimentConfig NONE = new SentimentConfig(List.of(), Map.of(), null);

  public SentimentConfig(List<Path> models, Map<String, List<Path>> lexicons) {
    this(models, lexicons, null);
  }

  public SentimentConfig {
    models = List.copyOf(models);
    lexicons = Map.copyOf(lexicons);
    for (Path m : models) {
      if (!Files.isRegularFile(m)) {
        throw new IllegalArgumentException("sentiment model: no such file " + m);
      }
    }
    lexicons.forEach((lang, files) -> {
      if (!lang.equals("fr") && !lang.equals("en")) {
        throw new IllegalArgumentException("sentiment lexicon: language must be fr or en, not '" + lang + "'");
      }
      for (Path f : files) {
        if (!Files.isRegularFile(f)) {
          throw new IllegalArgumentException("sentiment lexicon: no such file " + f);
        }
      }
    });
  }

  /** Parses {@code lang=path} specs (as given to {@code --sentiment-lexicon}). */
  public static Map<String, List<Path>> parseLexicons(List<String> specs) {
    Map<String, List<Path>> out = new java.util.TreeMap<>();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("sentiment lexicon: expected lang=FILE, got '" + spec + "'");
      }
      out.computeIfAbsent(spec.substring(0, eq), k -> new java.util.ArrayList<>()).add(Path.of(spec.substring(eq + 1)));
    }
    return out;
  }

  public List<Path> lexicons(String lang) {
    return lexicons.getOrDefault(lang, List.of());
  }
}
