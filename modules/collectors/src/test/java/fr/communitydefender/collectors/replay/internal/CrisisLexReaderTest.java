package fr.communitydefender.collectors.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.collectors.replay.ReplayFormat;
import fr.communitydefender.collectors.replay.ReplayRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written here in the CrisisLexT26 layout (synthetic rows; the real data is never copied into the project). */
class CrisisLexReaderTest {
  @TempDir
  Path dir;

  @Test
  void shouldJoinTextsAndSortByTimeWhenLabelledSiblingExists() throws IOException {
    Path ids = Files.writeString(dir.resolve("2099_Test_flood-tweetids_entire_period.csv"), """
        Timestamp, Tweet-ID, Included(Y/N)
        "Fri Jun 08 07:42:10 +0000 2012","211000150196367360",Y
        "Fri Jun 08 06:22:06 +0000 2012","210980000776728576",Y
        "not a date","1",Y
        "Fri Jun 08 08:00:00 +0000 2012","12x",N
        """);
    Files.writeString(dir.resolve("2099_Test_flood-tweets_labeled.csv"), """
        Tweet ID, Tweet Text, Information Source, Information Type, Informativeness
        "211000150196367360","Water rising, ""fast"" near
        the bridge #flood",Eyewitness,Affected individuals,Related and informative
        """);
    assertThat(ReplayFormat.detect(ids)).isEqualTo(ReplayFormat.CRISISLEX);
    List<ReplayRecord> records = ReplayFormat.CRISISLEX.read(ids);
    assertThat(records).hasSize(4);
    assertThat(records.subList(0, 2)).allMatch(r -> r instanceof ReplayRecord.Malformed);
    assertThat(records.get(0)).isInstanceOfSatisfying(ReplayRecord.Malformed.class, m -> {
      assertThat(m.line()).isEqualTo(4);
      assertThat(m.reason()).isEqualTo("Timestamp: cannot parse 'not a date'");
    });
    assertThat(records.get(1)).isInstanceOfSatisfying(ReplayRecord.Malformed.class,
        m -> assertThat(m.reason()).isEqualTo("Tweet-ID: not a number '12x'"));
    ReplayRecord.Parsed first = (ReplayRecord.Parsed) records.get(2);
    ReplayRecord.Parsed second = (ReplayRecord.Parsed) records.get(3);
    assertThat(first.mention().id()).isEqualTo("tw-210980000776728576");
    assertThat(first.mention().publishedAt()).isEqualTo(Instant.parse("2012-06-08T06:22:06Z"));
    assertThat(first.mention().text()).isEmpty();
    assertThat(second.mention().text()).isEqualTo("Water rising, \"fast\" near\nthe bridge #flood");
    assertThat(second.mention().source()).isEqualTo("crisislex:2099_Test_flood-tweetids_entire_period.csv");
  }
}
