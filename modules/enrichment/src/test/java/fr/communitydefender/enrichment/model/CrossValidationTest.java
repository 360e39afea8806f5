package fr.communitydefender.enrichment.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
  private static List<SentimentModel.Example> examples() {
    List<SentimentModel.Example> out = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      out.add(new SentimentModel.Example("bad " + i, "negative"));
      out.add(new SentimentModel.Example("meh " + i, "neutral"));
      out.add(new SentimentModel.Example("good " + i, "positive"));
    }
    return out;
  }

  @Test
  void shouldKeepEachClassShareInEveryFoldAndDrawTheSameFoldsTwice() {
    List<List<SentimentModel.Example>> folds = CrossValidation.folds(examples(), 5);
    assertThat(folds).hasSize(5).allSatisfy(f -> {
      assertThat(f).hasSize(18);
      assertThat(f.stream().filter(e -> e.label().equals("negative"))).hasSize(6);
    });
    assertThat(CrossValidation.folds(examples(), 5)).isEqualTo(folds);
  }

  @Test
  void shouldScoreOnlyOnTheHeldOutFold() {
    // a "classifier" that memorises its training texts and answers neutral for anything else
    CrossValidation.Estimate memorise = CrossValidation.estimate(examples(), 3, train -> {
      java.util.Map<String, String> seen = new java.util.HashMap<>();
      train.forEach(e -> seen.put(e.text(), e.label()));
      return t -> seen.getOrDefault(t, "neutral");
    });
    assertThat(memorise.confusion()[0][1]).isEqualTo(30);
    assertThat(memorise.macroF1()).isLessThan(0.4);
    CrossValidation.Estimate rule = CrossValidation.estimate(examples(), 3,
        train -> t -> t.startsWith("bad") ? "negative" : t.startsWith("good") ? "positive" : "neutral");
    assertThat(rule.macroF1()).isEqualTo(1.0);
    assertThat(rule.line()).startsWith("cv_macro_f1=1.0000 cv_sd=0.0000 folds=3");
  }

  @Test
  void shouldRefuseFewerThanTwoFolds() {
    assertThatThrownBy(() -> CrossValidation.estimate(examples(), 1, t -> x -> "neutral"))
        .hasMessageContaining("folds");
  }
}
