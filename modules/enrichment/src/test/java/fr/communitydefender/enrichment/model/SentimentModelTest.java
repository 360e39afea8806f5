package fr.communitydefender.enrichment.model;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.enrichment.Enricher;
import fr.communitydefender.enrichment.SentimentConfig;
import fr.communitydefender.enrichment.EnrichmentMetrics;
import fr.communitydefender.enrichment.eval.TrainSentiment;
import fr.communitydefender.enrichment.sentiment.FastSentiment;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The train command on a tiny labelled set written here, and the model it writes used by the enricher. */
class SentimentModelTest {
  @TempDir
  Path dir;

  @Test
  void shouldLearnFromATinySetAndBeUsedByTheEnricherWhenConfigured() throws Exception {
    List<String> texts = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      texts.add("le bus numéro " + i + " est encore en panne ce matin, zorglub");
      labels.add("0");
      texts.add("réunion publique numéro " + i + " jeudi à la salle des fêtes");
      labels.add("1");
      texts.add("merci pour la fête numéro " + i + ", quel plaisir, flibustier");
      labels.add("2");
    }
    Path text = Files.write(dir.resolve("text.txt"), texts);
    Path gold = Files.write(dir.resolve("labels.txt"), labels);
    Path out = dir.resolve("fr.model");
    TrainSentiment.main(new String[] {"--lang", "fr", "--text", text.toString(), "--labels", gold.toString(),
        "--out", out.toString()});
    assertThat(out).isNotEmptyFile();

    SentimentModel model = SentimentModel.load(out, FastSentiment.withBuiltInLexicons());
    assertThat(model.lang()).isEqualTo("fr");
    // words the lexicons do not know, learned from the set
    assertThat(model.analyse("zorglub zorglub", "fr").sentiment()).isEqualTo("negative");
    assertThat(model.analyse("flibustier flibustier", "fr").sentiment()).isEqualTo("positive");
    assertThat(model.analyse("", "fr").sentiment()).isEqualTo("unsupported");

    Enricher enricher = Enricher.configured(new EnrichmentMetrics(new SimpleMeterRegistry()), new SentimentConfig(List.of(out), java.util.Map.of()));
    var analysis = enricher.analyse(new Mention("m", "t", Instant.EPOCH,
        "Encore un zorglub au centre-ville de Sainte-Aure ce matin", null, null, null, 0, List.of()));
    assertThat(analysis.tier()).isEqualTo(SentimentModel.TIER);
    assertThat(analysis.lang()).isEqualTo("fr");
    assertThat(analysis.sentiment()).isEqualTo("negative");
  }

  @Test
  void shouldRefuseAModelFileHoldingAnyOtherClass() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("evil", ".model.gz");
    try (var out = new java.io.ObjectOutputStream(new java.util.zip.GZIPOutputStream(
        java.nio.file.Files.newOutputStream(file)))) {
      out.writeObject(new java.util.ArrayList<>(java.util.List.of(java.net.URI.create("http://gadget.example/"))));
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SentimentModel.load(file,
        FastSentiment.withBuiltInLexicons())).isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("refused");
    java.nio.file.Files.delete(file);
  }
}
