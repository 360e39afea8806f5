package fr.communitydefender.enrichment.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainerTest {
  private final Explainer explainer = new Explainer(null);

  @Test
  void shouldCountTermsOncePerMentionWhenAMentionRepeatsThem() {
    Explanation e = explainer.explain(List.of(
        new Explainer.Sample("Coupure d'eau, coupure d'eau, COUPURE d'eau !", "fr", "negative", List.of("coupure")),
        new Explainer.Sample("Toujours une coupure rue des Lilas", "fr", "negative", List.of("coupure")),
        new Explainer.Sample("Merci aux agents pour l'eau", "fr", "positive", List.of("merci"))));
    assertThat(e.terms()).startsWith(new Explanation.Count("coupure", 2), new Explanation.Count("eau", 2));
    assertThat(e.sentiment()).containsEntry("negative", 2L).containsEntry("positive", 1L);
    assertThat(e.drivers()).first().isEqualTo(new Explanation.Count("coupure", 2));
  }

  @Test
  void shouldLeaveOutStopWordsHandlesAndLinksWhenCountingTerms() {
    Explanation e = explainer.explain(List.of(new Explainer.Sample(
        "@voisin les travaux de la mairie sont pour quand ? https://example.org/x The works", "fr", "neutral",
        List.of())));
    assertThat(e.terms()).extracting(Explanation.Count::key)
        .contains("travaux", "mairie", "works")
        .doesNotContain("les", "de", "la", "sont", "pour", "quand", "the", "@voisin", "https://example.org/x");
  }

  @Test
  void shouldSummariseInFrenchWhenSampleHasMentions() {
    Explanation e = explainer.explain(List.of(
        new Explainer.Sample("Inondation place du marché", "fr", "negative", List.of("inondation")),
        new Explainer.Sample("Inondation encore", "fr", "negative", List.of("inondation")),
        new Explainer.Sample("Les pompiers sont là", "fr", "neutral", List.of()),
        new Explainer.Sample("Bravo aux pompiers", "fr", "positive", List.of("bravo"))));
    assertThat(e.summary()).isEqualTo("Sur 4 mentions : 50 % négatives, 25 % neutres, 25 % positives. "
        + "Termes : inondation, pompiers, bravo, marché, place. Mots qui pèsent : inondation, bravo.");
  }

  @Test
  void shouldCountSourcesAndPickTheWidestReachingPostsWhenExplaining() {
    Explanation e = explainer.explain(List.of(
        new Explainer.Sample("a", "Route coupée", "fr", "negative", List.of(), "mastodon", 120),
        new Explainer.Sample("b", "Route coupée, vraiment", "fr", "negative", List.of(), "rss", 90_000),
        new Explainer.Sample("c", "Déviation en place", "fr", "neutral", List.of(), "rss", 0),
        new Explainer.Sample("d", "Merci pour l'info", "fr", "positive", List.of(), "bluesky", 4_000),
        new Explainer.Sample("e", "Toujours coupée ?", "fr", "neutral", List.of(), "mastodon", 300)));
    assertThat(e.sources()).containsEntry("rss", 2L).containsEntry("mastodon", 2L).containsEntry("bluesky", 1L);
    assertThat(e.topPosts()).extracting(Explanation.Post::id).containsExactly("b", "d", "e");
  }

  @Test
  void shouldSayNothingFoundWhenSampleIsEmpty() {
    assertThat(explainer.explain(List.of()).summary()).isEqualTo("Aucune mention dans l'échantillon.");
  }
}
