package fr.communitydefender.app.eval;

import fr.communitydefender.alerting.AlertingMetrics;
import fr.communitydefender.alerting.incident.AlertTopology;
import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.app.internal.StreamsApp;
import fr.communitydefender.collectors.replay.ReplayFormat;
import fr.communitydefender.collectors.replay.ReplayRecord;
import fr.communitydefender.domain.config.ConfigException;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.json.JsonSerde;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.signal.VolumeSignal;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.domain.watch.Watch;
import fr.communitydefender.enrichment.Enricher;
import fr.communitydefender.enrichment.EnrichmentMetrics;
import fr.communitydefender.streams.PipelineMetrics;
import fr.communitydefender.streams.volume.VolumeConfig;
import fr.communitydefender.streams.volume.VolumeTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Detection evaluation harness (not a test): replays CrisisLexT26 event folders through the production topologies
 * ({@link VolumeTopology} then {@link AlertTopology}, the same {@code build()} the application runs) in event time as
 * fast as possible, one watch matching every tweet of the event, and scores the incidents against reference onsets.
 * {@code EvalDetection [--rules DIR|FILE] [--onsets FILE] [--kinds FILE] DIR...}; see {@link Scoring} for the definitions.
 */
public final class EvalDetection {
  private EvalDetection() {}

  /** One incident opened (or reopened: it notifies again) during a replay, and when and why it resolved (or null). */
  public record Opened(String id, Instant at, String rule, String reason, boolean reopened, Instant resolvedAt,
      String resolution) {
    /** "" while open; else " → résolu TIME (why)". */
    public String outcome() {
      return resolvedAt == null ? "" : " → résolu " + resolvedAt + " (" + resolution + ")";
    }
  }

  public static void main(String[] args) throws IOException {
    try {
      run(args);
    } catch (ConfigException | IllegalArgumentException | NoSuchFileException e) {
      System.err.println("eval-detection: " + problem(e));
      System.exit(2);
    }
  }

  /** A bad input's message in one line (a missing file's exception only names the path). */
  public static String problem(Exception e) {
    return e instanceof NoSuchFileException ? e.getMessage() + ": no such file or folder" : e.getMessage();
  }

  private static void run(String[] args) throws IOException {
    Path rulesPath = Path.of("alert-rules", "volume.yaml");
    Path onsetsPath = null;
    Path kindsPath = null;
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rules" -> rulesPath = Path.of(args[++i]);
        case "--onsets" -> onsetsPath = Path.of(args[++i]);
        case "--kinds" -> kindsPath = Path.of(args[++i]);
        default -> dirs.add(Path.of(args[i]));
      }
    }
    if (dirs.isEmpty()) {
      System.err.println("usage: eval-detection [--rules DIR|FILE (default alert-rules/volume.yaml)] [--onsets FILE] "
          + "[--kinds FILE] EVENT_DIR...");
      System.exit(2);
    }
    AlertRules rules = AlertRules.load(rulesPath, Set.of());
    Map<String, List<Instant>> onsets = onsetsPath == null ? Map.of() : Scoring.readOnsets(onsetsPath);
    Enricher enricher = Enricher.standard(new EnrichmentMetrics(new SimpleMeterRegistry()));
    Scoring scoring = new Scoring().withKinds(kindsPath == null ? Map.of() : Scoring.readKinds(kindsPath));
    long mentions = 0;
    long t0 = System.nanoTime();
    for (Path dir : expand(dirs)) {
      String event = dir.getFileName().toString();
      List<Mention> replay = load(dir);
      mentions += replay.size();
      List<Opened> opened = replay(event, replay, rules, enricher);
      scoring.add(event, replay.stream().map(Mention::publishedAt).toList(), opened,
          onsets.getOrDefault(event, List.of()), System.out);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "replayed %d mentions in %.1f s (%.0f mentions/s, both topologies, one thread)%n",
        mentions, seconds, mentions / seconds);
    System.out.println(scoring.summary());
  }

  /** Event folders: the arguments themselves, or their sub-folders when they hold none of the expected files. */
  static List<Path> expand(List<Path> dirs) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path d : dirs) {
      if (dataFile(d) != null) {
        out.add(d);
      } else if (Files.isDirectory(d)) {
        int before = out.size();
        try (Stream<Path> s = Files.list(d)) {
          s.filter(Files::isDirectory).filter(p -> dataFile(p) != null).sorted().forEach(out::add);
        }
        if (out.size() == before) {
          throw new IllegalArgumentException(d + ": no CrisisLexT26 event folder (with a *-tweetids_entire_period.csv "
              + "or *-tweets_labeled.csv) in it or under it");
        }
      } else {
        throw new IllegalArgumentException(d + ": no such folder");
      }
    }
    return out;
  }

  private static Path dataFile(Path dir) {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> files = s.toList();
      return files.stream().filter(p -> p.toString().endsWith("-tweetids_entire_period.csv")).findFirst()
          .orElse(files.stream().filter(p -> p.toString().endsWith("-tweets_labeled.csv")).findFirst().orElse(null));
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The parsed mentions, in time order, of a CrisisLexT26 event folder, or of one recorded file (JSON Lines drill or
   * CrisisLex CSV); malformed lines are left out (the replay collector dead-letters them).
   */
  public static List<Mention> load(Path dirOrFile) throws IOException {
    Path file = Files.isDirectory(dirOrFile) ? dataFile(dirOrFile) : dirOrFile;
    if (file == null) {
      throw new IOException(dirOrFile + ": no CrisisLexT26 id or labelled file in this folder");
    }
    List<Mention> out = new ArrayList<>();
    for (ReplayRecord r : ReplayFormat.detect(file).read(file)) {
      if (r instanceof ReplayRecord.Parsed p) {
        out.add(p.mention());
      }
    }
    out.sort(java.util.Comparator.comparing(Mention::publishedAt));
    return out;
  }

  /** Replays one event through both topologies; returns the incidents opened, in order. */
  public static List<Opened> replay(String event, List<Mention> mentions, AlertRules rules, Enricher enricher) {
    String watch = event.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    Properties props = driverProps("eval-volume");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<Opened> opened = new ArrayList<>();
    Instant start = mentions.isEmpty() ? Instant.EPOCH : mentions.get(0).publishedAt();
    try (TopologyTestDriver volume = new TopologyTestDriver(VolumeTopology.build(VolumeConfig.of(List.of(
            new Watch(watch, event, List.of(watch), null, null))), enricher, new PipelineMetrics(registry)), props);
        TopologyTestDriver alert = new TopologyTestDriver(AlertTopology.build(rules, new AlertingMetrics(registry)),
            driverProps("eval-alert"), start)) {
      TestInputTopic<String, String> raw = volume.createInputTopic(Topics.MENTIONS_RAW.name(),
          Serdes.String().serializer(), Serdes.String().serializer());
      TestOutputTopic<String, VolumeSignal> signalsOut = volume.createOutputTopic(Topics.SIGNALS_VOLUME.name(),
          Serdes.String().deserializer(), JsonSerde.of(VolumeSignal.class).deserializer());
      TestInputTopic<String, VolumeSignal> signalsIn = alert.createInputTopic(Topics.SIGNALS_VOLUME.name(),
          Serdes.String().serializer(), JsonSerde.of(VolumeSignal.class).serializer());
      TestOutputTopic<String, IncidentEvent> incidents = alert.createOutputTopic(Topics.INCIDENTS.name(),
          Serdes.String().deserializer(), JsonSerde.of(IncidentEvent.class).deserializer());
      int piped = 0;
      for (Mention m : mentions) {
        if (++piped % 500 == 0) { // the test driver keeps every record it produced: drop changelogs and the like
          drain(volume, Set.of(Topics.SIGNALS_VOLUME.name()));
          drain(alert, Set.of(Topics.INCIDENTS.name()));
        }
        Mention assigned = new Mention(m.id(), m.source(), m.publishedAt(), m.text(), m.author(), m.url(), m.lang(),
            m.reach(), List.of(watch));
        raw.pipeInput(m.id(), Json.write(assigned), m.publishedAt());
        for (var r : signalsOut.readRecordsToList()) {
          signalsIn.pipeInput(r.key(), r.value(), r.timestamp()); // the latest mention's time, as on the topic
        }
        for (IncidentEvent e : incidents.readValuesToList()) {
          if (e.type() == IncidentEvent.Type.OPENED || e.type() == IncidentEvent.Type.REOPENED) {
            opened.add(new Opened(e.incident().id(), e.at(), e.incident().ruleId(), e.incident().reason(),
                e.type() == IncidentEvent.Type.REOPENED, null, null));
          } else if (e.type() == IncidentEvent.Type.RESOLVED) {
            for (int i = opened.size() - 1; i >= 0; i--) {
              Opened o = opened.get(i);
              if (o.id().equals(e.incident().id())) {
                opened.set(i, new Opened(o.id(), o.at(), o.rule(), o.reason(), o.reopened(), e.at(),
                    e.incident().reason()));
                break;
              }
            }
          }
        }
      }
    }
    return opened;
  }

  /** Discards what the driver captured on every topic but {@code keep} (changelogs, repartitions, term topics). */
  private static void drain(TopologyTestDriver driver, Set<String> keep) {
    for (String topic : driver.producedTopicNames()) {
      if (!keep.contains(topic)) {
        driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
      }
    }
  }

  /** The application's own Streams settings, with the test driver's usual state directory. */
  private static Properties driverProps(String applicationId) {
    return StreamsApp.properties(applicationId, "unused:9092",
        Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams"), 1);
  }
}
