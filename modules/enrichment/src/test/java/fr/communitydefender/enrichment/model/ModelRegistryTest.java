package fr.communitydefender.enrichment.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communitydefender.domain.mention.SentimentCorrection;
import fr.communitydefender.enrichment.sentiment.FastSentiment;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
  private static final FastSentiment FAST = FastSentiment.withBuiltInLexicons();
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final String[][] WORDS = {{"negative", "zorglub"}, {"neutral", "plimpf"}, {"positive", "miraxe"}};

  @TempDir
  Path dir;

  /** Corrections in invented words the lexicons do not know, made from {@code at} on. */
  private static List<SentimentCorrection> corrections(int from, int n, Instant at) {
    List<SentimentCorrection> out = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      out.add(new SentimentCorrection("m" + i, "fr", "la place " + WORDS[i % 3][1] + " ce soir " + i, "k" + i,
          "neutral", WORDS[i % 3][0], false, "drafter", at.plusSeconds(i)));
    }
    return out;
  }

  @Test
  void shouldActivateACandidateThatBeatsTheFastTierAndLetTheProcessingPickItUp() throws Exception {
    ModelRegistry registry = new ModelRegistry(dir, FAST, Duration.ZERO);
    assertThat(registry.active("fr")).isNull();
    Rebuild.Outcome first = Rebuild.run(registry, FAST, "fr", List.of(), corrections(0, 36, T0), "admin", T0);
    assertThat(first.activated()).as(first.reason()).isTrue();
    assertThat(first.version().currentCvMacroF1()).isLessThan(first.version().cvMacroF1());
    assertThat(registry.active("fr").analyse("un zorglub de plus", "fr").sentiment()).isEqualTo("negative");
    assertThat(registry.activeVersion("en")).isZero();
  }

  @Test
  void shouldRefuseToCompareWithoutEnoughNewCorrectionsAndTooLittleToLearnFrom() throws Exception {
    ModelRegistry registry = new ModelRegistry(dir, FAST, Duration.ZERO);
    assertThatThrownBy(() -> Rebuild.run(registry, FAST, "fr", List.of(), corrections(0, 12, T0), "admin", T0))
        .hasMessageContaining("not enough to learn from");
    Rebuild.run(registry, FAST, "fr", List.of(), corrections(0, 36, T0), "admin", T0.plusSeconds(100));
    assertThatThrownBy(() -> Rebuild.run(registry, FAST, "fr", List.of(), corrections(0, 40, T0), "admin",
        T0.plusSeconds(200))).hasMessageContaining("only 0 correction(s) of fr since version 1");
  }

  @Test
  void shouldRollBackToThePreviouslyActiveVersionThenToTheFastTier() throws Exception {
    ModelRegistry registry = new ModelRegistry(dir, FAST, Duration.ZERO);
    Rebuild.run(registry, FAST, "fr", List.of(), corrections(0, 36, T0), "admin", T0.plusSeconds(100));
    // twelve corrections after version 1 was built: the candidate is compared with version 1 on them alone
    List<SentimentCorrection> all = new ArrayList<>(corrections(0, 36, T0));
    all.addAll(corrections(36, 12, T0.plusSeconds(1000)));
    Rebuild.Outcome second = Rebuild.run(registry, FAST, "fr", List.of(), all, "admin", T0.plusSeconds(2000));
    assertThat(second.version().current()).isEqualTo("version 1");
    int active = registry.activeVersion("fr");
    if (second.activated()) {
      assertThat(active).isEqualTo(2);
      assertThat(registry.rollback("fr")).isEqualTo(1);
      assertThat(registry.versions("fr").get(0).status()).isEqualTo("rolled-back");
    } else {
      assertThat(active).isEqualTo(1);
      assertThat(registry.versions("fr").get(0).status()).isEqualTo("rejected");
    }
    assertThat(registry.rollback("fr")).isZero();
    assertThat(registry.active("fr")).isNull();
    assertThatThrownBy(() -> registry.rollback("fr")).hasMessageContaining("nothing to roll back");
  }
}
