package fr.communitydefender.enrichment.sentiment;

import fr.communitydefender.domain.mention.MentionAnalysis;
import fr.communitydefender.enrichment.lang.LanguageIdentifier;
import fr.communitydefender.enrichment.sentiment.internal.Lexicon;
import fr.communitydefender.enrichment.sentiment.internal.Rules;
import fr.communitydefender.enrichment.sentiment.internal.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fast tier: lexicon scoring on CoreNLP tokens with negation scope (ne…pas/jamais/plus/rien, aucun, sans;
 * not/never/no/n't: the next three words, up to punctuation), intensifiers and diminishers, contrast (words after
 * "mais"/"but" weigh more, before it less), emoji and emoticons, elongation ("trèèès", "sooo") and "!!!", hashtags
 * split into words. Returns the label, a score in [-1, 1] and the words that drove it. Thread-safe.
 */
public final class FastSentiment {
  public static final String TIER = "fast-lexicon";
  static final int MAX_CHARS = 5_000;
  private static final double NEGATION = -0.74;
  private static final Set<String> PUNCTUATION = Set.of(".", ",", ";", ":", "!", "?", "…", "...", "(", ")");
  private static final Pattern ELONGATED = Pattern.compile("(\\p{L})\\1{2,}");

  private final Lexicon french;
  private final Lexicon english;

  public FastSentiment(Lexicon french, Lexicon english) {
    this.french = french;
    this.english = english;
  }

  /** The packaged lexicons, nothing from outside. */
  public static FastSentiment withBuiltInLexicons() {
    return withLexicons(List.of(), List.of());
  }

  /**
   * The packaged lexicons plus optional external ones (e.g. FEEL for French), which rank below ours and above the npm
   * ones. French: ours, written for city life, over the Pattern lexicon of the npm package {@code natural}. English:
   * ours over the VADER lexicon of the npm package {@code vader-sentiment} (both fetched by the build).
   */
  public static FastSentiment withLexicons(List<java.nio.file.Path> extraFrench, List<java.nio.file.Path> extraEnglish) {
    return new FastSentiment(
        stack(Lexicon.fromPatternJson("/lexicons/npm/pattern-sentiment-fr.json"), extraFrench, "/lexicons/fr.tsv"),
        stack(Lexicon.fromVaderResource("/lexicons/npm/vader/vader_lexicon.txt"), extraEnglish, "/lexicons/en.tsv"));
  }

  private static Lexicon stack(Lexicon npm, List<java.nio.file.Path> extra, String ours) {
    Lexicon out = npm;
    for (java.nio.file.Path p : extra) {
      Lexicon l = Lexicon.fromPath(p);
      out = out == null ? l : out.overriddenBy(l);
    }
    Lexicon own = Lexicon.fromResource(ours);
    return out == null ? own : out.overriddenBy(own);
  }

  /** Scores {@code text} written in {@code lang} (fr, en; other languages use the English rules and both lexicons). */
  public MentionAnalysis analyse(String text, String lang) {
    String problem = unsupported(text);
    if (problem != null) {
      return new MentionAnalysis(lang, MentionAnalysis.UNSUPPORTED, 0, List.of(), TIER, problem);
    }
    boolean fr = LanguageIdentifier.FRENCH.equals(lang);
    Rules rules = fr ? Rules.FRENCH : Rules.ENGLISH;
    List<String> tokens = Tokens.words(text, fr);
    List<String> drivers = new ArrayList<>();
    List<Double> contributions = new ArrayList<>();
    int negatedUntil = -1;
    boolean sawNe = false;
    double booster = 1;
    for (int i = 0; i < tokens.size(); i++) {
      String raw = tokens.get(i);
      String tok = Lexicon.normalise(raw);
      if (PUNCTUATION.contains(tok)) {
        negatedUntil = -1;
        sawNe = false;
        booster = 1;
        continue;
      }
      if (rules.contrast().contains(tok)) {
        contributions.replaceAll(c -> c * 0.5);
        contributions.add(Double.NaN); // marks the contrast point
        negatedUntil = -1;
        continue;
      }
      if (rules.negators().contains(tok) || (sawNe && rules.weakNegators().contains(tok))) {
        sawNe = sawNe || tok.equals("ne") || tok.equals("n'");
        negatedUntil = i + 3;
        continue;
      }
      Double boost = rules.boosters().get(tok);
      if (boost != null) {
        booster = boost;
        continue;
      }
      double s = lookup(tok, fr);
      if (s == 0 && elongated(tok)) {
        s = lookup(ELONGATED.matcher(tok).replaceAll("$1"), fr) * 1.3;
      }
      if (s != 0) {
        boolean negated = i <= negatedUntil;
        s *= booster;
        if (negated) {
          s *= NEGATION;
        }
        contributions.add(s);
        drivers.add(negated ? "¬" + raw : raw);
        booster = 1;
      }
    }
    for (String symbol : Tokens.symbols(text)) {
      Double s = Rules.SYMBOLS.get(symbol.replace("\uFE0F", ""));
      if (s != null) {
        contributions.add(s);
        drivers.add(symbol);
      }
    }
    double sum = 0;
    boolean afterContrast = false;
    for (double c : contributions) {
      if (Double.isNaN(c)) {
        afterContrast = true;
      } else {
        sum += afterContrast ? c * 1.5 : c;
      }
    }
    int bangs = 0;
    for (int i = text.indexOf('!'); i >= 0 && bangs < 3; i = text.indexOf('!', i + 1)) {
      bangs++;
    }
    if (sum != 0) {
      sum += Math.signum(sum) * 0.3 * bangs;
    }
    double score = sum / Math.sqrt(sum * sum + 15);
    String label = rules.neutralBand().label(score);
    return new MentionAnalysis(lang, label, Math.max(-1, Math.min(1, score)), drivers, TIER, null);
  }

  /** The token's score in its language's lexicon, else half its score in the other one (code-switching). */
  private double lookup(String tok, boolean fr) {
    Lexicon own = fr ? french : english;
    if (own.knows(tok)) {
      return own.score(tok);
    }
    double s = own.score(tok);
    return s != 0 ? s : (fr ? english : french).score(tok) * 0.5;
  }

  /** Why a text cannot be scored, or null. */
  static String unsupported(String text) {
    if (text == null || text.isBlank()) {
      return "empty";
    }
    if (text.length() > MAX_CHARS) {
      return "longer than " + MAX_CHARS + " characters";
    }
    long junk = 0;
    boolean letter = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp == 0xFFFD || (Character.isISOControl(cp) && cp != '\n' && cp != '\r' && cp != '\t')) {
        junk++;
      } else if (!letter && Character.isLetter(cp)) {
        letter = true;
      }
      i += Character.charCount(cp);
    }
    if (junk * 10 > text.length()) {
      return "binary or garbled text";
    }
    if (!letter && Tokens.symbols(text).isEmpty()) {
      return "no words";
    }
    return null;
  }

  /** Whether a letter comes three times or more in a row: what {@link #ELONGATED} finds, without a regex per word. */
  static boolean elongated(String token) {
    int previous = -1;
    int run = 0;
    for (int i = 0; i < token.length(); ) {
      int cp = token.codePointAt(i);
      if (cp == previous && Character.isLetter(cp)) {
        if (++run >= 3) {
          return true;
        }
      } else {
        previous = cp;
        run = 1;
      }
      i += Character.charCount(cp);
    }
    return false;
  }
}
