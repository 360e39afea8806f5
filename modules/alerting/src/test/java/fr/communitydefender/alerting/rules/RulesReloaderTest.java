package fr.communitydefender.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.alerting.AlertingMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesReloaderTest {
  @TempDir
  Path dir;

  private static String rule(String id, int threshold) {
    return "rules:\n  - id: " + id + "\n    type: volume_threshold\n    watch: \"*\"\n    window: 5m\n"
        + "    threshold: " + threshold + "\n";
  }

  @Test
  void shouldKeepThePreviousRulesWhenTheNewFileIsBadAndApplyTheFixedOne() throws Exception {
    Files.writeString(dir.resolve("a.yaml"), rule("spike", 10));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<AlertRules> applied = new ArrayList<>();
    RulesReloader reloader = new RulesReloader(AlertRules.load(dir, Set.of()), Set.of(), applied::add,
        new AlertingMetrics(registry));
    assertThat(reloader.poll()).isEqualTo(RulesReloader.Outcome.UNCHANGED);

    Files.writeString(dir.resolve("a.yaml"), rule("spike", 0)); // invalid: threshold must be at least 1
    assertThat(reloader.poll()).isEqualTo(RulesReloader.Outcome.KEPT);
    assertThat(reloader.poll()).as("a bad file is reported once").isEqualTo(RulesReloader.Outcome.UNCHANGED);
    assertThat(applied).isEmpty();
    assertThat(((VolumeThresholdRule) reloader.current().rules().get(0)).threshold()).isEqualTo(10);
    assertThat(registry.counter("cd.rules.reloads", "result", "kept").count()).isEqualTo(1);

    Files.writeString(dir.resolve("a.yaml"), rule("spike", 25));
    assertThat(reloader.poll()).isEqualTo(RulesReloader.Outcome.APPLIED);
    assertThat(applied).singleElement()
        .satisfies(r -> assertThat(((VolumeThresholdRule) r.rules().get(0)).threshold()).isEqualTo(25));
  }

  @Test
  void shouldApplyWhenAFileIsAddedAndIgnoreAnIdenticalRewrite() throws Exception {
    Files.writeString(dir.resolve("a.yaml"), rule("spike", 10));
    List<AlertRules> applied = new ArrayList<>();
    RulesReloader reloader = new RulesReloader(AlertRules.load(dir, Set.of()), Set.of(), applied::add,
        new AlertingMetrics(new SimpleMeterRegistry()));
    Files.writeString(dir.resolve("b.yaml"), rule("big", 100));
    assertThat(reloader.poll()).isEqualTo(RulesReloader.Outcome.APPLIED);
    assertThat(applied.get(0).rules()).extracting(AlertRule::id).containsExactly("spike", "big");
    Files.writeString(dir.resolve("b.yaml"), rule("big", 100) + "\n# a comment\n");
    assertThat(reloader.poll()).isEqualTo(RulesReloader.Outcome.UNCHANGED);
  }
}
