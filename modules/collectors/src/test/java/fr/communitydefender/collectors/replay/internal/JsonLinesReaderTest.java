package fr.communitydefender.collectors.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.collectors.replay.ReplayRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesReaderTest {
  @TempDir
  Path dir;

  @Test
  void shouldKeepLineNumbersAndReasonsWhenSomeLinesAreMalformed() throws IOException {
    Path f = Files.writeString(dir.resolve("d.jsonl"), """
        # a comment
        {"id":"a","publishedAt":"2026-01-01T10:00:00Z","text":"un","author":"x","reach":3}

        {"id":"b","publishedAt":"yesterday","text":"deux"}
        {"id":"c","publishedAt":"2026-01-01T10:01:00Z","text":"trois","watches":["ville"]}
        {broken
        """);
    List<ReplayRecord> records = JsonLinesReader.read(f);
    assertThat(records).hasSize(4);
    assertThat(records.get(0)).isInstanceOfSatisfying(ReplayRecord.Parsed.class, p -> {
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.mention().publishedAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
      assertThat(p.mention().reach()).isEqualTo(3);
      assertThat(p.mention().source()).isEqualTo("unknown");
    });
    assertThat(records.get(1)).isInstanceOfSatisfying(ReplayRecord.Malformed.class, m -> {
      assertThat(m.line()).isEqualTo(4);
      assertThat(m.reason()).startsWith("publishedAt: ");
      assertThat(m.payload()).contains("yesterday");
    });
    assertThat(records.get(2)).isInstanceOfSatisfying(ReplayRecord.Parsed.class,
        p -> assertThat(p.mention().watches()).containsExactly("ville"));
    assertThat(records.get(3)).isInstanceOfSatisfying(ReplayRecord.Malformed.class,
        m -> assertThat(m.line()).isEqualTo(6));
  }
}
