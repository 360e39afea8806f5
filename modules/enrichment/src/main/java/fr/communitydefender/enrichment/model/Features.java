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
 * {@code NEG_}), emoji and emoticons, and the fast tier's verdict and score — so the model learns on top of the
 * lexicons, not instead of them.
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
      String word = i <= negatedUntil && !rules.negators().contains(tok) ? "NEG_" + tok : tok;
      f.incrementCount("w=" + word);
      f.incrementCount("b=" + previous + "_" + tok);
      previous = tok;
    }
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
