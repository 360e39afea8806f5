package fr.communitydefender.enrichment.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NeutralBandTest {
  @Test
  void shouldTuneEachSideOfTheBandSeparatelyWhenTheClassesSitAsymmetrically() {
    List<NeutralBand.Scored> scored = List.of(
        new NeutralBand.Scored(-0.2, 0), new NeutralBand.Scored(-0.05, 0),
        new NeutralBand.Scored(-0.01, 1), new NeutralBand.Scored(0.2, 1),
        new NeutralBand.Scored(0.45, 2), new NeutralBand.Scored(0.6, 2));
    NeutralBand band = NeutralBand.tune(scored);
    assertThat(band.label(-0.05)).isEqualTo("negative");
    assertThat(band.label(0.2)).isEqualTo("neutral");
    assertThat(band.label(0.45)).isEqualTo("positive");
    assertThat(band.negative()).isLessThan(band.positive());
  }
}
