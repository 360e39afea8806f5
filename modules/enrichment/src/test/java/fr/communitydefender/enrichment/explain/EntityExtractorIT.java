package fr.communitydefender.enrichment.explain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.enrichment.explain.EntityExtractor.Entity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real CoreNLP CRF models (from cd-nlp-models): loads 105 MB for French. */
class EntityExtractorIT {
  private static final EntityExtractor NER = new EntityExtractor();

  @Test
  void shouldFindPeoplePlacesAndOrganisationsWhenTextIsFrench() {
    List<Entity> found = NER.entities(
        "Jean Dupont, adjoint au maire, annonce que la SNCF reprend le trafic entre Lyon et Sainte-Aure.", "fr");
    assertThat(found).contains(new Entity("Jean Dupont", "PER"), new Entity("SNCF", "ORG"), new Entity("Lyon", "LOC"));
  }

  @Test
  void shouldMapEnglishTypesToTheSameNamesWhenTextIsEnglish() {
    assertThat(NER.entities("Mayor John Smith said Amtrak trains to Boston are cancelled.", "en"))
        .contains(new Entity("John Smith", "PER"), new Entity("Amtrak", "ORG"), new Entity("Boston", "LOC"));
  }

  @Test
  void shouldLeaveHandlesOutWhenTextMentionsAccounts() {
    assertThat(NER.entities("@JeanDupont répondez à Marseille", "fr")).extracting(Entity::text)
        .doesNotContain("@JeanDupont", "JeanDupont");
  }

  @Test
  void shouldCountEntitiesInExplanationWhenModelsArePresent() {
    Explanation e = Explainer.standard().explain(List.of(
        new Explainer.Sample("La SNCF annule les trains pour Lyon", "fr", "negative", List.of()),
        new Explainer.Sample("Encore la SNCF, honte", "fr", "negative", List.of("honte"))));
    assertThat(e.entities()).first().isEqualTo(new Explanation.EntityCount("SNCF", "ORG", 2));
    assertThat(e.summary()).contains("Entités : SNCF (ORG)");
  }
}
