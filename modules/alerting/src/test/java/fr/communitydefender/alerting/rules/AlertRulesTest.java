package fr.communitydefender.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communitydefender.domain.config.ConfigException;
import fr.communitydefender.domain.incident.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertRulesTest {
  private static final Path DIR = Path.of("src/test/resources/rules");
  private static final Set<String> WATCHES = Set.of("ville", "crue");

  @Test
  void shouldLoadRulesWithDefaultsWhenFileIsValid() {
    AlertRules rules = AlertRules.load(DIR.resolve("valid"), WATCHES);
    assertThat(rules.rules()).hasSize(2);
    VolumeThresholdRule spike = (VolumeThresholdRule) rules.rules().get(0);
    assertThat(spike.window()).isEqualTo(Duration.ofMinutes(5));
    assertThat(spike.threshold()).isEqualTo(20);
    assertThat(spike.quiet()).isEqualTo(VolumeThresholdRule.DEFAULT_QUIET);
    assertThat(spike.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(spike.appliesTo("ville")).isTrue();
    assertThat(spike.appliesTo("crue")).isFalse();
    VolumeThresholdRule any = (VolumeThresholdRule) rules.rules().get(1);
    assertThat(any.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(any.appliesTo("crue")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown-key.yaml        | 7:5: rules[0].treshold: unknown key (allowed: active, cooldown, description, for, group, id, labels, mute, quiet, severity, threshold, title, type, watch, window)
      duplicate-id.yaml       | 7:5: rules[1].id: duplicate rule id 'spike' (first defined in src/test/resources/rules/invalid/duplicate-id.yaml rules[0])
      missing-field.yaml      | 2:5: rules[0].threshold: required
      bad-duration.yaml       | 5:5: rules[0].window: invalid duration '5 minutes' (examples: 30s, 5m, 1h, 2d)
      unknown-type.yaml       | 3:5: rules[0].type: unknown type 'sentiment_spike' (known: flatline, frequency, influencer, negative_share, new_term, sentiment_drop, volume_spike, volume_threshold)
      missing-type.yaml       | 2:5: rules[0].type: required (known: flatline, frequency, influencer, negative_share, new_term, sentiment_drop, volume_spike, volume_threshold)
      wrong-value-type.yaml   | 6:5: rules[0].threshold: invalid value 'lots' (expected an integer)
      invalid-value.yaml      | 6:5: rules[0].threshold: must be at least 1
      unknown-watch.yaml      | 4:5: rules[0].watch: unknown watch 'mairie' (known: crue, ville)
      unknown-severity.yaml   | 7:5: rules[0].severity: unknown severity 'urgent' (known: info, low, medium, high, critical)
      window-not-minutes.yaml | 5:5: rules[0].window: must be a whole number of minutes between 1m and 24h
      bad-placeholder.yaml    | 7:5: rules[0].description: unknown placeholder {commune} (known: watch, rule, count, threshold, window, reason)
      bad-mute-day.yaml       | 8:9: rules[0].mute[0].days: unknown day 'funday' (mon, tue, wed, thu, fri, sat, sun)
      settle-too-high.yaml    | 5:5: rules[0].settle: must be at least 0 and below 1 (a share of the busiest hour)
      """)
  void shouldNameFileLineAndFieldWhenRuleIsInvalid(String file, String expected) {
    Path path = DIR.resolve("invalid").resolve(file);
    assertThatThrownBy(() -> AlertRules.load(path, WATCHES))
        .isInstanceOf(ConfigException.class)
        .hasMessage(path + ":" + expected);
  }

  @Test
  void shouldReportSyntaxErrorWithLineWhenYamlIsBroken() {
    Path path = DIR.resolve("invalid/syntax.yaml");
    assertThatThrownBy(() -> AlertRules.load(path, WATCHES))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> {
          ConfigException c = (ConfigException) e;
          assertThat(c.line()).isBetween(4, 6);
          assertThat(c.detail()).startsWith("invalid YAML: ");
        });
  }

  @Test
  void shouldRejectDuplicateKeyWhenAFieldIsRepeated() {
    Path path = DIR.resolve("invalid/duplicate-key.yaml");
    assertThatThrownBy(() -> AlertRules.load(path, WATCHES))
        .hasMessage(path + ":6:11: rules[0].window: duplicate key");
  }

  @Test
  void shouldRejectEmptyFileWhenItHasNoRules() {
    Path path = DIR.resolve("invalid/empty.yaml");
    assertThatThrownBy(() -> AlertRules.load(path, WATCHES)).hasMessage(path + ": empty file");
  }

  @Test
  void shouldRejectDuplicateIdAcrossFilesWhenTwoFilesDefineIt() {
    Path b = DIR.resolve("dup-across/b.yaml");
    assertThatThrownBy(() -> AlertRules.load(DIR.resolve("dup-across"), WATCHES))
        .hasMessage(b + ":7:5: rules[1].id: duplicate rule id 'spike' (first defined in "
            + DIR.resolve("dup-across/a.yaml") + " rules[0])");
  }

  @Test
  void shouldApplyToEachListedWatchAndNameTheUnknownOneWhenWatchIsAList(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path ok = java.nio.file.Files.writeString(dir.resolve("ok.yaml"), """
        rules:
          - id: spike
            type: volume_spike
            watch: [ville, crue]
        """);
    AlertRule rule = AlertRules.load(ok, Set.of("ville", "crue", "marche")).rules().get(0);
    assertThat(rule.watches()).containsExactly("ville", "crue");
    assertThat(rule.appliesTo("crue")).isTrue();
    assertThat(rule.appliesTo("marche")).isFalse();
    Path bad = java.nio.file.Files.writeString(dir.resolve("bad.yaml"), """
        rules:
          - id: spike
            type: volume_spike
            watch: [ville, mairie]
        """);
    assertThatThrownBy(() -> AlertRules.load(bad, Set.of("ville", "crue")))
        .hasMessage(bad + ":4:5: rules[0].watch: unknown watch 'mairie' (known: crue, ville)");
  }

  @Test
  void shouldLoadTheProjectRulesWhenCheckedAgainstDemoWatches() {
    AlertRules rules = AlertRules.load(Path.of("../../alert-rules"), Set.of("sainte-aure", "crue"));
    assertThat(rules.rules()).isNotEmpty();
  }
}
