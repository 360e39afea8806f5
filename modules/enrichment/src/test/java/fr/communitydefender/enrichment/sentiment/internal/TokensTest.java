package fr.communitydefender.enrichment.sentiment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.stanford.nlp.international.french.process.FrenchTokenizer;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.Tokenizer;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {
  @Test
  void shouldSplitHashtagsAndDropEmojiWhenTokenising() {
    assertThat(Tokens.words("#SainteAureEnColère 😡 l'eau monte :(", true))
        .containsSubsequence("Sainte", "Aure", "En", "Colère").contains("eau", "monte")
        .doesNotContain("😡", ":(");
  }

  @Test
  void shouldGiveTheSameTokensWhenTheSameTextIsTokenisedAgainForTheOtherLanguageRules() {
    List<String> fr = Tokens.words("l'inondation du quartier", true);
    assertThat(Tokens.words("l'inondation du quartier", true)).as("the last text's tokens, reused").isSameAs(fr);
    List<String> en = Tokens.words("l'inondation du quartier", false);
    assertThat(en).as("English rules are not the French ones' cached answer").isNotSameAs(fr);
    assertThat(Tokens.words("another text", true)).isNotEqualTo(fr);
    assertThatThrownBy(() -> fr.add("x")).as("shared, so unmodifiable")
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void shouldGiveCoreNlpsFrenchTokensWhenTheTextHasNoDashToRewrite() {
    List<String> texts = List.of(
        "Sainte-Aure : l'eau monte, est-ce que la mairie va agir ?!",
        "Rue Jean-Jaurès fermée... peut-être demain (vers 8h30) ; « enfin » dit-il",
        "https://ville.example/alerte-crue?x=1 — écrit par @jean_dupont – « grave »",
        "Crue---encore ‐ trait ‑ insécable ‒ chiffre ― barre &mdash; &ndash; &MD; fin",
        "3-2 au match, 10-15 cm d'eau, 06-12-34-56-78, l'A-7 coupée",
        "c'est l'horreur !!! Aujourd'hui 12 € -- 45 % des rues sous l'eau...",
        "\"Guillemets\" 'simples' `graves` et l’apostrophe typographique",
        "");
    for (String text : texts) {
      Tokenizer<CoreLabel> reference = FrenchTokenizer.factory().getTokenizer(new StringReader(text));
      List<String> expected = new ArrayList<>();
      while (reference.hasNext()) {
        expected.add(reference.next().word());
      }
      assertThat(Tokens.words(text, true)).as(text).isEqualTo(expected);
    }
    assertThat(Tokens.plainDashes("Sainte-Aure l'eau monte")).isTrue();
    assertThat(Tokens.plainDashes("jean_dupont")).isFalse();
    assertThat(Tokens.plainDashes("crue---encore")).isFalse();
    assertThat(Tokens.plainDashes("crue – encore")).isFalse();
  }

  @Test
  void shouldGiveTheTokenizersWordsWhenTheLexerIsReusedAcrossTexts() {
    String longText = "L'eau monte rue Jean-Jaurès, « vite » ! ".repeat(600);
    List<String> texts = List.of("Sainte-Aure : l'eau monte, est-ce que la mairie va agir ?!", longText,
        "(vers 8h30) ; « enfin » dit-il", "", "un mot", longText + "fin", "Aujourd'hui 12 € , 45 % des rues...");
    for (String text : texts) {
      Tokenizer<CoreLabel> reference = FrenchTokenizer.factory(new CoreLabelTokenFactory(),
          "splitCompounds=false,splitContractions=false,quotes=ORIGINAL,dashes=original")
          .getTokenizer(new StringReader(text));
      List<String> expected = new ArrayList<>();
      while (reference.hasNext()) {
        expected.add(reference.next().word());
      }
      assertThat(Tokens.plainFrench(text)).as(text.substring(0, Math.min(text.length(), 40))).isEqualTo(expected);
    }
  }
}
