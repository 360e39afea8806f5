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
    String loeo = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rules" -> rulesPath = Path.of(args[++i]);
        case "--onsets" -> onsetsPath = Path.of(args[++i]);
        case "--kinds" -> kindsPath = Path.of(args[++i]);
        case "--loeo" -> loeo = args[++i];
        default -> dirs.add(Path.of(args[i]));
      }
    }
    if (dirs.isEmpty()) {
      System.err.println("usage: eval-detection [--rules DIR|FILE (default alert-rules/volume.yaml)] [--onsets FILE] "
          + "[--kinds FILE] [--loeo escalation=V1,V2,… (the first: the shipped value)] EVENT_DIR...");
      System.exit(2);
    }
    AlertRules rules = AlertRules.load(rulesPath, Set.of());
    Map<String, List<Instant>> onsets = onsetsPath == null ? Map.of() : Scoring.readOnsets(onsetsPath);
    Enricher enricher = Enricher.standard(new EnrichmentMetrics(new SimpleMeterRegistry()));
    Scoring scoring = new Scoring().withKinds(kindsPath == null ? Map.of() : Scoring.readKinds(kindsPath));
    if (loeo != null) {
      leaveOneEventOut(loeo, rules, onsets, kindsPath == null ? Map.of() : Scoring.readKinds(kindsPath), expand(dirs),
          enricher);
      return;
    }
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

  /**
   * Leave-one-event-out: every event replayed with each candidate value of a rule parameter; for each event, the value
   * with the best merit on the other events (detected − false − extra incidents per spike; ties: the lower median
   * delay from the rise, then the earlier listed) is scored on it. Prints each choice, the held-out summary line
   * ({@code loeo_…}) and the summary of the first value on every event (the shipped rules, scored on all events).
   */
  private static void leaveOneEventOut(String spec, AlertRules rules, Map<String, List<Instant>> onsets,
      Map<String, String> kinds, List<Path> dirs, Enricher enricher) throws IOException {
    int eq = spec.indexOf('=');
    if (eq < 0 || !spec.substring(0, eq).equals("escalation")) {
      throw new IllegalArgumentException("--loeo: expected escalation=V1,V2,… (the parameter tuned over events)");
    }
    List<Double> values = java.util.Arrays.stream(spec.substring(eq + 1).split(",")).map(String::strip)
        .map(Double::parseDouble).toList();
    List<String> events = new ArrayList<>();
    Map<String, List<Instant>> times = new java.util.HashMap<>();
    // opened.get(value index).get(event)
    List<Map<String, List<Opened>>> opened = new ArrayList<>();
    values.forEach(v -> opened.add(new java.util.HashMap<>()));
    for (Path dir : dirs) {
      String event = dir.getFileName().toString();
      List<Mention> replay = load(dir);
      events.add(event);
      times.put(event, replay.stream().map(Mention::publishedAt).toList());
      for (int k = 0; k < values.size(); k++) {
        double v = values.get(k);
        AlertRules tuned = new AlertRules(rules.rules().stream().map(r -> r instanceof
            fr.communitydefender.alerting.rules.VolumeSpikeRule s ? s.withEscalation(v) : r).toList());
        opened.get(k).put(event, replay(event, replay, tuned, enricher));
      }
    }
    java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
    // results.get(k).get(event)
    List<Map<String, Scoring.Result>> results = new ArrayList<>();
    for (int k = 0; k < values.size(); k++) {
      Map<String, Scoring.Result> byEvent = new java.util.HashMap<>();
      for (String e : events) {
        Scoring one = new Scoring().withKinds(kinds);
        one.add(e, times.get(e), opened.get(k).get(e), onsets.getOrDefault(e, List.of()), quiet);
        byEvent.put(e, one.result());
      }
      results.add(byEvent);
    }
    Scoring heldOut = new Scoring().withKinds(kinds);
    Map<Double, Integer> chosen = new java.util.TreeMap<>();
    for (String held : events) {
      int best = 0;
      long bestMerit = Long.MIN_VALUE;
      double bestDelay = Double.MAX_VALUE;
      for (int k = 0; k < values.size(); k++) {
        long merit = 0;
        List<Long> delays = new ArrayList<>();
        for (String e : events) {
          if (!e.equals(held)) {
            merit += results.get(k).get(e).merit();
            delays.addAll(results.get(k).get(e).delaysFromRise());
          }
        }
        double delay = delays.isEmpty() ? Double.MAX_VALUE : delays.stream().sorted().toList().get(delays.size() / 2);
        if (merit > bestMerit || merit == bestMerit && delay < bestDelay) {
          best = k;
          bestMerit = merit;
          bestDelay = delay;
        }
      }
      chosen.merge(values.get(best), 1, Integer::sum);
      System.out.printf(Locale.ROOT, "held out %s: escalation=%s chosen on the other %d event folder(s)%n", held,
          values.get(best), events.size() - 1);
      heldOut.add(held, times.get(held), opened.get(best).get(held), onsets.getOrDefault(held, List.of()), System.out);
    }
    for (int k = 0; k < values.size(); k++) {
      Scoring all = new Scoring().withKinds(kinds);
      for (String e : events) {
        // the details of an event only where this value changes what the first one did
        boolean differs = k > 0 && !opened.get(k).get(e).equals(opened.get(0).get(e));
        if (differs) {
          System.out.println("escalation=" + values.get(k) + " changes " + e + ":");
        }
        all.add(e, times.get(e), opened.get(k).get(e), onsets.getOrDefault(e, List.of()), differs ? System.out : quiet);
      }
      System.out.println("escalation=" + values.get(k) + " on every event: " + all.summary());
    }
    System.out.println("chosen (value=folds): " + chosen);
    System.out.println("loeo_" + heldOut.summary().replace(" ", " loeo_"));
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
