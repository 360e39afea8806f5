package fr.communitydefender.enrichment.sentiment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communitydefender.enrichment.sentiment.FastSentiment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconTest {
  @TempDir
  Path dir;

  @Test
  void shouldReadPolarityColumnsWhenFileIsFeelShapedCsv() throws Exception {
    Path csv = dir.resolve("feel.csv");
    Files.writeString(csv, """
        id;word;polarity;joy;fear;sadness;anger;surprise;disgust
        1;à part;negative;0;0;1;0;0;0
        2;épatant;positive;1;0;0;0;1;0
        3;vétuste;negative;0;0;1;0;0;0
        """);
    Lexicon l = Lexicon.fromPath(csv);
    assertThat(l.score(Lexicon.normalise("épatant"))).isPositive();
    assertThat(l.score("vetuste")).isNegative();
    assertThat(l.size()).as("multi-word entries are skipped").isEqualTo(2);
  }

  @Test
  void shouldScaleVaderScoresWhenFileIsVaderShaped() throws Exception {
    Path txt = dir.resolve("vader_lexicon.txt");
    Files.writeString(txt, "wonderful\t2.7\t0.78\t[3, 2, 3]\ngrim\t-2.0\t0.5\t[-2, -2]\n");
    Lexicon l = Lexicon.fromPath(txt);
    assertThat(l.score("wonderful")).isCloseTo(2.7 * 0.75, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(l.score("grim")).isNegative();
  }

  @Test
  void shouldNameFileAndLineWhenScoreIsNotANumber() throws Exception {
    Path tsv = dir.resolve("ours.tsv");
    Files.writeString(tsv, "boue\t-1\nnids\tbeaucoup\n");
    assertThatThrownBy(() -> Lexicon.fromPath(tsv))
        .hasMessage(tsv + ":2: score 'beaucoup' is not a number or a polarity");
  }

  @Test
  void shouldRankExternalLexiconBelowOursWhenBothKnowTheWord() throws Exception {
    Path csv = dir.resolve("extra.csv");
    // ours scores "inondation" negative; an external lexicon calling it positive must not win
    Files.writeString(csv, "word,polarity\ninondation,positive\nbalayeuse,positive\n");
    FastSentiment withExtra = FastSentiment.withLexicons(List.of(csv), List.of());
    assertThat(withExtra.analyse("encore une inondation", "fr").sentiment()).isEqualTo("negative");
    assertThat(withExtra.analyse("la balayeuse", "fr").drivers()).containsExactly("balayeuse");
    assertThat(FastSentiment.withBuiltInLexicons().analyse("la balayeuse", "fr").drivers()).isEmpty();
  }
}
