package fr.communitydefender.enrichment.deep;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.domain.mention.MentionAnalysis;
import org.junit.jupiter.api.Test;

/** The real RNTN on the shift-reduce parser (from cd-nlp-models): ~10 s to load. */
class DeepSentimentIT {
  private static final DeepSentiment DEEP = DeepSentiment.load();

  @Test
  void shouldBeNegativeAndNameThePhraseWhenPostComplains() {
    MentionAnalysis a = DEEP.analyse("The new bus schedule is a terrible mess and the drivers are rude.");
    assertThat(a.sentiment()).isEqualTo(MentionAnalysis.NEGATIVE);
    assertThat(a.score()).isNegative();
    assertThat(a.tier()).isEqualTo(DeepSentiment.TIER);
    assertThat(String.join(" ", a.drivers())).containsAnyOf("terrible", "rude", "mess");
  }

  @Test
  void shouldBePositiveWhenPostPraises() {
    MentionAnalysis a = DEEP.analyse("Thank you to the firefighters, they did a wonderful job tonight!");
    assertThat(a.sentiment()).isEqualTo(MentionAnalysis.POSITIVE);
    assertThat(a.score()).isPositive();
  }

  @Test
  void shouldFollowNegationThroughTheTreeWhenPraiseIsNegated() {
    assertThat(DEEP.analyse("The repairs were not good at all.").sentiment()).isEqualTo(MentionAnalysis.NEGATIVE);
  }

  @Test
  void shouldDropLinksAndHandlesWhenPreparingText() {
    assertThat(DeepSentiment.prepare("@cityhall: the #flood https://t.co/x is bad")).isEqualTo("the flood   is bad");
  }

  @Test
  void shouldLabelUnsupportedWhenTextIsEmpty() {
    assertThat(DEEP.analyse(" ").sentiment()).isEqualTo(MentionAnalysis.UNSUPPORTED);
  }
}
