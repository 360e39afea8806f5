package fr.communitydefender.enrichment.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.domain.mention.MentionAnalysis;
import org.junit.jupiter.api.Test;

class FastSentimentTest {
  private static final FastSentiment FAST = FastSentiment.withBuiltInLexicons();

  private static MentionAnalysis fr(String text) {
    return FAST.analyse(text, "fr");
  }

  private static MentionAnalysis en(String text) {
    return FAST.analyse(text, "en");
  }

  @Test
  void shouldScorePlainPraiseAndBlameInFrench() {
    assertThat(fr("Merci aux agents, travail efficace").sentiment()).isEqualTo("positive");
    assertThat(fr("C'est une honte, service lamentable").sentiment()).isEqualTo("negative");
    assertThat(fr("Le conseil municipal se réunit jeudi").sentiment()).isEqualTo("neutral");
    assertThat(fr("Merci aux agents, travail efficace").drivers()).containsExactly("Merci", "efficace");
  }

  @Test
  void shouldInvertPolarityWithinNegationScopeWhenFrenchNegates() {
    MentionAnalysis notGood = fr("Ce n'est pas bien du tout");
    assertThat(notGood.sentiment()).isEqualTo("negative");
    assertThat(notGood.drivers()).containsExactly("¬bien");
    assertThat(fr("Le service n'est jamais efficace").sentiment()).isEqualTo("negative");
    assertThat(fr("Ce n'est plus propre du tout").sentiment()).isEqualTo("negative");
    assertThat(fr("Aucun problème ce matin").sentiment()).isEqualTo("positive");
    assertThat(fr("Rentrée sans problème, bravo").sentiment()).isEqualTo("positive");
  }

  @Test
  void shouldEndNegationAtPunctuation() {
    MentionAnalysis a = fr("Je ne sais pas. Mais bravo !");
    assertThat(a.sentiment()).isEqualTo("positive");
    assertThat(a.drivers()).containsExactly("bravo");
  }

  @Test
  void shouldWeightTheClauseAfterContrastWhenMaisOrBut() {
    assertThat(fr("Le marché est beau mais c'est un scandale").sentiment()).isEqualTo("negative");
    assertThat(fr("Quelques retards mais bravo aux agents").sentiment()).isEqualTo("positive");
    assertThat(en("The park is nice but the trash is disgusting").sentiment()).isEqualTo("negative");
  }

  @Test
  void shouldAmplifyWithIntensifiersAndDampenWithDiminishers() {
    double plain = fr("service lent et nul").score();
    double intense = fr("service lent et vraiment nul").score();
    double weak = fr("service lent et peu nul").score();
    assertThat(intense).isLessThan(plain);
    assertThat(weak).isGreaterThan(plain);
    assertThat(en("very bad").score()).isLessThan(en("bad").score());
  }

  @Test
  void shouldCountEmojiEmoticonsElongationAndExclamation() {
    assertThat(fr("Sainte-Aure 😡").sentiment()).isEqualTo("negative");
    assertThat(fr("Sainte-Aure 😡").drivers()).containsExactly("😡");
    assertThat(en("see you there :)").score()).isPositive();
    assertThat(en("see you there :D :)").sentiment()).isEqualTo("positive");
    assertThat(fr("c'est géniaaaal").drivers()).containsExactly("géniaaaal");
    assertThat(fr("honte !!!").score()).isLessThan(fr("honte").score());
  }

  @Test
  void shouldSplitHashtagsIntoWords() {
    MentionAnalysis a = fr("#HonteAuMaire");
    assertThat(a.sentiment()).isEqualTo("negative");
    assertThat(a.drivers()).containsExactly("Honte");
  }

  @Test
  void shouldHandleEnglishNegationAndContractions() {
    assertThat(en("The bus is not good").sentiment()).isEqualTo("negative");
    assertThat(en("I don't hate it").sentiment()).isEqualTo("positive");
    assertThat(en("Never safe at night").drivers()).containsExactly("¬safe");
  }

  @Test
  void shouldLabelUnsupportedWhenTextIsEmptyHugeOrJunk() {
    assertThat(fr("").sentiment()).isEqualTo("unsupported");
    assertThat(fr("   ").note()).isEqualTo("empty");
    assertThat(fr("a".repeat(6000)).note()).isEqualTo("longer than 5000 characters");
    assertThat(fr("\u0000\u0001\u0002\uFFFD\uFFFD").note()).isEqualTo("binary or garbled text");
    assertThat(fr("12345 !!!").note()).isEqualTo("no words");
  }

  @Test
  void shouldFindWhatTheElongationRegexFindsWhenCheckingByHand() {
    java.util.regex.Pattern regex = java.util.regex.Pattern.compile("(\\p{L})\\1{2,}");
    for (String token : java.util.List.of("trooop", "top", "too", "tooo", "!!!", "111", "aaa", "aAa", "ééé", "éée",
        "𝒜𝒜𝒜", "𝒜𝒜", "x𝒜𝒜𝒜y", "\uD835\uD835\uD835", "", "a", "zzzz!", "ab-bb-b", "nuuuul", "ʰʰʰ")) {
      assertThat(FastSentiment.elongated(token)).as(token).isEqualTo(regex.matcher(token).find());
    }
  }
}
