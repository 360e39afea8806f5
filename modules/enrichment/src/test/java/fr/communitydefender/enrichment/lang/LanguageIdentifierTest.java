package fr.communitydefender.enrichment.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
  private static final LanguageIdentifier ID = new LanguageIdentifier();

  @Test
  void shouldRecogniseFrenchEnglishAndOtherWhenPostsAreShort() {
    assertThat(ID.identify("La route est coupée à cause de la crue")).isEqualTo("fr");
    assertThat(ID.identify("The road is closed because of the flood")).isEqualTo("en");
    assertThat(ID.identify("La carretera está cortada por la inundación")).isEqualTo("other");
    assertThat(ID.identify("Die Straße ist wegen des Hochwassers gesperrt")).isEqualTo("other");
    assertThat(ID.identify("La strada è chiusa per l'alluvione, il ponte non è sicuro")).isEqualTo("other");
    assertThat(ID.identify("A estrada está fechada por causa da cheia, ou não?")).isEqualTo("other");
  }

  @Test
  void shouldDecideClearCasesByFunctionWordsAndLeaveTheRestToLingua() {
    assertThat(LanguageIdentifier.byFunctionWords("Les pompiers sont sur place avec la mairie")).isEqualTo("fr");
    assertThat(LanguageIdentifier.byFunctionWords("The firefighters are there with the mayor")).isEqualTo("en");
    assertThat(LanguageIdentifier.byFunctionWords("Merci the best")).isNull();
    assertThat(LanguageIdentifier.byFunctionWords("La carretera está cortada por la inundación")).isNull();
  }

  @Test
  void shouldAnswerUndeterminedWhenThereIsTooLittleText() {
    assertThat(ID.identify("")).isEqualTo("und");
    assertThat(ID.identify("👍 !!")).isEqualTo("und");
    assertThat(ID.identify(null)).isEqualTo("und");
  }

  @Test
  void shouldTakeTheDeclaredLanguageWhenTheTextAgreesWithIt() {
    assertThat(ID.identify("Sainte-Aure inondation rue Gambetta", "fr")).isEqualTo("fr");
    assertThat(ID.identify("Flooding downtown near the bridge", "en-GB")).isEqualTo("en");
    assertThat(ID.identify("Inundación en la carretera del puente", "es")).isEqualTo("other");
  }

  @Test
  void shouldLetTheFullDetectorDecideWhenTheDeclaredLanguageIsWrong() {
    assertThat(ID.identify("Inondation catastrophique rue Gambetta, évacuation", "en")).isEqualTo("fr");
    assertThat(ID.identify("Hochwasser in der Innenstadt, Straße gesperrt", "fr")).isEqualTo("other");
  }

  @Test
  void shouldFindTheRegexWordsWhenCountingFunctionWordsByHand() {
    java.util.List<String> texts = java.util.List.of("Les pompiers sont sur place avec la mairie",
        "C’EST la crue, j'ai vu l’eau : c'est grave", "The firefighters are there; it's what we have",
        "pour2dans pas-sur avec_cette", "'' ' c'est' 'j'ai", "𝒜𝒜 dans 𝒜 sur", "ça où été être très",
        "I'm there and you're not", "", "DANS DANS", "\uD835 dans \uDC9C sur", "the\tand\nof");
    for (String text : texts) {
      int fr = 0;
      int en = 0;
      var m = java.util.regex.Pattern.compile("[\\p{L}']+")
          .matcher(text.toLowerCase(java.util.Locale.ROOT).replace('’', '\''));
      while (m.find()) {
        fr += LanguageIdentifier.FR_WORDS.contains(m.group()) ? 1 : 0;
        en += LanguageIdentifier.EN_WORDS.contains(m.group()) ? 1 : 0;
      }
      String expected = fr >= 2 && en == 0 ? "fr" : en >= 2 && fr == 0 ? "en" : null;
      assertThat(LanguageIdentifier.byFunctionWords(text)).as(text).isEqualTo(expected);
    }
  }
}
