package fr.communitydefender.console;

import fr.communitydefender.console.access.AccessConfig;

/**
 * Where the console listens and which Kafka cluster it reads; {@code ackKey}: the installation's key for the
 * acknowledgement links of pages and the situation links (null: links disabled); {@code access}: accounts, sessions,
 * hosts and identity provider; {@code commune}: the name on reports (null: none).
 */
public record ConsoleConfig(String host, int port, String kafkaBootstrap, int recentMentions, byte[] ackKey,
    AccessConfig access, String commune, java.nio.file.Path modelDir) {
  /** Without the commune's model directory (rebuilding from corrections then answers 503). */
  public ConsoleConfig(String host, int port, String kafkaBootstrap, int recentMentions, byte[] ackKey,
      AccessConfig access, String commune) {
    this(host, port, kafkaBootstrap, recentMentions, ackKey, access, commune, null);
  }

  public ConsoleConfig {
    host = host == null || host.isBlank() ? "127.0.0.1" : host;
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port: must be between 0 and 65535");
    }
    if (kafkaBootstrap == null || kafkaBootstrap.isBlank()) {
      throw new IllegalArgumentException("kafkaBootstrap: required");
    }
    recentMentions = recentMentions <= 0 ? 200 : recentMentions;
    access = access == null ? AccessConfig.defaults() : access;
  }

  public ConsoleConfig(String host, int port, String kafkaBootstrap, int recentMentions, byte[] ackKey,
      AccessConfig access) {
    this(host, port, kafkaBootstrap, recentMentions, ackKey, access, null);
  }
}
