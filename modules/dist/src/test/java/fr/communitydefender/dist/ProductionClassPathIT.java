package fr.communitydefender.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The production class path ({@code target/lib}, what the image copies) holds what production runs and nothing of
 * local mode or the tools, and every command starts on it: a class of the tools referenced from a command would fail
 * here with {@code NoClassDefFoundError}, not in a customer's container.
 */
class ProductionClassPathIT {
  private static final Path LIB = Path.of("target/lib").toAbsolutePath();
  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  record Run(int exit, String output) {}

  private static Run run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-cp", LIB + "/*", "fr.communitydefender.app.CommunityDefender"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("finished").isTrue();
    return new Run(p.exitValue(), out);
  }

  @Test
  void shouldLeaveOutTheEnginesOfLocalModeAndTheTools() throws IOException {
    List<String> jars;
    try (Stream<Path> files = Files.list(LIB)) {
      jars = files.map(f -> f.getFileName().toString()).sorted().toList();
    }
    assertThat(jars).anyMatch(j -> j.startsWith("cd-app-") && j.endsWith("-production.jar"))
        .anyMatch(j -> j.startsWith("kafka-streams-")).anyMatch(j -> j.startsWith("elasticsearch-java-"));
    assertThat(jars).noneMatch(j -> j.startsWith("cd-devservices") || j.startsWith("cd-es-node")
        || j.startsWith("greenmail") || j.startsWith("kafka_2.13") || j.startsWith("kafka-server-")
        || j.startsWith("kafka-raft") || j.startsWith("kafka-streams-test-utils") || j.startsWith("scala-library"));
    Path app = LIB.resolve(jars.stream().filter(j -> j.endsWith("-production.jar")).findFirst().orElseThrow());
    try (ZipFile zip = new ZipFile(app.toFile())) {
      assertThat(zip.stream().map(e -> e.getName()).filter(n -> n.startsWith("fr/communitydefender/app/bench/")
          || n.startsWith("fr/communitydefender/app/eval/") || n.startsWith("fr/communitydefender/app/fault/")))
          .isEmpty();
      assertThat(zip.getEntry("fr/communitydefender/app/start/Assembly.class")).isNotNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"start", "check-config", "rules", "oncall", "admin", "report", "courante", "kafka-acls"})
  void shouldLoadEveryCommandWhenTheToolsAreLeftOut(String command) throws Exception {
    Run r = run(command, "--help");
    assertThat(r.output()).as(r.output()).doesNotContain("NoClassDefFoundError").contains("Usage:");
    assertThat(r.exit()).as(r.output()).isZero();
  }

  @Test
  void shouldCheckTheExampleConfigurationOnTheProductionClassPath() throws Exception {
    Run r = run("check-config", "--watches", "docker/watches.example.yaml", "--rules", "alert-rules",
        "--approval-chains", "approval-chains.yaml");
    assertThat(r.exit()).as(r.output()).isZero();
    Run dry = run("start", "--roles", "process,console", "--kafka-bootstrap", "kafka-1:9094", "--dry-run");
    assertThat(dry.exit()).as(dry.output()).isZero();
  }

  @Test
  void shouldSayTheBacktestIsAToolWhenAskedForInProduction() throws Exception {
    Run r = run("rules", "backtest", "--replay", "data/drills/demo-sainte-aure-synthetic.jsonl");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.output()).contains("not in the production image").doesNotContain("Exception");
  }
}
