package fr.communitydefender.enrichment.sentiment.internal;

import fr.communitydefender.domain.watch.WatchMatcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A polarity lexicon: normalised word → score in [-3, 3]; lookups fold case, accents and plural/feminine endings. */
public final class Lexicon {
  private final Map<String, Double> scores;

  private Lexicon(Map<String, Double> scores) {
    this.scores = Map.copyOf(scores);
  }

  public static Lexicon fromResource(String name) {
    try (InputStream in = Lexicon.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing lexicon " + name);
      }
      return read(in, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Lexicon read(InputStream in, String name) throws IOException {
    Map<String, Double> out = new HashMap<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      if (parts.length != 2) {
        throw new IllegalArgumentException(name + ":" + n + ": expected word<TAB>score");
      }
      out.put(normalise(parts[0]), Double.parseDouble(parts[1].strip()));
    }
    return new Lexicon(out);
  }

  /**
   * A Pattern-project lexicon as published in the npm package {@code natural} ({@code form → {polarity: "-0.3"}}),
   * polarity scaled from [-1, 1] to our [-3, 3]; neutral forms are left out. Null when the resource is absent.
   */
  public static Lexicon fromPatternJson(String name) {
    try (InputStream in = Lexicon.class.getResourceAsStream(name)) {
      if (in == null) {
        return null;
      }
      Map<String, Double> out = new HashMap<>();
      com.fasterxml.jackson.databind.JsonNode root = fr.communitydefender.domain.json.Json.MAPPER.readTree(in);
      root.properties().forEach(e -> {
        double polarity = e.getValue().path("polarity").asDouble(0);
        if (Math.abs(polarity) >= 0.1) {
          out.merge(normalise(e.getKey()), polarity * 3, (a, b) -> (a + b) / 2);
        }
      });
      return new Lexicon(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The VADER lexicon as published in the npm package {@code vader-sentiment} ({@code token<TAB>mean<TAB>sd<TAB>[ratings]},
   * means in [-4, 4], scaled to our [-3, 3]). Null when the resource is absent.
   */
  public static Lexicon fromVaderResource(String name) {
    try (InputStream in = Lexicon.class.getResourceAsStream(name)) {
      return in == null ? null : readDelimited(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines().toList(), 0, name, "\t", 0, 1, 0.75);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An external lexicon file, by its shape: a CSV with a header naming {@code word} and {@code polarity} columns
   * ({@code ;} or {@code ,} separated, polarity {@code positive}/{@code negative} or a number — e.g. FEEL), else
   * {@code word<TAB>score[<TAB>…]} lines (ours, or VADER's with scores in [-4, 4] when {@code vader} is in the name).
   * Multi-word entries are skipped (the fast tier scores single tokens). Errors name the file and line.
   */
  public static Lexicon fromPath(java.nio.file.Path path) {
    java.util.List<String> lines;
    try {
      lines = java.nio.file.Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(path + ": empty lexicon");
    }
    String header = lines.get(0);
    String sep = header.contains(";") ? ";" : header.contains("\t") ? "\t" : ",";
    java.util.List<String> cols = java.util.Arrays.asList(header.toLowerCase(Locale.ROOT).split(sep));
    if (cols.contains("word") && cols.contains("polarity")) {
      return readDelimited(lines, 1, path.toString(), sep, cols.indexOf("word"), cols.indexOf("polarity"), 1.5);
    }
    double scale = path.getFileName().toString().toLowerCase(Locale.ROOT).contains("vader") ? 0.75 : 1;
    return readDelimited(lines, 0, path.toString(), "\t", 0, 1, scale);
  }

  /** Lines from index {@code from} on: {@code word} and {@code score} columns (polarity words or numbers × scale). */
  private static Lexicon readDelimited(java.util.List<String> lines, int from, String name, String sep, int word,
      int score, double scale) {
    Map<String, Double> out = new HashMap<>();
    for (int i = from; i < lines.size(); i++) {
      String line = lines.get(i);
      int n = i + 1;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(sep, -1);
      if (parts.length <= Math.max(word, score)) {
        throw new IllegalArgumentException(name + ":" + n + ": expected at least " + (Math.max(word, score) + 1)
            + " columns");
      }
      String w = parts[word].strip();
      if (w.contains(" ")) {
        continue;
      }
      String v = parts[score].strip().toLowerCase(Locale.ROOT);
      double value = switch (v) {
        case "positive", "pos" -> 1;
        case "negative", "neg" -> -1;
        case "neutral", "neu", "" -> 0;
        default -> parseScore(v, name, n);
      };
      if (value != 0) {
        out.put(normalise(w), value * scale);
      }
    }
    return new Lexicon(out);
  }

  private static double parseScore(String v, String name, int line) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ":" + line + ": score '" + v + "' is not a number or a polarity");
    }
  }

  /** This lexicon with {@code override}'s entries taking precedence. */
  public Lexicon overriddenBy(Lexicon override) {
    Map<String, Double> all = new HashMap<>(scores);
    all.putAll(override.scores);
    return new Lexicon(all);
  }

  public static String normalise(String word) {
    return WatchMatcher.fold(word); // lower case without accents, as watches compare words
  }

  /** Whether the lexicon has an entry (possibly 0: a neutralised word) for this normalised token. */
  public boolean knows(String normalised) {
    return scores.containsKey(normalised);
  }

  /** Score of an already normalised token, 0 when unknown. */
  public double score(String normalised) {
    Double s = scores.get(normalised);
    if (s == null && normalised.length() > 3) {
      for (String ending : new String[] {"es", "s", "x", "e"}) {
        if (normalised.endsWith(ending)) {
          s = scores.get(normalised.substring(0, normalised.length() - ending.length()));
          if (s != null) {
            break;
          }
        }
      }
    }
    return s == null ? 0 : s;
  }

  public int size() {
    return scores.size();
  }
}
