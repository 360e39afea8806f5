package fr.communitydefender.collectors.replay;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.domain.mention.Mention;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RebaseTest {
  private static ReplayRecord at(String iso) {
    return new ReplayRecord.Parsed(1, new Mention("m", "t", Instant.parse(iso), "", null, null, null, 0, List.of()));
  }

  @Test
  void shouldPutTheLastEventAtNowWhenRebasing() {
    Instant now = Instant.parse("2026-11-29T12:00:00Z");
    List<ReplayRecord> records = List.of(at("2026-03-14T18:00:00Z"), new ReplayRecord.Malformed(2, "x", "y"),
        at("2026-03-14T18:45:00Z"), at("2026-03-14T18:10:00Z"));
    Duration shift = ReplayCollector.rebaseShift(records, now);
    assertThat(Instant.parse("2026-03-14T18:45:00Z").plus(shift)).isEqualTo(now);
    assertThat(Instant.parse("2026-03-14T18:00:00Z").plus(shift)).isEqualTo(now.minus(Duration.ofMinutes(45)));
  }

  @Test
  void shouldNotShiftWhenThereIsNoMention() {
    assertThat(ReplayCollector.rebaseShift(List.of(new ReplayRecord.Malformed(1, "x", "y")), Instant.now()))
        .isZero();
  }
}
