package fr.communitydefender.enrichment.explain;

import fr.communitydefender.enrichment.sentiment.internal.Lexicon;
import fr.communitydefender.enrichment.sentiment.internal.Tokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds an {@link Explanation} from a sample of mentions: sentiment counts, top drivers, top terms (document
 * frequency, stop words and words of fewer than three letters left out), and — when the NER models are present —
 * top entities. Thread-safe; NER makes it cost ~5 ms per mention, so callers run it on a worker.
 */
public final class Explainer {
  /** One mention of the sample: id, text, detected language, sentiment label, drivers, source, reach (any may be null). */
  public record Sample(String id, String text, String lang, String sentiment, List<String> drivers, String source,
      long reach) {
    public Sample(String text, String lang, String sentiment, List<String> drivers) {
      this(null, text, lang, sentiment, drivers, null, 0);
    }
  }

  private static final int TOP = 10;
  private final EntityExtractor entities;
  private final Set<String> stopwords;

  /** {@code entities} may be null (no NER models on the class path): the explanation then has no entities. */
  public Explainer(EntityExtractor entities) {
    this.entities = entities;
    Set<String> words = new HashSet<>();
    read("/stopwords/fr.txt", words);
    read("/stopwords/en.txt", words);
    this.stopwords = Set.copyOf(words);
  }

  /** With NER when its models are on the class path. */
  public static Explainer standard() {
    return new Explainer(EntityExtractor.available() ? new EntityExtractor() : null);
  }

  public Explanation explain(List<Sample> sample) {
    Map<String, Long> sentiment = new TreeMap<>();
    Map<String, Long> drivers = new HashMap<>();
    Map<String, Long> terms = new HashMap<>();
    Map<EntityExtractor.Entity, Long> found = new HashMap<>();
    for (Sample s : sample) {
      if (s.sentiment() != null) {
        sentiment.merge(s.sentiment(), 1L, Long::sum);
      }
      if (s.drivers() != null) {
        s.drivers().stream().map(d -> d.toLowerCase(Locale.ROOT)).distinct().forEach(d -> drivers.merge(d, 1L, Long::sum));
      }
      if (s.text() == null || s.text().isBlank()) {
        continue;
      }
      boolean fr = !"en".equals(s.lang());
      terms(s.text(), s.lang()).forEach(t -> terms.merge(t, 1L, Long::sum));
      if (entities != null) {
        entities.entities(s.text(), fr ? "fr" : "en").stream().distinct().forEach(e -> found.merge(e, 1L, Long::sum));
      }
    }
    List<Explanation.Count> topDrivers = top(drivers);
    List<Explanation.Count> topTerms = top(terms);
    List<Explanation.EntityCount> topEntities = found.entrySet().stream()
        .sorted(Map.Entry.<EntityExtractor.Entity, Long>comparingByValue().reversed()
            .thenComparing(e -> e.getKey().text()))
        .limit(TOP).map(e -> new Explanation.EntityCount(e.getKey().text(), e.getKey().type(), e.getValue())).toList();
    Map<String, Long> sources = new TreeMap<>();
    sample.stream().filter(x -> x.source() != null).forEach(x -> sources.merge(x.source(), 1L, Long::sum));
    List<Explanation.Post> top = sample.stream().filter(x -> x.reach() > 0)
        .sorted(Comparator.comparingLong(Sample::reach).reversed()).limit(3)
        .map(x -> new Explanation.Post(x.id(), x.text(), x.source(), x.reach())).toList();
    return new Explanation(sample.size(), sentiment, topDrivers, topTerms, topEntities,
        summary(sample.size(), sentiment, topDrivers, topTerms, topEntities), sources, top);
  }

  /** The distinct terms of a text, lower-cased: words of three letters or more, no stop words, handles or links. */
  public List<String> terms(String text, String lang) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Tokens.words(text, !"en".equals(lang)).stream().filter(this::isTerm)
        .map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList();
  }

  private boolean isTerm(String word) {
    if (word.length() < 3 || word.startsWith("@") || word.startsWith("http") || !Character.isLetter(word.charAt(0))) {
      return false;
    }
    return !stopwords.contains(Lexicon.normalise(word));
  }

  private static List<Explanation.Count> top(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP).map(e -> new Explanation.Count(e.getKey(), e.getValue())).toList();
  }

  static String summary(int n, Map<String, Long> sentiment, List<Explanation.Count> drivers,
      List<Explanation.Count> terms, List<Explanation.EntityCount> entities) {
    if (n == 0) {
      return "Aucune mention dans l'échantillon.";
    }
    StringBuilder sb = new StringBuilder();
    Map<String, String> names = new LinkedHashMap<>();
    names.put("negative", "négatives");
    names.put("neutral", "neutres");
    names.put("positive", "positives");
    sb.append("Sur ").append(n).append(" mention").append(n > 1 ? "s" : "").append(" : ");
    sb.append(names.entrySet().stream().filter(e -> sentiment.getOrDefault(e.getKey(), 0L) > 0)
        .map(e -> Math.round(100.0 * sentiment.get(e.getKey()) / n) + " % " + e.getValue())
        .collect(Collectors.joining(", ")));
    sb.append('.');
    if (!terms.isEmpty()) {
      sb.append(" Termes : ").append(terms.stream().limit(5).map(Explanation.Count::key)
          .collect(Collectors.joining(", "))).append('.');
    }
    if (!entities.isEmpty()) {
      sb.append(" Entités : ").append(entities.stream().limit(5).map(e -> e.text() + " (" + e.type() + ")")
          .collect(Collectors.joining(", "))).append('.');
    }
    if (!drivers.isEmpty()) {
      sb.append(" Mots qui pèsent : ").append(drivers.stream().limit(5).map(Explanation.Count::key)
          .collect(Collectors.joining(", "))).append('.');
    }
    return sb.toString();
  }

  private static void read(String resource, Set<String> into) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        Explainer.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      r.lines().filter(l -> !l.startsWith("#")).flatMap(l -> java.util.Arrays.stream(l.split("\\s+")))
          .filter(w -> !w.isBlank()).map(Lexicon::normalise).forEach(into::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
