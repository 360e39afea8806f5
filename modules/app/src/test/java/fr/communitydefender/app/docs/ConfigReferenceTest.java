package fr.communitydefender.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.domain.watch.WatchesConfig;
import fr.communitydefender.room.chains.ApprovalChains;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {
  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final Path REFERENCE = ROOT.resolve("docs/reference/configuration.md");

  @Test
  void shouldDescribeEveryKeyOfEveryConfigurationRecord() {
    ConfigReference reference = new ConfigReference();
    reference.render();

    assertThat(reference.problems()).as("config-keys.yaml next to ConfigReference").isEmpty();
  }

  @Test
  void shouldMatchTheCommittedReferenceWhenTheRecordsChange() throws Exception {
    String generated = new ConfigReference().render();
    if (Boolean.getBoolean("cd.docs.write")) {
      Files.createDirectories(REFERENCE.getParent());
      Files.writeString(REFERENCE, generated, StandardCharsets.UTF_8);
    }

    assertThat(Files.readString(REFERENCE, StandardCharsets.UTF_8))
        .as("docs/reference/configuration.md is stale: run scripts/config-reference").isEqualTo(generated);
  }

  @Test
  void shouldLoadEveryExampleTheReferenceLinksToWhenItNeedsNoSecret() {
    WatchesConfig watches = WatchesConfig.load(ROOT.resolve("docker/watches.example.yaml"));
    AlertRules rules = AlertRules.load(ROOT.resolve("alert-rules"), watches.ids());
    ApprovalChains.load(ROOT.resolve("approval-chains.yaml"));

    assertThat(rules.rules()).isNotEmpty();
    assertThat(ConfigReference.FILES).extracting(ConfigReference.FileSpec::example)
        .allSatisfy(example -> assertThat(ROOT.resolve(example)).exists());
  }
}
