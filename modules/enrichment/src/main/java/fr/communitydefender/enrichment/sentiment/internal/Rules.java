package fr.communitydefender.enrichment.sentiment.internal;

import java.util.Map;
import java.util.Set;

/**
 * The words that shift polarity in one language: negators, intensifiers and diminishers, contrast, emoji; and the
 * neutral band, tuned on the training sets only ({@code scripts/eval-sentiment --cv-text … --cv-labels …} prints
 * {@code band_tuned_on_whole_set}, and its cross-validation estimate): French negative at -0.01, positive from 0.12
 * (the lexicon is sparse and its negative words rarer); English negative at -0.05, positive from 0.41 (VADER scores
 * many mildly positive words). Before, one symmetric band (0.05 and 0.2) had been tuned on the validation sets.
 */
public record Rules(Set<String> negators, Set<String> weakNegators, Map<String, Double> boosters,
    Set<String> contrast, fr.communitydefender.enrichment.sentiment.NeutralBand neutralBand) {

  public static final Map<String, Double> SYMBOLS = Map.ofEntries(
      Map.entry(":)", 1.5), Map.entry(":-)", 1.5), Map.entry(":))", 2.0), Map.entry(":D", 2.0),
      Map.entry(":-D", 2.0), Map.entry(";)", 1.0), Map.entry(";-)", 1.0), Map.entry("<3", 2.0),
      Map.entry(":(", -1.5), Map.entry(":-(", -1.5), Map.entry(":((", -2.0), Map.entry(":'(", -2.0),
      Map.entry(">:(", -2.5), Map.entry(":/", -1.0), Map.entry(":-/", -1.0),
      Map.entry("😀", 2.0), Map.entry("😃", 2.0), Map.entry("😄", 2.0), Map.entry("😁", 2.0), Map.entry("😊", 2.0),
      Map.entry("🙂", 1.0), Map.entry("😍", 3.0), Map.entry("🥰", 3.0), Map.entry("👍", 2.0), Map.entry("👏", 2.0),
      Map.entry("❤", 2.5), Map.entry("💪", 1.5), Map.entry("🎉", 2.0), Map.entry("🙏", 1.0), Map.entry("😂", 1.0),
      Map.entry("😡", -3.0), Map.entry("😠", -2.5), Map.entry("🤬", -3.0), Map.entry("😢", -2.0),
      Map.entry("😭", -2.5), Map.entry("😞", -2.0), Map.entry("😔", -1.5), Map.entry("👎", -2.0),
      Map.entry("💔", -2.5), Map.entry("😱", -2.0), Map.entry("😨", -2.0), Map.entry("😤", -2.0),
      Map.entry("🙄", -1.5), Map.entry("😒", -1.5), Map.entry("🤮", -3.0), Map.entry("💩", -2.5));

  public static final Rules FRENCH = new Rules(
      Set.of("ne", "n'", "pas", "jamais", "rien", "aucun", "aucune", "sans", "ni", "guere"),
      Set.of("plus"),
      Map.ofEntries(Map.entry("tres", 1.5), Map.entry("trop", 1.4), Map.entry("tellement", 1.5),
          Map.entry("vraiment", 1.4), Map.entry("extremement", 1.8), Map.entry("totalement", 1.5),
          Map.entry("completement", 1.5), Map.entry("hyper", 1.5), Map.entry("ultra", 1.5),
          Map.entry("vachement", 1.4), Map.entry("carrement", 1.4), Map.entry("absolument", 1.5),
          Map.entry("si", 1.3), Map.entry("franchement", 1.2), Map.entry("peu", 0.5), Map.entry("legerement", 0.5),
          Map.entry("plutot", 0.7), Map.entry("assez", 0.8), Map.entry("moyennement", 0.5)),
      Set.of("mais", "cependant", "pourtant", "toutefois", "neanmoins", "sauf"),
      new fr.communitydefender.enrichment.sentiment.NeutralBand(0.01, 0.12));

  public static final Rules ENGLISH = new Rules(
      Set.of("not", "n't", "no", "never", "nothing", "nobody", "none", "neither", "nor", "without", "cannot",
          "dont", "cant", "wont", "isnt", "arent", "wasnt", "didnt", "doesnt"),
      Set.of(),
      Map.ofEntries(Map.entry("very", 1.5), Map.entry("really", 1.4), Map.entry("so", 1.3), Map.entry("too", 1.3),
          Map.entry("extremely", 1.8), Map.entry("totally", 1.5), Map.entry("completely", 1.5),
          Map.entry("absolutely", 1.5), Map.entry("incredibly", 1.6), Map.entry("super", 1.4),
          Map.entry("slightly", 0.5), Map.entry("somewhat", 0.6), Map.entry("barely", 0.4),
          Map.entry("little", 0.6), Map.entry("fairly", 0.8)),
      Set.of("but", "however", "yet", "though", "although"),
      new fr.communitydefender.enrichment.sentiment.NeutralBand(0.05, 0.41));
}
