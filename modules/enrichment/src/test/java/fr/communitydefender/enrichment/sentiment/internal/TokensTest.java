package fr.communitydefender.enrichment.sentiment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
