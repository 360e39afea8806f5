package fr.communitydefender.domain.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UtcInstantDeserializerTest {
  @Test
  void shouldReadTheSameInstantsAsJavaWhenTheTextIsUtc() {
    for (String s : List.of("2026-03-14T08:15:30Z", "2026-03-14T08:15:30.1Z", "2026-03-14T08:15:30.123Z",
        "2026-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z", "2024-02-29T12:00:00Z",
        "0001-01-01T00:00:00.000001Z", "9999-12-31T23:59:59Z")) {
      assertThat(UtcInstantDeserializer.parse(s)).as(s).isEqualTo(Instant.parse(s));
      assertThat(Json.read("\"" + s + "\"", Instant.class)).as(s).isEqualTo(Instant.parse(s));
    }
  }

  @Test
  void shouldLeaveOtherFormsToJacksonWhenTheTextIsNotPlainUtc() {
    for (String s : List.of("2026-03-14T09:15:30+01:00", "2026-03-14t08:15:30z", "2026-03-14T08:15:30.Z",
        "2026-03-14T08:15:30.1234567890Z", "2026-03-14T24:00:00Z", "2026-02-30T10:00:00Z", "+12026-03-14T08:15:30Z")) {
      assertThat(UtcInstantDeserializer.parse(s)).as(s).isNull();
    }
    assertThat(Json.read("\"2026-03-14T09:15:30+01:00\"", Instant.class))
        .isEqualTo(Instant.parse("2026-03-14T08:15:30Z"));
    assertThat(Json.read("1773476130", Instant.class)).isEqualTo(Instant.ofEpochSecond(1773476130));
    assertThatThrownBy(() -> Json.read("\"2026-02-30T10:00:00Z\"", Instant.class))
        .isInstanceOf(JsonDecodeException.class);
    assertThatThrownBy(() -> Json.read("\"hier\"", Instant.class)).isInstanceOf(JsonDecodeException.class);
  }
}
