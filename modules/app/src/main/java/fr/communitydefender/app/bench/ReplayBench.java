package fr.communitydefender.app.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.alerting.rules.VolumeThresholdRule;
import fr.communitydefender.app.internal.StreamsApp;
import fr.communitydefender.app.start.Assembly;
import fr.communitydefender.app.start.PagingOptions;
import fr.communitydefender.app.start.Role;
import fr.communitydefender.app.start.RuntimeOptions;
import fr.communitydefender.collectors.replay.ReplayCollector;
import fr.communitydefender.collectors.replay.ReplayOptions;
import fr.communitydefender.console.access.AccountAdmin;
import fr.communitydefender.devservices.mail.MailCatcher;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.topic.KafkaClients;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.domain.watch.Watch;
import fr.communitydefender.domain.watch.WatchesConfig;
import fr.communitydefender.storage.EsClients;
import fr.communitydefender.storage.StorageConfig;
import fr.communitydefender.storage.mentions.MentionDocument;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;

/**
 * Load harness (not a test), on the embedded broker and Elasticsearch node with the processing, alerting, paging,
 * indexing and console roles in one process (plus, with {@code --processes 2}, a second processing instance sharing
 * the partitions). Four phases:
 * <ol>
 *   <li><b>end to end</b>: {@code mentions} replayed into Kafka at full speed, until Elasticsearch holds every one
 *       (deduplicated, language and fast sentiment, watches, windows, rules, storage);</li>
 *   <li><b>ceiling</b>: a bare Kafka Streams pass-through and 1-minute count over the same raw topic on the same
 *       broker, with the same settings (exactly-once) — what Kafka Streams alone does here;</li>
 *   <li><b>mention to screen</b>: {@code --clients} signed-in WebSocket clients while mentions are published at
 *       {@code --rate} per second for {@code --seconds}: publication → arrival at each client, p50 and p99;</li>
 *   <li><b>crossing to page</b>: under that load, a rule's threshold is crossed by a known mention; the time until
 *       the page email is in the local mail catcher.</li>
 * </ol>
 * Last line: {@code e2e_mentions_per_s=… ceiling_per_s=… ratio=… p50_screen_ms=… p99_screen_ms=… page_after_cross_s=…
 * heap_mb=… rss_mb=…}. Usage: {@code ReplayBench [mentions] [--processes 1|2] [--clients 200] [--rate 1000]
 * [--seconds 30]}.
 */
public final class ReplayBench {
  private static final String PASSWORD = "mesure des temps de réponse 2026";
  private static final int PARTITIONS = 4;

  private ReplayBench() {}

  public static void main(String[] args) throws Exception {
    int n = 100_000;
    int processes = 1;
    int clients = 200;
    int rate = 1_000;
    int seconds = 30;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--processes" -> processes = Integer.parseInt(args[++i]);
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--rate" -> rate = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        default -> n = Integer.parseInt(args[i]);
      }
    }
    long crossAt = rate * 10L; // ten seconds into a minute of the load
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
        new Watch("crue", null, List.of("crue", "#crue"), List.of("sainte-aure"), null),
        new Watch("latence", null, List.of("latence"), null, null)));
    AlertRules rules = new AlertRules(List.of(
        new VolumeThresholdRule("spike", "sainte-aure", Duration.ofMinutes(5), 500L, Duration.ofMinutes(15),
            Severity.HIGH, "bench"),
        new VolumeThresholdRule("latency-spike", "latence", Duration.ofMinutes(1), crossAt, Duration.ofMinutes(15),
            Severity.HIGH, "Seuil du banc")));
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong maxHeap = new AtomicLong();
    Thread sampler = Thread.ofPlatform().daemon().start(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        maxHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    long start = System.nanoTime();
    try (Assembly core = Assembly.start(new RuntimeOptions(EnumSet.of(Role.PROCESS, Role.ALERT, Role.PAGE,
        Role.INDEX, Role.CONSOLE), dir.resolve("data"), null, 0, "127.0.0.1", 0, PARTITIONS, null, watches, rules, null,
        null, null, null, null, new PagingOptions(null, dir.resolve("ack.key"), 0)));
        Assembly second = processes > 1 ? Assembly.start(new RuntimeOptions(EnumSet.of(Role.PROCESS),
            dir.resolve("process-2"), core.bootstrapServers(), 0, "127.0.0.1", 0, PARTITIONS, null, watches, rules, null,
            null, null, null)) : null) {
      double startup = (System.nanoTime() - start) / 1e9;
      log(String.format(Locale.ROOT, "started in %.1f s (%d processing instance%s)", startup, processes,
          processes > 1 ? "s" : ""));

      // 1. end to end
      long replayStart = System.nanoTime();
      ReplayCollector.Result result;
      try (Assembly collector = Assembly.start(new RuntimeOptions(EnumSet.of(Role.COLLECT),
          dir.resolve("collector"), core.bootstrapServers(), 0, "127.0.0.1", 0, PARTITIONS, null, watches, rules,
          new ReplayOptions(drill, null, 0, false, List.of(), false), null, null, null))) {
        result = collector.awaitReplay(600_000);
      }
      long stored = awaitStored(core.elasticsearchUrl(), core.bootstrapServers(), n, Duration.ofMinutes(20),
          replayStart);
      double endToEnd = n / ((System.nanoTime() - replayStart) / 1e9);
      long heapAfterLoad = maxHeap.get();
      log(String.format(Locale.ROOT, "end to end: %d of %d stored, %.0f mentions/s (replay alone %.0f/s)", stored, n,
          endToEnd, result.perSecond()));
      long stateBytes = sizeOf(dir.resolve("data"), p -> p.toString().contains("rocksdb"))
          + (second == null ? 0 : sizeOf(dir.resolve("process-2"), p -> p.toString().contains("rocksdb")));

      // 2. ceiling
      double ceiling = ceiling(core.bootstrapServers(), dir.resolve("ceiling"), n);
      log(String.format(Locale.ROOT, "ceiling (bare pass-through and 1-minute count): %.0f mentions/s", ceiling));

      // 3 and 4. mention to screen, crossing to page
      Screen screen = screen(core, clients, rate, seconds, crossAt);

      long rss = rssKb(ProcessHandle.current().pid());
      long esRss = ProcessHandle.current().descendants().mapToLong(p -> rssKb(p.pid())).sum();
      sampler.interrupt();
      System.out.printf(Locale.ROOT, "startup_s=%.1f processes=%d mentions=%d stored=%d replay_mentions_per_s=%.0f "
              + "heap_after_load_mb=%d state_mb=%.1f es_rss_mb=%d screen_clients=%d screen_rate=%d "
              + "screen_received=%.4f%n", startup, processes, n, stored, result.perSecond(), heapAfterLoad >> 20,
          stateBytes / 1048576.0, esRss >> 10, clients, rate, screen.received);
      System.out.printf(Locale.ROOT, "e2e_mentions_per_s=%.0f ceiling_per_s=%.0f ratio=%.2f p50_screen_ms=%d "
              + "p99_screen_ms=%d page_after_cross_s=%s heap_mb=%d rss_mb=%d%n", endToEnd, ceiling,
          endToEnd / ceiling, screen.p50, screen.p99, screen.pageAfterCross < 0 ? "none"
              : String.format(Locale.ROOT, "%.1f", screen.pageAfterCross), maxHeap.get() >> 20, rss >> 10);
    }
  }

  private static void log(String line) {
    System.err.println("bench: " + line);
  }

  /**
   * A bare Streams application over the raw topic (already holding the mentions): every record copied to a topic,
   * and counted per 1-minute window of its timestamp; mentions/s until its committed offsets reach the topic's end.
   */
  private static double ceiling(String bootstrap, Path stateDir, int n) throws Exception {
    String sink = "bench.ceiling.copy";
    StreamsBuilder builder = new StreamsBuilder();
    var raw = builder.stream(Topics.MENTIONS_RAW.name(), Consumed.with(Serdes.String(), Serdes.ByteArray())
        .withName("raw"));
    raw.to(sink, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("copy"));
    raw.groupBy((k, v) -> "all", Grouped.with("all", Serdes.String(), Serdes.ByteArray()))
        .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(1)))
        .count(Named.as("per-minute"))
        .toStream(Named.as("counts"))
        .map((w, c) -> KeyValue.pair(w.key() + "@" + w.window().startTime(), c), Named.as("flatten"))
        .to("bench.ceiling.counts", Produced.with(Serdes.String(), Serdes.Long()).withName("counts-sink"));
    String app = "cd-bench-ceiling";
    Map<TopicPartition, Long> ends;
    try (Admin admin = Admin.create(adminProps(bootstrap))) {
      admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(sink, 6, (short) 1),
          new org.apache.kafka.clients.admin.NewTopic("bench.ceiling.counts", 6, (short) 1))).all().get();
      ends = endOffsets(admin, Topics.MENTIONS_RAW.name());
    }
    long t = System.nanoTime();
    try (StreamsApp streams = StreamsApp.start(app, builder.build(), bootstrap, stateDir, new SimpleMeterRegistry());
        Admin admin = Admin.create(adminProps(bootstrap))) {
      Map<TopicPartition, Long> repartitionEnds = null;
      long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
      while (System.nanoTime() < deadline) {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(app)
            .partitionsToOffsetAndMetadata().get();
        if (reached(committed, ends)) {
          if (repartitionEnds == null) {
            String repartition = committed.keySet().stream().map(TopicPartition::topic)
                .filter(s -> s.endsWith("-repartition")).findFirst().orElse(null);
            repartitionEnds = repartition == null ? Map.of() : endOffsets(admin, repartition);
          }
          if (reached(committed, repartitionEnds)) {
            break;
          }
        }
        Thread.sleep(100);
      }
      return n / ((System.nanoTime() - t) / 1e9);
    }
  }

  private static boolean reached(Map<TopicPartition, OffsetAndMetadata> committed, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
    var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    partitions.forEach(p -> specs.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    Map<TopicPartition, Long> out = new HashMap<>();
    admin.listOffsets(specs).all().get().forEach((tp, info) -> out.put(tp, info.offset()));
    return out;
  }

  private static Properties adminProps(String bootstrap) {
    Properties p = new Properties();
    p.putAll(KafkaClients.common());
    p.put("bootstrap.servers", bootstrap);
    return p;
  }

  private record Screen(long p50, long p99, double received, double pageAfterCross) {}

  /**
   * {@code clients} WebSockets of one signed-in viewer; mentions published straight into the raw topic at
   * {@code rate}/s for {@code seconds}, each with its publication instant; the latency histogram of every arrival
   * at every client, and the time from the mention that crosses the rule's threshold to the page email.
   */
  private static Screen screen(Assembly core, int clients, int rate, int seconds, long crossAt)
      throws Exception {
    int total = rate * seconds;
    long[] sentAt = new long[total];
    AtomicIntegerArray histogram = new AtomicIntegerArray(600_001);
    AtomicLong arrivals = new AtomicLong();
    AccountAdmin.createMissing(core.bootstrapServers(), List.of(new AccountAdmin.NewAccount("banc", "Banc d'essai",
        Set.of(fr.communitydefender.domain.access.Role.VIEWER), PASSWORD)), "bench");
    String origin = "http://127.0.0.1:" + core.consolePort();
    HttpClient http = HttpClient.newHttpClient();
    String cookie = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (cookie == null && System.nanoTime() < deadline) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(origin + "/api/session"))
          .header("Content-Type", "application/json").header("Origin", origin)
          .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"banc\",\"password\":\"" + PASSWORD + "\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        cookie = r.headers().allValues("set-cookie").stream().map(c -> c.split(";", 2)[0])
            .reduce((a, b) -> a + "; " + b).orElseThrow();
      } else {
        Thread.sleep(500);
      }
    }
    if (cookie == null) {
      throw new IllegalStateException("the bench account could not sign in");
    }
    List<ByteWebSocket> sockets = new ArrayList<>();
    ByteWebSocket.Handler onMessage = (data, length, now) -> {
      if (startsWith(data, length, MENTION_MESSAGE)) { // one mention, or a batch ("mentions")
        for (int at = indexOf(data, length, LATENCY_ID, 0); at >= 0; at = indexOf(data, length, LATENCY_ID, at + 1)) {
          int i = 0;
          for (int d = at + LATENCY_ID.length; d < length && data[d] >= '0' && data[d] <= '9'; d++) {
            i = i * 10 + (data[d] - '0');
          }
          if (record(histogram, sentAt, i, now)) {
            arrivals.incrementAndGet();
          }
        }
      }
    };
    for (int i = 0; i < clients; i++) {
      sockets.add(ByteWebSocket.connect("127.0.0.1", core.consolePort(), "/ws", onMessage, "Cookie: " + cookie,
          "Origin: " + origin));
    }
    log(clients + " WebSocket clients connected");
    // where the time goes: publication to the enriched topic (visible to a read_committed reader, as the console)
    AtomicIntegerArray enrichedHistogram = new AtomicIntegerArray(600_001);
    AtomicBoolean tapping = new AtomicBoolean(true);
    Thread tap = Thread.ofPlatform().name("bench-tap").start(() -> tapEnriched(core.bootstrapServers(), sentAt,
        enrichedHistogram, tapping));
    MailCatcher mail = core.mailCatcher();
    int mailsBefore = mail.messages().size();
    Properties props = adminProps(core.bootstrapServers());
    props.put("linger.ms", 5);
    long crossSent = -1;
    Instant crossWall = null;
    Map<Instant, Long> perMinute = new HashMap<>();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
        new StringSerializer())) {
      long t0 = System.nanoTime();
      for (int i = 0; i < total; i++) {
        long due = t0 + (long) (i * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        Instant now = Instant.now();
        String id = "lat-" + i;
        String json = Json.write(new Mention(id, "bench", now, "Sainte-Aure : latence mesurée " + i, "l" + (i % 3000),
            null, "fr", 1, List.of()));
        sentAt[i] = System.nanoTime();
        producer.send(new ProducerRecord<>(Topics.MENTIONS_RAW.name(), id, json));
        if (perMinute.merge(now.truncatedTo(ChronoUnit.MINUTES), 1L, Long::sum) == crossAt && crossSent < 0) {
          crossSent = sentAt[i];
          crossWall = now;
          log("threshold " + crossAt + " crossed by " + id + " at " + now);
        }
      }
    }
    log(total + " mentions published at " + rate + "/s");
    logStreamThreads(core.registry());
    double pageAfterCross = -1;
    long pageDeadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (crossSent > 0 && System.nanoTime() < pageDeadline) {
      var page = mail.messages().stream().filter(m -> m.subject().contains("latence")).findFirst();
      if (page.isPresent()) { // the catcher's receipt time
        pageAfterCross = Math.max(0, Duration.between(crossWall, page.get().at()).toMillis() / 1000.0);
        log("page email received at " + page.get().at());
        break;
      }
      Thread.sleep(20);
    }
    mail.messages().stream().limit(mail.messages().size() - mailsBefore).forEach(m -> log("page email: "
        + m.subject()));
    if (crossSent > 0 && pageAfterCross < 0) {
      log("no page email for the latency rule within 180 s of the crossing");
    }
    long expected = (long) total * clients;
    // until every arrival, or 15 s without one (the console drops frames to a client whose queue is full); 300 s
    // at most
    long waitArrivals = System.nanoTime() + Duration.ofSeconds(300).toNanos();
    long lastCount = -1;
    long lastChange = System.nanoTime();
    while (arrivals.get() < expected && System.nanoTime() < waitArrivals
        && System.nanoTime() - lastChange < Duration.ofSeconds(15).toNanos()) {
      long now = arrivals.get();
      if (now != lastCount) {
        lastCount = now;
        lastChange = System.nanoTime();
      }
      Thread.sleep(200);
    }
    sockets.forEach(ByteWebSocket::close);
    tapping.set(false);
    tap.join();
    log("publication to the enriched topic (read_committed): p50 " + percentile(enrichedHistogram, 0.5) + " ms, p99 "
        + percentile(enrichedHistogram, 0.99) + " ms");
    return new Screen(percentile(histogram, 0.5), percentile(histogram, 0.99),
        arrivals.get() / (double) expected, pageAfterCross);
  }

  /** The processing stream thread's own account of its time (ratios of poll, process, commit; commit latency). */
  private static void logStreamThreads(io.micrometer.core.instrument.MeterRegistry registry) {
    StringBuilder sb = new StringBuilder();
    for (io.micrometer.core.instrument.Meter m : registry.getMeters()) {
      String name = m.getId().getName();
      String thread = m.getId().getTag("thread.id");
      if (name.startsWith("kafka.stream.thread.") && thread != null && thread.startsWith("cd-volume")
          && name.matches(".*\\.(ratio|commit\\.latency\\.(avg|max)|commit\\.rate|poll\\.records\\.avg"
              + "|poll\\.latency\\.avg|process\\.records\\.avg)")) {
        m.measure().forEach(x -> sb.append(' ').append(name.substring("kafka.stream.thread.".length())).append('=')
            .append(String.format(Locale.ROOT, "%.3f", x.getValue())));
      }
    }
    log("processing stream thread:" + sb);
  }

  private static void tapEnriched(String bootstrap, long[] sentAt, AtomicIntegerArray histogram,
      AtomicBoolean running) {
    Properties props = adminProps(bootstrap);
    props.put("isolation.level", "read_committed");
    try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.MENTIONS_ENRICHED.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      while (running.get()) {
        for (var r : consumer.poll(Duration.ofMillis(100))) {
          long now = System.nanoTime();
          if (r.key() != null && r.key().startsWith("lat-")) {
            record(histogram, sentAt, Integer.parseInt(r.key(), 4, r.key().length(), 10), now);
          }
        }
      }
    }
  }

  /** Counts mention {@code i}'s latency at {@code now} in the histogram (ms), if it was published here. */
  private static boolean record(AtomicIntegerArray histogram, long[] sentAt, int i, long now) {
    if (i < 0 || i >= sentAt.length || sentAt[i] == 0) {
      return false;
    }
    histogram.incrementAndGet((int) Math.min(600_000, (now - sentAt[i]) / 1_000_000));
    return true;
  }

  private static final byte[] MENTION_MESSAGE = "{\"type\":\"mention".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LATENCY_ID = "\"id\":\"lat-".getBytes(StandardCharsets.US_ASCII);

  private static boolean startsWith(byte[] data, int length, byte[] prefix) {
    return length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** Where {@code pattern} next occurs in {@code data[from..length)}, or -1 (its first byte found, then the rest). */
  private static int indexOf(byte[] data, int length, byte[] pattern, int from) {
    byte first = pattern[0];
    for (int i = from, last = length - pattern.length; i <= last; i++) {
      if (data[i] == first && data[i + 1] == pattern[1] && matches(data, i, pattern)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean matches(byte[] data, int at, byte[] pattern) {
    for (int j = 2; j < pattern.length; j++) {
      if (data[at + j] != pattern[j]) {
        return false;
      }
    }
    return true;
  }

  private static long percentile(AtomicIntegerArray histogram, double q) {
    long total = 0;
    for (int i = 0; i < histogram.length(); i++) {
      total += histogram.get(i);
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int i = 0; i < histogram.length(); i++) {
      seen += histogram.get(i);
      if (seen >= rank && total > 0) {
        return i;
      }
    }
    return -1;
  }

  private static long rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (Exception e) {
      return 0;
    }
    return 0;
  }

  private static long sizeOf(Path root, java.util.function.Predicate<Path> which) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(which).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (Exception e) {
          return 0;
        }
      }).sum();
    } catch (Exception e) {
      return 0;
    }
  }

  /**
   * Waits until Elasticsearch counts {@code n} mentions or the time is up, and returns the last count. No refresh is
   * forced while it indexes (the index refreshes every second), only when the count has not moved for two seconds.
   * Logs when the processing stage's committed offsets reached the end of the raw topic: which stage the end to end
   * waited for.
   */
  private static long awaitStored(String url, String bootstrap, long n, Duration max, long start) throws Exception {
    try (ElasticsearchClient es = EsClients.create(StorageConfig.local(url, 90));
        Admin admin = Admin.create(adminProps(bootstrap))) {
      Map<TopicPartition, Long> rawEnds = endOffsets(admin, Topics.MENTIONS_RAW.name());
      double processedAt = -1;
      long stored = 0;
      int still = 0;
      long deadline = System.nanoTime() + max.toNanos();
      while (stored < n && System.nanoTime() < deadline) {
        Thread.sleep(250);
        if (processedAt < 0 && reached(admin.listConsumerGroupOffsets("cd-volume").partitionsToOffsetAndMetadata()
            .get(), rawEnds)) {
          processedAt = (System.nanoTime() - start) / 1e9;
          log(String.format(Locale.ROOT, "processing stage caught up after %.1f s (%.0f mentions/s)", processedAt,
              n / processedAt));
        }
        if (still >= 8) { // two seconds without a change: make sure what is indexed is visible
          es.indices().refresh(r -> r.index(MentionDocument.INDEX_PATTERN));
          still = 0;
        }
        long now = es.count(c -> c.index(MentionDocument.INDEX_PATTERN)).count();
        still = now == stored ? still + 1 : 0;
        stored = now;
      }
      return stored;
    }
  }
}
