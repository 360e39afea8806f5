package fr.communitydefender.app.start;

import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.collectors.replay.ReplayOptions;
import fr.communitydefender.domain.watch.WatchesConfig;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * Everything a run needs, already validated. {@code kafkaBootstrap} null starts the embedded broker on
 * {@code kafkaPort} (0: any free port) with its data under {@code dataDir}.
 */
public record RuntimeOptions(
    Set<Role> roles,
    Path dataDir,
    String kafkaBootstrap,
    int kafkaPort,
    String httpHost,
    int httpPort,
    int partitions,
    Short replicationFactor,
    WatchesConfig watches,
    AlertRules rules,
    ReplayOptions replay) {

  public RuntimeOptions {
    roles = roles == null || roles.isEmpty() ? EnumSet.allOf(Role.class) : Set.copyOf(roles);
    if (dataDir == null) {
      throw new IllegalArgumentException("dataDir: required");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions: must be at least 1");
    }
  }

  public boolean embeddedKafka() {
    return kafkaBootstrap == null || kafkaBootstrap.isBlank();
  }
}
