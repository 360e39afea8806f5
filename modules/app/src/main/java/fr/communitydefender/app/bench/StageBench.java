package fr.communitydefender.app.bench;

import fr.communitydefender.app.internal.StreamsApp;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.domain.watch.Watch;
import fr.communitydefender.enrichment.Enricher;
import fr.communitydefender.enrichment.EnrichmentMetrics;
import fr.communitydefender.enrichment.SentimentConfig;
import fr.communitydefender.streams.PipelineMetrics;
import fr.communitydefender.streams.volume.VolumeConfig;
import fr.communitydefender.streams.volume.VolumeTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The processing stage alone, on one thread and without a broker (Kafka Streams' test driver, real RocksDB stores):
 * the CPU cost of parsing, deduplicating, analysing, matching, repartitioning (serialised), counting and detecting
 * new terms, per mention — the part of {@link ReplayBench}'s end to end that is ours, measured without the noise of
 * the broker, the node and the other roles sharing the machine. Same synthetic mentions as {@code ReplayBench}.
 * Usage: {@code StageBench [mentions]} (default 100,000; the first fifth warms up and is not counted).
 */
public final class StageBench {
  private StageBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Random random = new Random(7);
    Instant t0 = Instant.parse("2026-03-14T00:00:00Z");
    List<String> payloads = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String text = (random.nextInt(4) == 0 ? "Crue à Sainte-Aure, la route est coupée #crue " : "Sainte-Aure ")
          + "message synthétique " + i;
      payloads.add(Json.write(new Mention("b-" + i, "bench", t0.plusMillis(i * 50L), text, "u" + random.nextInt(5000),
          null, "fr", random.nextInt(1000), List.of())));
    }
    List<Watch> watches = List.of(new Watch("sainte-aure", null, List.of("sainte-aure"), null, null),
        new Watch("crue", null, List.of("crue", "#crue"), List.of("sainte-aure"), null));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Path state = Files.createTempDirectory("cd-stage-bench");
    Properties props = StreamsApp.properties("cd-stage-bench", "unused:9092", state, 1);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    Enricher enricher = Enricher.configured(new EnrichmentMetrics(registry), SentimentConfig.NONE);
    try (TopologyTestDriver driver = new TopologyTestDriver(VolumeTopology.build(VolumeConfig.of(watches), enricher,
        new PipelineMetrics(registry)), props)) {
      TestInputTopic<String, String> raw = driver.createInputTopic(Topics.MENTIONS_RAW.name(),
          Serdes.String().serializer(), Serdes.String().serializer());
      // the driver keeps what the stage writes: drained as bytes (not decoded) every thousand mentions
      var bytes = new org.apache.kafka.common.serialization.ByteArrayDeserializer();
      java.util.Map<String, org.apache.kafka.streams.TestOutputTopic<byte[], byte[]>> outputs =
          new java.util.HashMap<>();
      long written = 0;
      java.util.Map<String, Long> perTopic = new java.util.TreeMap<>();
      int warm = n / 5;
      long start = 0;
      long cpuStart = 0;
      var threads = java.lang.management.ManagementFactory.getThreadMXBean();
      for (int i = 0; i < n; i++) {
        if (i == warm) {
          start = System.nanoTime();
          cpuStart = threads.getCurrentThreadCpuTime();
        }
        raw.pipeInput("b-" + i, payloads.get(i), t0.plusMillis(i * 50L));
        if (i % 1_000 == 999) {
          for (String topic : driver.producedTopicNames()) { // changelogs and the repartition topic too
            int k = outputs.computeIfAbsent(topic, t -> driver.createOutputTopic(t, bytes, bytes))
                .readRecordsToList().size();
            written += k;
            perTopic.merge(topic, (long) k, Long::sum);
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      perTopic.forEach((t, k) -> System.out.printf(Locale.ROOT, "records %s %d%n", t, k));
      System.out.printf(Locale.ROOT, "stage_mentions=%d records_written=%d stage_mentions_per_s=%.0f "
          + "stage_cpu_us_per_mention=%.1f%n", n - warm, written, (n - warm) / seconds, 1e6 * cpu / (n - warm));
    }
  }
}
