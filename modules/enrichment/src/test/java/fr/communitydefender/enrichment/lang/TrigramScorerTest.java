package fr.communitydefender.enrichment.lang;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrigramScorerTest {
  private static final Language[] LANGUAGES = {Language.FRENCH, Language.ENGLISH, Language.SPANISH,
      Language.GERMAN, Language.ITALIAN, Language.PORTUGUESE, Language.DUTCH, Language.ARABIC};
  private static final TrigramScorer SCORER = TrigramScorer.load(LANGUAGES);
  private static final LanguageDetector LINGUA_LOW_ACCURACY = LanguageDetectorBuilder.fromLanguages(LANGUAGES)
      .withMinimumRelativeDistance(0.0).withLowAccuracyMode().build();

  private static final List<String> POSTS = List.of(
      "Sainte-Aure inondation rue Gambetta",
      "La route est coupée à cause de la crue, les pompiers sont sur place",
      "Incendie maison quartier Vauban fumée noire",
      "Flooding downtown near the bridge",
      "Road closed because of the flood, firefighters on site",
      "La carretera está cortada por la inundación",
      "Die Straße ist wegen des Hochwassers gesperrt",
      "La strada è chiusa per l'alluvione, il ponte non è sicuro",
      "A estrada está fechada por causa da cheia",
      "De weg is afgesloten door de overstroming",
      "الطريق مغلق بسبب الفيضان",
      "Merci la mairie 👍 #SainteAure",
      "Coupure d'électricité depuis 3h ce matin !!!",
      "RT @prefet: Vigilance rouge crues, évitez les déplacements");

  @Test
  void shouldChooseTheLanguageLinguasLowAccuracyModeChoosesWhenItsRulesDoNotDecide() {
    for (String post : POSTS) {
      Language lingua = LINGUA_LOW_ACCURACY.detectLanguageOf(post);
      assertThat(SCORER.best(post)).as(post).isEqualTo(lingua == Language.UNKNOWN ? null : lingua);
    }
  }

  @Test
  void shouldSumTheSameLogProbabilitiesAsLingua() {
    String post = "La route est coupée à cause de la crue";
    var confidences = LINGUA_LOW_ACCURACY.computeLanguageConfidenceValues(post);
    float[] scores = SCORER.scores(post);
    int french = 0;
    for (int l = 0; l < LANGUAGES.length; l++) {
      if (confidences.containsKey(LANGUAGES[l])) { // Lingua's confidence: the best sum divided by this one
        assertThat((double) scores[french] / scores[l]).as(LANGUAGES[l].name())
            .isCloseTo(confidences.get(LANGUAGES[l]), org.assertj.core.data.Offset.offset(1e-4));
      }
    }
  }

  @Test
  void shouldLeaveTextsMostlyInAnotherScriptToTheFullDetector() {
    assertThat(SCORER.best("RT @ami: #prayforboston боже, каким же чудовищем надо быть чтобы совершить")).isNull();
    assertThat(SCORER.best("ほほう Footage Emerges Of Deadly Spain Train Crash なんというリアルタイム")).isNull();
    assertThat(SCORER.best("الطريق مغلق بسبب الفيضان flood")).isEqualTo(Language.ARABIC);
  }

  @Test
  void shouldFindNoLanguageWhenTheTextHasNoTrigramOfLetters() {
    assertThat(SCORER.best("")).isNull();
    assertThat(SCORER.best("ok 👍 12:30 !!")).isNull();
    assertThat(SCORER.size()).isGreaterThan(10_000);
  }
}
