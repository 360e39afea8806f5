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

    String history = "{\"previousSeen\":null,\"lastSeen\":\"2026-03-14T10:00:00Z\",\"recent\":[130000,10,20]}";
    var h = StateSerdes.termHistory().deserializer().deserialize("t", history.getBytes(StandardCharsets.UTF_8));
    assertThat(h.previousSeen()).isNull();
    assertThat(h.lastSeen()).isEqualTo(T);
    assertThat(h.minutes()).as("occurrences counted per minute").containsExactly(0, 2);
    assertThat(h.counts()).containsExactly(2, 1);
  }

  @Test
  void shouldReadTheOccurrencesOfFormatOneWhenAStoreIsRestoredAfterAnUpgrade() {
    // format 1: previousSeen (none), lastSeen, 3 occurrences as zig-zag varint gaps: 60,000 ms then +1 ms then +60 s
    byte[] v1 = new byte[] {1, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xEA, 0x60, 6,
        (byte) 0xC0, (byte) 0xA9, 0x07, 2, (byte) 0xC0, (byte) 0xA9, 0x07};
    var h = StateSerdes.termHistory().deserializer().deserialize("t", v1);
    assertThat(h.previousSeen()).isNull();
    assertThat(h.lastSeen()).isEqualTo(Instant.ofEpochMilli(60_000));
    assertThat(h.minutes()).containsExactly(1, 2);
    assertThat(h.counts()).containsExactly(2, 1);
    assertThat(h.total()).isEqualTo(3);
  }

  @Test
  void shouldRoundTripATermHistoryWhenItHasOccurrences() {
    var serde = StateSerdes.termHistory();
    long minute = T.toEpochMilli() / 60_000;
    var h = new NewTermDetector.TermHistory(T.minusSeconds(86_400 * 3), T, new long[] {minute - 59, minute - 1,
        minute}, new int[] {1, 250, 3});
    byte[] bytes = serde.serializer().serialize("t", h);
    var back = serde.deserializer().deserialize("t", bytes);
    assertThat(bytes[0]).isEqualTo((byte) 2);
    assertThat(back.previousSeen()).isEqualTo(h.previousSeen());
    assertThat(back.lastSeen()).isEqualTo(T);
    assertThat(back.minutes()).containsExactly(h.minutes());
    assertThat(back.counts()).containsExactly(h.counts());
    var empty = serde.deserializer().deserialize("t", serde.serializer().serialize("t",
        new NewTermDetector.TermHistory(null, null, null, null)));
    assertThat(empty.previousSeen()).isNull();
    assertThat(empty.minutes()).isEmpty();
    assertThat(empty.total()).isZero();
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
  void shouldCountAnOccurrenceInItsMinuteAndDropTheMinutesOfMoreThanAnHourAgoWhenATermRecurs() {
    var h = new NewTermDetector.TermHistory(null, null, new long[] {100, 200, 300}, new int[] {1, 2, 3});
    var same = h.with(200, 150);
    assertThat(same.minutes()).containsExactly(200, 300);
    assertThat(same.counts()).containsExactly(3, 3);
    var inserted = h.with(250, 99);
    assertThat(inserted.minutes()).containsExactly(100, 200, 250, 300);
    assertThat(inserted.counts()).containsExactly(1, 2, 1, 3);
    assertThat(h.with(400, 300).minutes()).containsExactly(400);
    assertThat(h.counts()).as("unchanged").containsExactly(1, 2, 3);
    var many = new NewTermDetector.TermHistory(null, null, null, null);
    for (int m = 0; m < NewTermDetector.MAX_MINUTES + 10; m++) {
      many = many.with(m, Long.MIN_VALUE);
    }
    assertThat(many.minutes()).as("bounded, the latest kept").hasSize(NewTermDetector.MAX_MINUTES)
        .endsWith(NewTermDetector.MAX_MINUTES + 9L);
  }
}
