package fr.communitydefender.enrichment.lang;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * Language of a short post (first a cheap vote of French and English function words decides the clear cases, Lingua
 * the others): {@code fr}, {@code en}, {@code other} (another language we can recognise), or
 * {@code und} (too little text). Lingua on the languages a French commune meets most, so that a Spanish or German post
 * is "other" rather than forced into French or English.
 */
public final class LanguageIdentifier {
  public static final String FRENCH = "fr";
  public static final String ENGLISH = "en";
  public static final String OTHER = "other";
  public static final String UNDETERMINED = "und";

  private static final Language[] LANGUAGES = {Language.FRENCH, Language.ENGLISH, Language.SPANISH,
      Language.GERMAN, Language.ITALIAN, Language.PORTUGUESE, Language.DUTCH, Language.ARABIC};
  private final LanguageDetector detector = LanguageDetectorBuilder.fromLanguages(LANGUAGES)
      .withMinimumRelativeDistance(0.0)
      .withPreloadedLanguageModels() // loaded at start-up, not by the first mentions of a busy stream
      .build();
  /** Lingua's trigram score on the calling thread (several times cheaper): confirms a language the source declared. */
  private final TrigramScorer quick = TrigramScorer.load(LANGUAGES);

  /** Function words of French that Spanish, Italian, Portuguese and Catalan do not share. */
  static final java.util.Set<String> FR_WORDS = java.util.Set.of("les", "des", "du", "est", "et", "une",
      "pour", "dans", "pas", "sur", "avec", "cette", "sont", "mais", "nous", "vous", "elle", "ils", "je", "au", "aux",
      "leur", "très", "plus", "c'est", "j'ai", "été", "être", "fait", "aussi", "comme", "tout", "où", "ça", "ce");
  /** Function words of English that German and Dutch do not share. */
  static final java.util.Set<String> EN_WORDS = java.util.Set.of("the", "and", "are", "were", "of", "to",
      "for", "with", "that", "this", "it", "you", "we", "they", "have", "has", "be", "not", "from", "at", "by", "my",
      "your", "our", "what", "who", "just", "about", "been", "can", "do", "don't", "i'm", "it's", "would", "there",
      "their");

  /** fr or en when the function words leave no doubt (two or more of one language, none of the other), else null. */
  static String byFunctionWords(String text) {
    int fr = 0;
    int en = 0;
    String lower = text.toLowerCase(java.util.Locale.ROOT).replace('’', '\'');
    int start = -1;
    for (int i = 0; i <= lower.length(); ) { // words: runs of letters and apostrophes
      int cp = i < lower.length() ? lower.codePointAt(i) : ' ';
      boolean inWord = cp == '\'' || Character.isLetter(cp);
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        String w = lower.substring(start, i);
        if (FR_WORDS.contains(w)) {
          fr++;
        } else if (EN_WORDS.contains(w)) {
          en++;
        }
        start = -1;
      }
      i += i < lower.length() ? Character.charCount(cp) : 1;
    }
    if (fr >= 2 && en == 0) {
      return FRENCH;
    }
    if (en >= 2 && fr == 0) {
      return ENGLISH;
    }
    return null;
  }

  public String identify(String text) {
    return identify(text, null);
  }

  /** Whether the text has at least {@code n} letters (code points). */
  static boolean hasLetters(String text, int n) {
    int letters = 0;
    for (int i = 0; i < text.length() && letters < n; ) {
      int cp = text.codePointAt(i);
      if (Character.isLetter(cp)) {
        letters++;
      }
      i += Character.charCount(cp);
    }
    return letters >= n;
  }

  /**
   * As {@link #identify(String)}, with the language the source declared ({@code lang} of Mastodon, Bluesky, X; null
   * when none): when the cheap trigram score of Lingua's models agrees with it, it is taken without the full detector
   * (which costs several times more); when they disagree — a wrong default language in a client — or the declared
   * language is none of those we recognise, the full detector decides.
   */
  public String identify(String text, String declared) {
    if (text == null) {
      return UNDETERMINED;
    }
    if (!hasLetters(text, 3)) {
      return UNDETERMINED;
    }
    String clear = byFunctionWords(text);
    if (clear != null) {
      return clear;
    }
    if (declared != null && declared.length() >= 2) {
      Language guess = quick.best(text);
      if (guess != null && guess.getIsoCode639_1().toString().equalsIgnoreCase(declared.substring(0, 2))) {
        return code(guess);
      }
    }
    return code(detector.detectLanguageOf(text));
  }

  private static String code(Language language) {
    return switch (language) {
      case FRENCH -> FRENCH;
      case ENGLISH -> ENGLISH;
      case UNKNOWN -> UNDETERMINED;
      default -> OTHER;
    };
  }
}
