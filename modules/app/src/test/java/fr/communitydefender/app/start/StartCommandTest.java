package fr.communitydefender.app.start;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.app.CommunityDefender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StartCommandTest {
  @TempDir
  Path dir;

  private record Run(int exit, String err, String out) {}

  private Run run(String... args) {
    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      int exit = new CommandLine(new CommunityDefender()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
      return new Run(exit, err.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(oldErr);
      System.setOut(oldOut);
    }
  }

  @Test
  void shouldRefuseToStartWithFileLineAndFieldWhenARuleIsInvalid() throws Exception {
    Path rules = Files.writeString(dir.resolve("bad.yaml"), """
        rules:
          - id: spike
            type: volume_threshold
            watch: crue
            window: 5m
            threshold: -3
        """);
    Run r = run("start", "--data-dir", dir.resolve("data").toString(), "--rules", rules.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(rules + ":6:5: rules[0].threshold: must be at least 1");
    assertThat(dir.resolve("data/kafka")).doesNotExist();
  }

  @Test
  void shouldRejectUnknownRoleWhenParsingOptions() {
    Run r = run("start", "--roles", "collect,dance");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Invalid value for option '--roles'").contains("dance");
  }

  @Test
  void shouldRefuseToAssignAnUnknownWatchWhenReplaying() throws Exception {
    Path drill = Files.writeString(dir.resolve("d.jsonl"), "");
    Run r = run("start", "--data-dir", dir.resolve("data").toString(), "--rules", "../../alert-rules",
        "--replay", drill.toString(), "--assign-watch", "nope");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--assign-watch: unknown watch 'nope'");
  }

  @Test
  void shouldValidateProjectRulesWhenCheckingConfig() {
    Run ok = run("check-config", "--rules", "../../alert-rules");
    assertThat(ok.exit()).isZero();
    assertThat(ok.out()).contains("OK: 2 watches, 5 rules");
  }

  @Test
  void shouldReportEachRuleFileAndFailWhenOneIsBad() throws Exception {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(rules.resolve("a-good.yaml"), """
        rules:
          - id: spike
            type: volume_spike
            watch: "*"
        """);
    Files.writeString(rules.resolve("b-bad.yaml"), """
        rules:
          - id: drop
            type: volume_spike
            watch: "*"
            p_value: 2
        """);
    Run r = run("rules", "check", rules.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains(rules.resolve("a-good.yaml") + ": OK (1 rule)")
        .contains(rules.resolve("b-bad.yaml") + ":5:5: rules[0].p_value: must be between 0 and 1 (exclusive)");
    Files.delete(rules.resolve("b-bad.yaml"));
    assertThat(run("rules", "check", rules.toString()).exit()).isZero();
  }

  @Test
  void shouldPrintWhatWouldHaveOpenedWhenBacktestingADrill() throws Exception {
    java.util.List<String> lines = new java.util.ArrayList<>();
    java.time.Instant t0 = java.time.Instant.parse("2026-03-14T06:00:00Z");
    for (int m = 0; m < 180; m += 30) { // two mentions an hour for three hours, then 30 in one minute
      lines.add(fr.communitydefender.domain.json.Json.write(new fr.communitydefender.domain.mention.Mention(
          "q" + m, "drill", t0.plusSeconds(60L * m), "Marché de Sainte-Aure", "a", null, "fr", 1, List.of())));
    }
    for (int i = 0; i < 30; i++) {
      lines.add(fr.communitydefender.domain.json.Json.write(new fr.communitydefender.domain.mention.Mention(
          "s" + i, "drill", t0.plusSeconds(180 * 60L + i), "Explosion à Sainte-Aure", "b" + i, null, "fr", 1,
          List.of())));
    }
    Path drill = Files.write(dir.resolve("drill.jsonl"), lines);
    Run r = run("rules", "backtest", "--rules", "../../alert-rules/volume.yaml", "--replay", drill.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("36 mentions replayed, 1 incident(s) would have opened")
        .containsPattern("2026-03-14T09:00:0\\dZ  volume-spike  \\d+ mentions en 5m ; attendu ≈ "); // within the burst
  }

  @Test
  void shouldExplainWithoutAStackTraceWhenTheBacktestReplayIsMissing() {
    Run r = run("rules", "backtest", "--rules", "../../alert-rules", "--replay", dir.resolve("nope.jsonl").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("backtest: ").contains("nope.jsonl: no such file or folder").doesNotContain("\tat ");
  }

  @Test
  void shouldExplainWhenTheBacktestFolderHoldsNoRecordedEvent() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Run r = run("rules", "backtest", "--rules", "../../alert-rules", "--replay", empty.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no CrisisLexT26 id or labelled file in this folder").doesNotContain("\tat ");
  }

  @Test
  void shouldListOptionsWhenAskedForHelp() {
    Run r = run("start", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--roles").contains("--kafka-bootstrap").contains("--replay").contains("--speed");
  }
}
