package fr.communitydefender.room.chains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communitydefender.domain.config.ConfigException;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.room.ResponseChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalChainsTest {
  @TempDir
  Path dir;

  Path file(String text) throws Exception {
    Path f = dir.resolve("approval-chains.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void shouldLoadTheDemoChains() {
    ApprovalChains demo = ApprovalChains.demo();
    assertThat(demo.choose(Severity.HIGH, ResponseChannel.MASTODON)).get().extracting(ApprovalChains.Chain::id)
        .isEqualTo("courant");
    assertThat(demo.choose(Severity.CRITICAL, ResponseChannel.BLUESKY).orElseThrow().steps()).hasSize(2);
    assertThat(demo.members("dircom")).contains("validateur");
  }

  @Test
  void shouldNameFileLineAndFieldWhenAStepNamesAnUnknownGroup() throws Exception {
    Path f = file("""
        groups:
          dircom: [camille]
        chains:
          - id: courant
            steps:
              - name: dircom
                any_of: dirокруг
        """);
    assertThatThrownBy(() -> ApprovalChains.load(f)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("approval-chains.yaml:7").hasMessageContaining("chains[0].steps[0].any_of")
        .hasMessageContaining("unknown group");
  }

  @Test
  void shouldRefuseAStepWithBothAnyOfAndAllOf() throws Exception {
    Path f = file("""
        groups: {dircom: [camille]}
        chains:
          - id: courant
            steps: [{name: dircom, any_of: dircom, all_of: dircom}]
        """);
    assertThatThrownBy(() -> ApprovalChains.load(f)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("exactly one of any_of and all_of");
  }

  @Test
  void shouldRefuseUnknownKeysAndBadSeverities() throws Exception {
    assertThatThrownBy(() -> ApprovalChains.load(file("""
        groups: {dircom: [camille]}
        chains: [{id: a, steps: [{name: s, any_of: dircom}], approvers: 2}]
        """))).isInstanceOf(ConfigException.class).hasMessageContaining("approvers").hasMessageContaining("unknown key");
    assertThatThrownBy(() -> ApprovalChains.load(file("""
        groups: {dircom: [camille]}
        chains: [{id: a, severities: [urgent], steps: [{name: s, any_of: dircom}]}]
        """))).isInstanceOf(ConfigException.class).hasMessageContaining("urgent");
  }

  @Test
  void shouldRefuseADelegationToAStepNoChainHas() throws Exception {
    assertThatThrownBy(() -> ApprovalChains.load(file("""
        groups: {dircom: [camille], nuit: [nina]}
        chains: [{id: a, steps: [{name: dircom, any_of: dircom}]}]
        delegations: [{group: nuit, step: maire, up_to: medium}]
        """))).isInstanceOf(ConfigException.class).hasMessageContaining("delegations[0].step");
  }
}
