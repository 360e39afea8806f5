package fr.communitydefender.domain.watch;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.domain.mention.Mention;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchMatcherTest {
  private static Mention mention(String text, String author) {
    return new Mention("m1", "test", Instant.parse("2026-01-01T00:00:00Z"), text, author, null, null, 0, List.of());
  }

  private final WatchMatcher matcher = new WatchMatcher(List.of(
      new Watch("ville", null, List.of("sainte-aure", "#SainteAure", "@mairie_sainteaure"), null, null),
      new Watch("crue", null, List.of("inondation", "crue"), List.of("sainte-aure"), List.of("exercice"))));

  @Test
  void shouldMatchKeywordIgnoringCaseAndAccentsWhenTextNamesTheCommune() {
    assertThat(matcher.match(mention("SAINTE-AURE sous l'eau", null))).containsExactly("ville");
    assertThat(matcher.match(mention("Sainte Aure, quelle belle ville", null))).containsExactly("ville");
  }

  @Test
  void shouldMatchWholeWordsOnlyWhenKeywordIsPartOfAnotherWord() {
    assertThat(matcher.match(mention("saintes-aurelien est un nom", null))).isEmpty();
  }

  @Test
  void shouldMatchHashtagAndAccountWhenTextCarriesThem() {
    assertThat(matcher.match(mention("Bravo #SainteAure !", null))).containsExactly("ville");
    assertThat(matcher.match(mention("cc @Mairie_SainteAure", null))).containsExactly("ville");
    assertThat(matcher.match(mention("Vœux du maire", "@mairie_sainteaure"))).containsExactly("ville");
  }

  @Test
  void shouldNotMatchHashtagTermWhenWordIsPlain() {
    WatchMatcher tagOnly = new WatchMatcher(List.of(new Watch("tag", null, List.of("#crue"), null, null)));
    assertThat(tagOnly.match(mention("la crue monte", null))).isEmpty();
    assertThat(tagOnly.match(mention("la #Crue monte", null))).containsExactly("tag");
  }

  @Test
  void shouldApplyAllAndNoneWhenCombined() {
    assertThat(matcher.match(mention("Inondation à Sainte-Aure", null))).containsExactly("ville", "crue");
    assertThat(matcher.match(mention("Inondation à Nantes", null))).isEmpty();
    assertThat(matcher.match(mention("Exercice : crue simulée à Sainte-Aure", null))).containsExactly("ville");
  }

  @Test
  void shouldKeepPreassignedWatchesWhenTextDoesNotMatch() {
    Mention m = mention("nothing here", null).withWatches(List.of("drill"));
    assertThat(matcher.match(m)).containsExactly("drill");
  }

  @Test
  void shouldNormaliseAsTheRegexNormalisationWhenTextsMixScriptsAccentsAndSymbols() {
    java.util.regex.Pattern marks = java.util.regex.Pattern.compile("\\p{M}+");
    java.util.regex.Pattern notWord = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}#@_]+");
    for (String text : List.of("", "  ", "Évacuée À L'ÉCOLE — rue Gambetta !!", "İstanbul ŒUVRE Ærø façade ß",
        "Crue ½ ² 3ème #SainteAure @mairie_sainteaure", "e\u0301te\u0301 combining", "Σοφία ΟΔΟΣ",
        "洪水 東京 🌊🌊 ok", "a\tb\nc", "ǅemal ǈ ǋ", "x\u0000y", "—début—fin—")) {
      String folded = marks.matcher(java.text.Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT),
          java.text.Normalizer.Form.NFD)).replaceAll("");
      assertThat(WatchMatcher.fold(text)).as(text).isEqualTo(folded);
      assertThat(WatchMatcher.normalise(text)).as(text)
          .isEqualTo(" " + notWord.matcher(folded).replaceAll(" ").trim() + " ");
    }
  }
}
