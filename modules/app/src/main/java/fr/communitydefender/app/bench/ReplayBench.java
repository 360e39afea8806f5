package fr.communitydefender.app.bench;

import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.alerting.rules.VolumeThresholdRule;
import fr.communitydefender.app.start.Assembly;
import fr.communitydefender.app.start.Role;
import fr.communitydefender.app.start.RuntimeOptions;
import fr.communitydefender.collectors.replay.ReplayCollector;
import fr.communitydefender.collectors.replay.ReplayOptions;
import fr.communitydefender.domain.topic.TopicReader;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.domain.watch.Watch;
import fr.communitydefender.domain.watch.WatchesConfig;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import fr.communitydefender.storage.StorageConfig;
import fr.communitydefender.storage.EsClients;
import fr.communitydefender.storage.mentions.MentionDocument;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

/**
 * Load harness (not a test): start-up time of the embedded broker and Elasticsearch node with every role, replay throughput into Kafka at
 * full speed, and end-to-end throughput until the streams stage has matched every mention,
 * and until Elasticsearch holds every mention (bulk indexing rate). Prints one line of figures.
 * Usage: {@code ReplayBench [mentions]} (default 100000).
 */
public final class ReplayBench {
  private ReplayBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Files.createTempDirectory("cd-bench");
    Path drill = dir.resolve("bench.jsonl");
    Random random = new Random(7);
    Instant t0 = Instant.parse("2026-03-14T00:00:00Z");
    try (BufferedWriter w = Files.newBufferedWriter(drill)) {
      for (int i = 0; i < n; i++) {
        String text = (random.nextInt(4) == 0 ? "Crue à Sainte-Aure, la route est coupée #crue " : "Sainte-Aure ")
            + "message synthétique " + i;
        w.write(Json.write(new Mention("b-" + i, "bench", t0.plusMillis(i * 50L), text, "u" + random.nextInt(5000),
            null, "fr", random.nextInt(1000), List.of())));
        w.newLine();
      }
    }
    WatchesConfig watches = new WatchesConfig(List.of(
        new Watch("sainte-aure", null, List.of("sainte-aure"), null, null),
        new Watch("crue", null, List.of("crue", "#crue"), List.of("sainte-aure"), null)));
    AlertRules rules = new AlertRules(List.of(new VolumeThresholdRule("spike", "*", Duration.ofMinutes(5), 500L,
        Duration.ofMinutes(15), Severity.HIGH, "bench")));
    long start = System.nanoTime();
    try (Assembly core = Assembly.start(new RuntimeOptions(EnumSet.of(Role.PROCESS, Role.ALERT,
        Role.INDEX, Role.CONSOLE), dir.resolve("data"), null, 0, "127.0.0.1", 0, 3, null, watches, rules, null,
        null, null, null))) {
      double startup = (System.nanoTime() - start) / 1e9;
      long replayStart = System.nanoTime();
      ReplayCollector.Result result;
      try (Assembly collector = Assembly.start(new RuntimeOptions(EnumSet.of(Role.COLLECT),
          dir.resolve("collector"), core.bootstrapServers(), 0, "127.0.0.1", 0, 3, null, watches, rules,
          new ReplayOptions(drill, null, 0, false, List.of(), false), null, null, null))) {
        result = collector.awaitReplay(600_000);
      }
      long enriched = TopicReader.readUntil(core.bootstrapServers(), Topics.MENTIONS_ENRICHED,
          r -> r.size() >= n, Duration.ofMinutes(10)).size();
      double endToEnd = (System.nanoTime() - replayStart) / 1e9;
      long stored = awaitStored(core.elasticsearchUrl(), n);
      double toStorage = (System.nanoTime() - replayStart) / 1e9;
      Runtime rt = Runtime.getRuntime();
      System.out.printf("startup_s=%.1f replay_mentions_per_s=%.0f end_to_end_mentions_per_s=%.0f enriched=%d/%d "
              + "stored_mentions_per_s=%.0f stored=%d/%d heap_used_mb=%d%n", startup, result.perSecond(),
          enriched / endToEnd, enriched, n, stored / toStorage, stored, n,
          (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
    }
  }

  /** Polls the mention count until it reaches {@code n} or ten minutes pass; returns the last count. */
  private static long awaitStored(String url, long n) throws Exception {
    try (ElasticsearchClient es = EsClients.create(StorageConfig.local(url, 90))) {
      long stored = 0;
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (stored < n && System.nanoTime() < deadline) {
        Thread.sleep(500);
        es.indices().refresh(r -> r.index(MentionDocument.INDEX_PATTERN));
        stored = es.count(c -> c.index(MentionDocument.INDEX_PATTERN)).count();
      }
      return stored;
    }
  }
}
