package fr.communitydefender.collectors.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communitydefender.collectors.live.Fixtures;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.mention.MentionDetails;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class XParserTest {
  private final XParser parser = new XParser("x-ville");
  private final List<String> stream = Fixtures.ours("x/stream.jsonl").lines().toList();

  @Test
  void shouldReadAStreamedTweetWithItsExpandedAuthor() {
    Mention m = parser.parse(stream.get(0)).mentions().get(0);
    assertThat(m.id()).isEqualTo("x:1862000000000000001");
    assertThat(m.author()).isEqualTo("@MairieSteAure");
    assertThat(m.reach()).isEqualTo(18200);
    assertThat(m.details().verified()).as("verified_type government").isTrue();
    assertThat(m.details().authorName()).isEqualTo("Mairie de Sainte-Aure");
    assertThat(m.url()).isEqualTo("https://x.com/MairieSteAure/status/1862000000000000001");
    assertThat(m.publishedAt()).isEqualTo(Instant.parse("2026-11-29T09:00:00Z"));
  }

  @Test
  void shouldTakeARetweetsFullTextFromTheIncludedOriginal() {
    Mention m = parser.parse(stream.get(1)).mentions().get(0);
    assertThat(m.details().kind()).isEqualTo(MentionDetails.Kind.REPOST);
    assertThat(m.details().repostOf()).isEqualTo("x:1862000000000000001");
    assertThat(m.text()).isEqualTo("Coupure d'eau à Sainte-Aure, retour vers 18h");
    assertThat(m.details().verified()).isFalse();
  }

  @Test
  void shouldMapAnEditToTheFirstVersionsId() {
    Mention m = parser.parse(stream.get(2)).mentions().get(0);
    assertThat(m.id()).isEqualTo("x:1862000000000000001");
    assertThat(m.details().nativeId()).isEqualTo("1862000000000000009");
    assertThat(m.details().editedAt()).isEqualTo(Instant.parse("2026-11-29T09:03:00Z"));
  }

  @Test
  void shouldReportStreamErrorsAndRejectACorruptLine() {
    XParser.Page error = parser.parse(stream.get(3));
    assertThat(error.mentions()).isEmpty();
    assertThat(error.errors()).singleElement().asString().startsWith("operational-disconnect");
    assertThatThrownBy(() -> parser.parse(stream.get(4))).hasMessageStartingWith("invalid JSON");
  }

  @Test
  void shouldReadASearchPageWithRepliesQuotesAndTheNewestId() {
    XParser.Page page = parser.parse(Fixtures.ours("x/search.json"));
    assertThat(page.newestId()).isEqualTo("1862000000000000005");
    assertThat(page.mentions()).extracting(m -> m.details().kind())
        .containsExactly(MentionDetails.Kind.REPLY, MentionDetails.Kind.QUOTE);
    assertThat(page.nextToken()).isNull();
  }

  @Test
  void shouldReadTheRealTwarcRecordingsUpToTheirCorruptLineWhenPresent() {
    List<String> lines = Fixtures.sharedText("twitter_v2_twarc/streaming_output_with_error.jsonl").lines().toList();
    for (String line : lines.subList(0, lines.size() - 1)) {
      assertThat(parser.parse(line).mentions()).singleElement()
          .satisfies(m -> assertThat(m.author()).startsWith("@"));
    }
    assertThatThrownBy(() -> parser.parse(lines.get(lines.size() - 1))).isInstanceOf(IllegalArgumentException.class);
    Mention edited = parser.parse(Fixtures.sharedText("twitter_v2_twarc/edited_after.jsonl").lines().findFirst()
        .orElseThrow()).mentions().get(0);
    assertThat(edited.id()).isEqualTo("x:1576994746135764992");
    assertThat(edited.lang()).as("qst is not a language").isNull();
    assertThat(parser.parse(Fixtures.sharedText("twitter_v2_twarc/brexit.jsonl").lines().findFirst().orElseThrow())
        .mentions()).hasSizeGreaterThan(1);
  }
}
