package fr.communitydefender.app.start;

import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.collectors.live.CollectorsConfig;
import fr.communitydefender.collectors.replay.ReplayOptions;
import fr.communitydefender.domain.watch.WatchesConfig;
import fr.communitydefender.enrichment.SentimentConfig;
import fr.communitydefender.streams.deep.DeepConfig;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a run needs, already validated. {@code kafkaBootstrap} null starts the embedded broker on
 * {@code kafkaPort} (0: any free port) with its data under {@code dataDir}; {@code storage} null means the embedded
 * Elasticsearch node on a free port; {@code collectors} the live sources (none: only replays).
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
    ReplayOptions replay,
    StorageOptions storage,
    SentimentConfig sentiment,
    DeepConfig deep,
    CollectorsConfig collectors,
    PagingOptions paging,
    ConsoleOptions console,
    RoomOptions room) {

  public RuntimeOptions {
    roles = roles == null || roles.isEmpty() ? EnumSet.allOf(Role.class) : Set.copyOf(roles);
    if (dataDir == null) {
      throw new IllegalArgumentException("dataDir: required");
    }
    sentiment = sentiment == null ? SentimentConfig.NONE : sentiment;
    deep = deep == null ? DeepConfig.DEFAULT : deep;
    collectors = collectors == null ? new CollectorsConfig(List.of()) : collectors;
    paging = paging == null ? PagingOptions.defaults(dataDir) : paging;
    console = console == null ? ConsoleOptions.defaults() : console;
    room = room == null ? RoomOptions.defaults() : room;
    if (storage == null) {
      storage = StorageOptions.embeddedForTests(dataDir);
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions: must be at least 1");
    }
  }

  /** A run without live collectors. */
  public RuntimeOptions(Set<Role> roles, Path dataDir, String kafkaBootstrap, int kafkaPort, String httpHost,
      int httpPort, int partitions, Short replicationFactor, WatchesConfig watches, AlertRules rules,
      ReplayOptions replay, StorageOptions storage, SentimentConfig sentiment, DeepConfig deep) {
    this(roles, dataDir, kafkaBootstrap, kafkaPort, httpHost, httpPort, partitions, replicationFactor, watches, rules,
        replay, storage, sentiment, deep, null, null, null, null);
  }

  /** A run with live collectors and default paging. */
  public RuntimeOptions(Set<Role> roles, Path dataDir, String kafkaBootstrap, int kafkaPort, String httpHost,
      int httpPort, int partitions, Short replicationFactor, WatchesConfig watches, AlertRules rules,
      ReplayOptions replay, StorageOptions storage, SentimentConfig sentiment, DeepConfig deep,
      CollectorsConfig collectors) {
    this(roles, dataDir, kafkaBootstrap, kafkaPort, httpHost, httpPort, partitions, replicationFactor, watches, rules,
        replay, storage, sentiment, deep, collectors, null, null, null);
  }

  /** A run with live collectors and paging settings, default console settings. */
  public RuntimeOptions(Set<Role> roles, Path dataDir, String kafkaBootstrap, int kafkaPort, String httpHost,
      int httpPort, int partitions, Short replicationFactor, WatchesConfig watches, AlertRules rules,
      ReplayOptions replay, StorageOptions storage, SentimentConfig sentiment, DeepConfig deep,
      CollectorsConfig collectors, PagingOptions paging) {
    this(roles, dataDir, kafkaBootstrap, kafkaPort, httpHost, httpPort, partitions, replicationFactor, watches, rules,
        replay, storage, sentiment, deep, collectors, paging, null, null);
  }

  /** A run with default incident room settings. */
  public RuntimeOptions(Set<Role> roles, Path dataDir, String kafkaBootstrap, int kafkaPort, String httpHost,
      int httpPort, int partitions, Short replicationFactor, WatchesConfig watches, AlertRules rules,
      ReplayOptions replay, StorageOptions storage, SentimentConfig sentiment, DeepConfig deep,
      CollectorsConfig collectors, PagingOptions paging, ConsoleOptions console) {
    this(roles, dataDir, kafkaBootstrap, kafkaPort, httpHost, httpPort, partitions, replicationFactor, watches, rules,
        replay, storage, sentiment, deep, collectors, paging, console, null);
  }

  /** Whether this run talks to Elasticsearch (indexing or the console's search). */
  /** Whether this process runs the role. */
  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean needsStorage() {
    return roles.contains(Role.INDEX) || roles.contains(Role.CONSOLE);
  }

  public boolean embeddedKafka() {
    return kafkaBootstrap == null || kafkaBootstrap.isBlank();
  }
}
