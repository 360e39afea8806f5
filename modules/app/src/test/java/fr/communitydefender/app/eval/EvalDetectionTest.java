package fr.communitydefender.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folders the detection harness replays. */
class EvalDetectionTest {
  @TempDir
  Path dir;

  private Path event(String name) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("events").resolve(name));
    Files.writeString(folder.resolve(name + "-tweetids_entire_period.csv"), "tweet_time,tweet_id\n");
    return folder;
  }

  @Test
  void shouldReplayTheEventFoldersUnderAFolderWhenGivenTheirParent() throws Exception {
    Path b = event("2013_b");
    Path a = event("2012_a");
    Files.createDirectories(dir.resolve("events").resolve("notes"));

    assertThat(EvalDetection.expand(List.of(dir.resolve("events")))).containsExactly(a, b);
    assertThat(EvalDetection.expand(List.of(a))).containsExactly(a);
  }

  @Test
  void shouldRefuseAFolderWithNoEventWhenNothingWouldBeReplayed() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    assertThatThrownBy(() -> EvalDetection.expand(List.of(empty)))
        .hasMessage(empty + ": no CrisisLexT26 event folder (with a *-tweetids_entire_period.csv or "
            + "*-tweets_labeled.csv) in it or under it");
    assertThatThrownBy(() -> EvalDetection.expand(List.of(dir.resolve("missing"))))
        .hasMessage(dir.resolve("missing") + ": no such folder");
  }
}
