package fr.communitydefender.domain.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientsTest {
  @TempDir
  Path dir;

  @AfterEach
  void reset() {
    KafkaClients.configure(Map.of());
  }

  @Test
  void shouldAddTheFilesSettingsToEveryClientWhileTheClientsOwnWin() throws Exception {
    Path f = Files.writeString(dir.resolve("kafka.properties"), "security.protocol=SASL_SSL\nlinger.ms=5\n");
    KafkaClients.configure(f);
    assertThat(KafkaClients.with(Map.of("bootstrap.servers", "k:9093", "linger.ms", 20)))
        .containsEntry("security.protocol", "SASL_SSL").containsEntry("bootstrap.servers", "k:9093")
        .containsEntry("linger.ms", 20);
  }

  @Test
  void shouldRefuseSettingsTheApplicationDecidesItself() throws Exception {
    Path f = Files.writeString(dir.resolve("kafka.properties"), "group.id=other\n");
    assertThatThrownBy(() -> KafkaClients.configure(f)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kafka.properties").hasMessageContaining("group.id");
  }
}
