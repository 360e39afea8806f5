package fr.communitydefender.enrichment.lang;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.github.pemistahl.lingua.api.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Lingua's low-accuracy score, computed on the calling thread with Lingua's own models: for each language, the sum of
 * ln P(trigram) over the text's distinct letter trigrams, backing off to the trigram's first bigram, then to its first
 * letter, when the language's model lacks it; the best language is the one with the highest sum (a tie: none).
 *
 * <p>Lingua's detector computes the same sums on its common fork-join pool (a hand-off and a wake-up per call) after a
 * rule pass that allocates sets per word; on the stream thread that was a fifth of the processing stage. Of those
 * rules this class keeps the first (the script most words are written in), not the characters unique to a language:
 * it only <em>confirms</em> a language the source declared, and {@link LanguageIdentifier} gives every text it does
 * not confirm to Lingua's full detector.
 * The n-grams live in one open-addressing table keyed by the packed characters, one row of log-probabilities per n-gram
 * (a positive value: absent from that language's model). Thread-safe (immutable after construction).
 */
final class TrigramScorer {
  private static final float ABSENT = 1f;
  private static final Character.UnicodeScript[] SCRIPTS = Character.UnicodeScript.values();
  private final Language[] languages;
  private final Character.UnicodeScript[] scripts;
  private final int width;
  private final long[] keys;
  private final int[] rows;
  private final float[] logs;
  private final int mask;

  private TrigramScorer(Language[] languages, Character.UnicodeScript[] scripts, long[] keys, int[] rows,
      float[] logs) {
    this.languages = languages;
    this.scripts = scripts;
    this.width = languages.length;
    this.keys = keys;
    this.rows = rows;
    this.logs = logs;
    this.mask = keys.length - 1;
  }

  /** The unigram, bigram and trigram models Lingua ships for these languages (from its jar). */
  static TrigramScorer load(Language... languages) {
    Builder b = new Builder(languages.length);
    for (int l = 0; l < languages.length; l++) {
      String iso = languages[l].getIsoCode639_1().toString();
      for (String name : new String[] {"unigrams", "bigrams", "trigrams"}) {
        String path = "/language-models/" + iso + "/" + name + ".json";
        try (InputStream in = Language.class.getResourceAsStream(path)) {
          if (in == null) {
            throw new IllegalStateException("Lingua's model " + path + " is missing from the classpath");
          }
          b.read(in, l);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read Lingua's model " + path, e);
        }
      }
    }
    return b.build(languages.clone());
  }

  /**
   * The language with the highest score among those written in the text's main script, or null when no language has
   * one or two share the highest. The main script is Lingua's first rule: the script most of the words are written
   * in (Latin or Arabic here; another one, such as Cyrillic or Japanese, leaves none of our languages).
   */
  Language best(String text) {
    Character.UnicodeScript script = mainScript(text);
    if (script == Character.UnicodeScript.UNKNOWN) {
      return null;
    }
    float[] sums = scores(text);
    int best = -1;
    boolean tie = false;
    for (int l = 0; l < width; l++) {
      if (sums[l] >= 0f || (script != Character.UnicodeScript.COMMON && scripts[l] != script)) {
        continue; // Lingua keeps only the languages whose sum is below zero, written in the main script
      }
      if (best < 0 || sums[l] > sums[best]) {
        best = l;
        tie = false;
      } else if (sums[l] == sums[best]) {
        tie = true;
      }
    }
    return best < 0 || tie ? null : languages[best];
  }

  /**
   * The script most words are written in (a word: letters between spaces, all of one script; a Chinese or Japanese
   * character is a word by itself); COMMON when several scripts are as frequent or no word has letters; UNKNOWN when
   * it is none of our languages' scripts.
   */
  private Character.UnicodeScript mainScript(String text) {
    int[] counts = new int[SCRIPTS.length];
    Character.UnicodeScript word = null;
    boolean mixed = false;
    for (int i = 0, c; i <= text.length(); i += Character.charCount(c)) {
      c = i < text.length() ? text.codePointAt(i) : ' ';
      if (Character.isWhitespace(c)) {
        if (word != null && !mixed) {
          counts[word.ordinal()]++;
        }
        word = null;
        mixed = false;
      } else if (Character.isLetter(c)) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        if (s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
            || s == Character.UnicodeScript.KATAKANA) {
          counts[s.ordinal()]++; // as Lingua: each of these characters is a word
          continue;
        }
        if (word == null) {
          word = s;
        } else if (word != s) {
          mixed = true;
        }
      }
    }
    int max = 0;
    int main = -1;
    boolean tie = false;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > max) {
        max = counts[i];
        main = i;
        tie = false;
      } else if (counts[i] == max && max > 0) {
        tie = true;
      }
    }
    if (main < 0 || tie) {
      return Character.UnicodeScript.COMMON;
    }
    for (Character.UnicodeScript s : scripts) {
      if (s == SCRIPTS[main]) {
        return s;
      }
    }
    return Character.UnicodeScript.UNKNOWN;
  }

  /** Per language (in the order given to {@link #load}): the sum of the text's trigram log-probabilities. */
  float[] scores(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    char[] cleaned = new char[lower.length()];
    int n = 0;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (!punctuationOrNumber(c)) { // Lingua removes \p{P} and \p{N} before cutting n-grams
        cleaned[n++] = c;
      }
    }
    long[] trigrams = new long[Math.max(0, n - 2)];
    int t = 0;
    for (int i = 0; i + 2 < n; i++) {
      char a = cleaned[i];
      char b = cleaned[i + 1];
      char c = cleaned[i + 2];
      if (Character.isLetter(a) && Character.isLetter(b) && Character.isLetter(c)) {
        trigrams[t++] = pack(3, a, b, c);
      }
    }
    Arrays.sort(trigrams, 0, t);
    float[] sums = new float[width];
    for (int i = 0; i < t; i++) {
      long key = trigrams[i];
      if (i > 0 && trigrams[i - 1] == key) {
        continue; // distinct trigrams, as Lingua's set
      }
      char a = (char) (key >>> 32);
      char b = (char) (key >>> 16);
      int r3 = row(key);
      int r2 = -2;
      int r1 = -2;
      for (int l = 0; l < width; l++) {
        float v = r3 < 0 ? ABSENT : logs[r3 * width + l];
        if (v > 0f) {
          if (r2 == -2) {
            r2 = row(pack(2, a, b, '\0'));
          }
          v = r2 < 0 ? ABSENT : logs[r2 * width + l];
          if (v > 0f) {
            if (r1 == -2) {
              r1 = row(pack(1, a, '\0', '\0'));
            }
            v = r1 < 0 ? ABSENT : logs[r1 * width + l];
          }
        }
        if (v <= 0f) {
          sums[l] += v;
        }
      }
    }
    return sums;
  }

  private static boolean punctuationOrNumber(char c) {
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER,
          Character.OTHER_NUMBER -> true;
      default -> false;
    };
  }

  private static long pack(int length, char a, char b, char c) {
    return ((long) length << 48) | ((long) a << 32) | ((long) b << 16) | c;
  }

  private int row(long key) {
    int i = slot(key, mask);
    while (keys[i] != 0) {
      if (keys[i] == key) {
        return rows[i];
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** Number of distinct n-grams held (for tests and the start-up log). */
  int size() {
    return logs.length / width;
  }

  private static final class Builder {
    private final int width;
    private final java.util.HashMap<Long, float[]> grams = new java.util.HashMap<>();
    /** Per language, its most frequent letter: the language's script is that letter's. */
    private final char[] commonest;
    private final float[] commonestLog;

    Builder(int width) {
      this.width = width;
      this.commonest = new char[width];
      this.commonestLog = new float[width];
      Arrays.fill(commonestLog, Float.NEGATIVE_INFINITY);
    }

    /** Lingua's format: {"language": …, "ngrams": {"numerator/denominator": "ngram ngram …", …}}. */
    void read(InputStream in, int language) throws IOException {
      try (JsonParser p = new JsonFactory().createParser(in)) {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken value = p.nextToken();
          if (!"ngrams".equals(field)) {
            p.skipChildren();
            continue;
          }
          expect(value, JsonToken.START_OBJECT);
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String[] fraction = p.currentName().split("/");
            float frequency = Float.parseFloat(fraction[0]) / Integer.parseInt(fraction[1]); // as Lingua: float
            float log = (float) Math.log(frequency);
            expect(p.nextToken(), JsonToken.VALUE_STRING);
            for (String gram : p.getText().split(" ")) {
              if (gram.isEmpty() || gram.length() > 3) {
                continue;
              }
              long key = pack(gram.length(), gram.charAt(0), gram.length() > 1 ? gram.charAt(1) : '\0',
                  gram.length() > 2 ? gram.charAt(2) : '\0');
              float[] row = grams.computeIfAbsent(key, k -> {
                float[] r = new float[width];
                Arrays.fill(r, ABSENT);
                return r;
              });
              row[language] = log;
              if (gram.length() == 1 && log > commonestLog[language] && Character.isLetter(gram.charAt(0))) {
                commonestLog[language] = log;
                commonest[language] = gram.charAt(0);
              }
            }
          }
        }
      }
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
      if (actual != expected) {
        throw new IOException("unexpected " + actual + " in a Lingua model (expected " + expected + ")");
      }
    }

    TrigramScorer build(Language[] languages) {
      int capacity = Integer.highestOneBit(Math.max(16, grams.size() * 2)) << 1;
      long[] keys = new long[capacity];
      int[] rows = new int[capacity];
      float[] logs = new float[grams.size() * width];
      int r = 0;
      for (var e : grams.entrySet()) {
        long key = e.getKey();
        int i = slot(key, capacity - 1);
        while (keys[i] != 0) {
          i = (i + 1) & (capacity - 1);
        }
        keys[i] = key;
        rows[i] = r;
        System.arraycopy(e.getValue(), 0, logs, r * width, width);
        r++;
      }
      Character.UnicodeScript[] scripts = new Character.UnicodeScript[width];
      for (int l = 0; l < width; l++) {
        scripts[l] = Character.UnicodeScript.of(commonest[l]);
      }
      return new TrigramScorer(languages, scripts, keys, rows, logs);
    }
  }
}
