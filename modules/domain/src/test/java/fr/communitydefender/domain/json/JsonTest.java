package fr.communitydefender.domain.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.mention.Mention;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void shouldRoundTripMentionWhenWrittenAndRead() {
    Mention m = new Mention("x1", "mastodon", Instant.parse("2026-02-01T10:15:30Z"), "Bonjour <b>", "@a", "https://e/1",
        "fr", 42, List.of("ville"));
    String json = Json.write(m);
    assertThat(json).contains("\"publishedAt\":\"2026-02-01T10:15:30Z\"");
    assertThat(Json.read(json, Mention.class)).isEqualTo(m);
  }

  @Test
  void shouldNameTheFieldWhenMentionIsInvalid() {
    assertThatThrownBy(() -> Json.read("{\"id\":\"a\",\"text\":\"t\"}", Mention.class))
        .isInstanceOf(JsonDecodeException.class)
        .hasMessage("publishedAt: required (ISO-8601 instant)");
    assertThatThrownBy(() -> Json.read("{\"id\":\"a\",\"publishedAt\":\"hier\",\"text\":\"t\"}", Mention.class))
        .isInstanceOf(JsonDecodeException.class)
        .hasMessageStartingWith("publishedAt: ");
    assertThatThrownBy(() -> Json.read("{not json", Mention.class))
        .isInstanceOf(JsonDecodeException.class);
  }

  @Test
  void shouldWriteDurationsAsIsoAndIgnoreDerivedFlagsWhenIncidentIsSerialised() {
    Incident i = new Incident("i1", "r", "w", Severity.HIGH, "t", Incident.Status.OPEN, Instant.EPOCH, Instant.EPOCH,
        null, 3, 3, 2, Duration.ofMinutes(5), "why");
    String json = Json.write(new IncidentEvent(IncidentEvent.Type.OPENED, Instant.EPOCH, i));
    assertThat(json).contains("\"window\":\"PT5M\"").contains("\"severity\":\"high\"").doesNotContain("\"open\"");
    assertThat(Json.read(json, IncidentEvent.class).incident()).isEqualTo(i);
  }
}
