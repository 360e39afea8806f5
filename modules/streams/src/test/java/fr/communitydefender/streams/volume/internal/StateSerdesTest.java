package fr.communitydefender.streams.volume.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StateSerdesTest {
  private static final Instant T = Instant.parse("2026-03-14T10:00:00Z");

  @Test
  void shouldRoundTripAWindowAggregateWhenWrittenInTheCompactFormat() {
    var serde = StateSerdes.windowStats();
    WindowStats s = new WindowStats(3, 2, 1, -0.5, 1200, 1000, new int[] {-7, 3, 42}, Map.of("rss", 2L, "x", 1L), 1);
    byte[] bytes = serde.serializer().serialize("t", s);
    WindowStats back = serde.deserializer().deserialize("t", bytes);
    assertThat(bytes[0]).isEqualTo((byte) 1);
    assertThat(back).usingRecursiveComparison().isEqualTo(s);
  }

  @Test
  void shouldReadTheJsonOfEarlierVersionsWhenAStoreIsRestoredAfterAnUpgrade() {
    String json = "{\"count\":2,\"scored\":2,\"negative\":1,\"sentimentSum\":-0.25,\"reach\":10,\"maxReach\":8,"
        + "\"authors\":[9,-4],\"sources\":{\"rss\":2},\"verified\":0}";
    WindowStats s = StateSerdes.windowStats().deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8));
    assertThat(s.count()).isEqualTo(2);
    assertThat(s.authors()).containsExactly(-4, 9);
    assertThat(s.sources()).containsEntry("rss", 2L);

    String history = "{\"previousSeen\":null,\"lastSeen\":\"2026-03-14T10:00:00Z\",\"recent\":[30,10,20]}";
    var h = StateSerdes.termHistory().deserializer().deserialize("t", history.getBytes(StandardCharsets.UTF_8));
    assertThat(h.previousSeen()).isNull();
    assertThat(h.lastSeen()).isEqualTo(T);
    assertThat(h.recent()).as("sorted on reading").containsExactly(10, 20, 30);
  }

  @Test
  void shouldRoundTripATermHistoryWhenItHasOccurrences() {
    var serde = StateSerdes.termHistory();
    var h = new NewTermDetector.TermHistory(T.minusSeconds(86_400 * 3), T, new long[] {T.toEpochMilli() - 5_000,
        T.toEpochMilli() - 5_000, T.toEpochMilli()});
    var back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", h));
    assertThat(back.previousSeen()).isEqualTo(h.previousSeen());
    assertThat(back.lastSeen()).isEqualTo(T);
    assertThat(back.recent()).containsExactly(h.recent());
    var empty = serde.deserializer().deserialize("t", serde.serializer().serialize("t",
        new NewTermDetector.TermHistory(null, null, null)));
    assertThat(empty.previousSeen()).isNull();
    assertThat(empty.recent()).isEmpty();
  }

  @Test
  void shouldRoundTripARepartitionedMentionWhenItHasTermsOrNot() {
    var serde = StateSerdes.counted();
    var full = new Counted(T.plusNanos(123_456_789), true, -42, "negative", -0.75, 1200, "mastodon", true,
        List.of("crue", "évacuation"));
    assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", full))).isEqualTo(full);
    var bare = new Counted(T, false, 0, null, 0, 0, null, false, null);
    assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", bare))).isEqualTo(bare);
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {1, 0, 0}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("invalid Counted on t");
  }

  @Test
  void shouldRefuseAWindowAggregateWhenItIsTruncated() {
    var serde = StateSerdes.windowStats();
    byte[] bytes = serde.serializer().serialize("t", new WindowStats(1, 1, 0, 0.5, 1, 1, new int[] {1, 2}, null, 0));
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", java.util.Arrays.copyOf(bytes, 40)))
        .isInstanceOf(SerializationException.class).hasMessageContaining("invalid WindowStats on t");
  }

  @Test
  void shouldRefuseAValueWhenItsFormatIsUnknown() {
    assertThatThrownBy(() -> StateSerdes.termHistory().deserializer().deserialize("store", new byte[] {9, 1}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("unknown TermHistory format on store");
  }

  @Test
  void shouldKeepTheLatestOccurrencesOfTheLastHourWhenATermRecurs() {
    long[] kept = {100, 200, 300};
    assertThat(NewTermDetector.recentWith(kept, 150, 250)).containsExactly(200, 250, 300);
    assertThat(NewTermDetector.recentWith(kept, 300, 400)).containsExactly(400);
    long[] full = new long[NewTermDetector.MAX_RECENT];
    for (int i = 0; i < full.length; i++) {
      full[i] = 1_000 + i;
    }
    long[] next = NewTermDetector.recentWith(full, 0, 5_000);
    assertThat(next).hasSize(NewTermDetector.MAX_RECENT).startsWith(1_001).endsWith(5_000);
  }
}
