package fr.communitydefender.collectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntakeParserTest {
  private final IntakeParser parser = new IntakeParser("signalements");

  @Test
  void shouldAcceptOneObjectAnArrayOrAMentionsEnvelope() {
    String one = "{\"id\":\"42\",\"publishedAt\":\"2026-11-29T10:00:00Z\",\"text\":\"Arbre tombé rue Haute\"}";
    assertThat(parser.items(one)).hasSize(1);
    assertThat(parser.items("[" + one + "," + one + "]")).hasSize(2);
    assertThat(parser.items("{\"mentions\":[" + one + "]}")).hasSize(1);
    var item = parser.item(0, parser.items(one).get(0));
    assertThat(item.mention().id()).isEqualTo("webhook:signalements:42");
    assertThat(item.mention().source()).isEqualTo("signalements");
    assertThat(item.mention().publishedAt()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
  }

  @Test
  void shouldExplainWhatIsWrongWithEachItem() {
    List<String> bad = List.of(
        "{\"publishedAt\":\"2026-11-29T10:00:00Z\",\"text\":\"x\"}",
        "{\"id\":\"1\",\"publishedAt\":\"hier\",\"text\":\"x\"}",
        "{\"id\":\"1\",\"publishedAt\":\"2026-11-29T10:00:00Z\"}",
        "{\"id\":\"1\",\"publishedAt\":\"2026-11-29T10:00:00Z\",\"text\":\"x\",\"password\":\"y\"}",
        "{\"id\":\"1\",\"publishedAt\":\"2026-11-29T10:00:00Z\",\"text\":\"x\",\"reach\":\"many\"}",
        "42");
    assertThat(bad.stream().map(b -> parser.item(0, parser.items("[" + b + "]").get(0)).error()).toList())
        .containsExactly("id: required", "publishedAt: not an ISO-8601 instant (e.g. 2026-11-29T10:00:00Z)",
            "text: required",
            "unknown field 'password' (allowed: author, id, lang, publishedAt, reach, text, url)",
            "reach: not an integer", "not an object");
  }

  @Test
  void shouldRefuseBodiesThatAreNotMentions() {
    assertThatThrownBy(() -> parser.items("{oops")).hasMessageStartingWith("invalid JSON");
    assertThatThrownBy(() -> parser.items("\"text\"")).hasMessageStartingWith("expected a mention object");
    assertThatThrownBy(() -> parser.items("{\"mentions\":{}}")).hasMessage("'mentions' must be the only field and an array");
  }
}
