package fr.communitydefender.enrichment.lang;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * Language of a short post: {@code fr}, {@code en}, {@code other} (another language we can recognise), or
 * {@code und} (too little text). Lingua on the languages a French commune meets most, so that a Spanish or German post
 * is "other" rather than forced into French or English.
 */
public final class LanguageIdentifier {
  public static final String FRENCH = "fr";
  public static final String ENGLISH = "en";
  public static final String OTHER = "other";
  public static final String UNDETERMINED = "und";

  private final LanguageDetector detector = LanguageDetectorBuilder.fromLanguages(Language.FRENCH,
          Language.ENGLISH, Language.SPANISH, Language.GERMAN, Language.ITALIAN, Language.PORTUGUESE,
          Language.DUTCH, Language.ARABIC)
      .withMinimumRelativeDistance(0.0)
      .build();

  public String identify(String text) {
    if (text == null) {
      return UNDETERMINED;
    }
    long letters = text.codePoints().filter(Character::isLetter).count();
    if (letters < 3) {
      return UNDETERMINED;
    }
    Language language = detector.detectLanguageOf(text);
    return switch (language) {
      case FRENCH -> FRENCH;
      case ENGLISH -> ENGLISH;
      case UNKNOWN -> UNDETERMINED;
      default -> OTHER;
    };
  }
}
