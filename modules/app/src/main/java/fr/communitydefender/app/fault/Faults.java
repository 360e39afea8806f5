package fr.communitydefender.app.fault;

import fr.communitydefender.app.demo.DemoOnCall;
import fr.communitydefender.domain.topic.TopicReader;
import fr.communitydefender.devservices.mail.MailCatcher;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.paging.DeliveryAttempt;
import fr.communitydefender.domain.topic.TopicSpec;
import fr.communitydefender.domain.topic.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Fault scenarios against the application run as a child process on loopback ports (bounded in time). Each prints a
 * last line {@code scenario=… produced=… stored=… lost=… duplicated=… incidents_lost=… pages_doubled=… recovery_s=…}:
 * <ul>
 *   <li>{@code kill9}: mentions published under load; the whole application (and its Elasticsearch node) killed with
 *       SIGKILL at random moments, restarted on the same data; Kafka compared with Elasticsearch;</li>
 *   <li>{@code es-outage}: the Elasticsearch node stopped (SIGSTOP) for a while under load, then resumed;</li>
 *   <li>{@code mail-down}: the SMTP server pages go to stops while incidents page, then comes back;</li>
 *   <li>{@code hostile}: malformed and hostile inputs through the webhook intake and the raw topic.</li>
 * </ul>
 * {@code recovery_s}: after a restart (or the end of an outage), seconds from the application answering again to the
 * first mention stored (the longest of the rounds).
 */
@Command(name = "fault", mixinStandardHelpOptions = true, description = "Fault scenarios: kill9, es-outage, "
    + "mail-down, hostile.")
public final class Faults implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SCENARIO", description = "kill9, es-outage, mail-down or hostile")
  String scenario;

  @Option(names = "--mentions", description = "Mentions published under load (default: ${DEFAULT-VALUE}).")
  int mentions = 20_000;

  @Option(names = "--rate", description = "Mentions per second (default: ${DEFAULT-VALUE}).")
  int rate = 500;

  @Option(names = "--rounds", description = "kill9: kill-and-restart rounds (default: ${DEFAULT-VALUE}).")
  int rounds = 3;

  @Option(names = "--outage", description = "es-outage, mail-down: seconds of outage (default: ${DEFAULT-VALUE}).")
  int outage = 120;

  @Option(names = "--inputs", description = "hostile: inputs sent (default: ${DEFAULT-VALUE}).")
  int inputs = 10_000;

  @Option(names = "--work-dir", description = "Where the child's data goes (default: a new temporary directory).")
  Path workDir;

  @Option(names = "--seed", description = "Random seed of the kill moments (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String tag = "run" + Long.toHexString(System.nanoTime());
  /** The last line, for tests. */
  Result result;

  /** What a scenario found. */
  record Result(String scenario, long produced, long stored, long lost, long duplicated, long incidentsLost,
      long pagesDoubled, double recoverySeconds, long deadLettered, long refused, boolean alive) {
    String line() {
      return String.format(java.util.Locale.ROOT, "scenario=%s produced=%d stored=%d lost=%d duplicated=%d "
          + "incidents_lost=%d pages_doubled=%d recovery_s=%.1f%s", scenario, produced, stored, lost, duplicated,
          incidentsLost, pagesDoubled, recoverySeconds, scenario.equals("hostile") ? " dead_lettered=" + deadLettered
              + " refused=" + refused + " alive=" + alive : "");
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Faults()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("cd-fault");
    result = switch (scenario) {
      case "kill9" -> kill9(dir);
      case "es-outage" -> esOutage(dir);
      case "mail-down" -> mailDown(dir);
      case "hostile" -> hostile(dir);
      default -> throw new CommandLine.ParameterException(new CommandLine(this), "unknown scenario " + scenario);
    };
    System.out.println(result.line());
    return result.lost() == 0 && result.duplicated() == 0 && result.incidentsLost() == 0 && result.pagesDoubled() == 0
        && result.alive() ? 0 : 1;
  }

  // ---------------------------------------------------------------------------------------------- scenarios

  private Result kill9(Path dir) throws Exception {
    Child app = new Child(dir.resolve("app"), List.of());
    start(app);
    Random random = new Random(seed);
    double recovery = 0;
    try (Load load = new Load(app.bootstrap(), tag, mentions, rate)) {
      load.start();
      long t0 = System.nanoTime();
      double span = (double) mentions / rate; // seconds of load: the kills fall at random moments within it
      for (int round = 1; round <= rounds; round++) {
        double at = span * (round - 1 + 0.2 + random.nextDouble() * 0.6) / rounds;
        while ((System.nanoTime() - t0) / 1e9 < at) {
          Thread.sleep(50);
        }
        log("round " + round + ": SIGKILL after " + load.sent() + " mentions sent, " + stored(app) + " stored");
        app.kill9();
        app.start();
        recovery = Math.max(recovery, recovery(app));
      }
      load.finish(Duration.ofMinutes(5));
      return settle("kill9", app, load, recovery);
    } finally {
      app.stop();
    }
  }

  private Result esOutage(Path dir) throws Exception {
    Child app = new Child(dir.resolve("app"), List.of());
    start(app);
    try (Load load = new Load(app.bootstrap(), tag, mentions, rate)) {
      load.start();
      while (load.sent() < mentions / 4) {
        Thread.sleep(50);
      }
      ProcessHandle es = app.elasticsearch().orElseThrow(() -> new IllegalStateException("no Elasticsearch child"));
      log("Elasticsearch (pid " + es.pid() + ") stopped for " + outage + " s, " + stored(app) + " stored");
      signal("STOP", es.pid());
      Thread.sleep(outage * 1000L);
      signal("CONT", es.pid());
      long t0 = System.nanoTime();
      long before = stored(app);
      while (stored(app) <= before && System.nanoTime() - t0 < Duration.ofMinutes(3).toNanos()) {
        Thread.sleep(250);
      }
      double recovery = (System.nanoTime() - t0) / 1e9;
      load.finish(Duration.ofMinutes(5));
      return settle("es-outage", app, load, recovery);
    } finally {
      app.stop();
    }
  }

  private Result mailDown(Path dir) throws Exception {
    int smtp = Child.freePort();
    Files.createDirectories(dir);
    DemoOnCall.load(dir, smtp, "http://127.0.0.1");
    Child app = new Child(dir.resolve("app"), List.of("--oncall", dir.resolve("demo/oncall.yaml").toString()));
    MailCatcher mail = MailCatcher.start(smtp);
    start(app);
    double recovery;
    try (Load load = new Load(app.bootstrap(), tag, mentions, rate)) {
      log("SMTP down for " + outage + " s while the load opens incidents");
      mail.close();
      load.start();
      Thread.sleep(outage * 1000L);
      long t0 = System.nanoTime();
      mail = MailCatcher.start(smtp);
      MailCatcher m = mail;
      while (m.messages().isEmpty() && System.nanoTime() - t0 < Duration.ofMinutes(3).toNanos()) {
        Thread.sleep(250);
      }
      recovery = (System.nanoTime() - t0) / 1e9;
      load.finish(Duration.ofMinutes(5));
      Thread.sleep(5_000);
      return settle("mail-down", app, load, recovery);
    } finally {
      app.stop();
      mail.close();
    }
  }

  private Result hostile(Path dir) throws Exception {
    Files.createDirectories(dir);
    Path token = dir.resolve("intake.token");
    Files.writeString(token, "jeton-" + tag);
    Path collectors = dir.resolve("collectors.yaml");
    Files.writeString(collectors, "collectors:\n  - type: webhook\n    id: hostile\n    token: {file: " + token
        + "}\n    max_bytes: 262144\n");
    Child app = new Child(dir.resolve("app"), List.of("--collectors", collectors.toString()));
    start(app);
    long refused = 0;
    long sent = 0;
    Set<String> storable = new HashSet<>();
    Set<Integer> refusedIds = new HashSet<>();
    Map<String, Integer> storableIndex = new HashMap<>();
    try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        app.bootstrap(), ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2_000_000),
        new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < inputs; i++) {
        Hostile.Input in = Hostile.input(i, tag);
        sent++;
        boolean intake = (i / 12) % 2 == 0; // every kind goes both ways
        if (intake) {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort
              + "/api/intake/hostile")).header("Content-Type", "application/json")
              .header("Authorization", "Bearer jeton-" + tag).timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofByteArray(in.body())).build(), HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() >= 400) {
            refused++;
            refusedIds.add(i);
          } else if (in.storable()) {
            storable.add("webhook:hostile:" + in.id());
            storableIndex.put("webhook:hostile:" + in.id(), i);
          }
        } else {
          byte[] body = in.body();
          String text = new String(body, StandardCharsets.ISO_8859_1);
          if (text.startsWith("{\"id\":")) { // the raw topic carries our Mention JSON: with its source
            body = ("{\"source\":\"hostile\"," + text.substring(1)).getBytes(StandardCharsets.ISO_8859_1);
          }
          try {
            raw.send(new ProducerRecord<>(Topics.MENTIONS_RAW.name(), "hostile-" + i, body)).get();
            if (in.storable()) {
              storable.add(in.id());
              storableIndex.put(in.id(), i);
            }
          } catch (java.util.concurrent.ExecutionException e) { // e.g. over the broker's record size: refused
            refused++;
            refusedIds.add(i);
          }
        }
      }
    }
    boolean alive = app.awaitHealthy(Duration.ofSeconds(30));
    try {
      // every input accounted for: stored (the valid ones, found by id), dead-lettered (its marker in a dead
      // letter's payload) or refused to the sender with a 4xx (or by Kafka)
      java.util.regex.Pattern marker = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(tag) + "#(\\d+)#");
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      Set<Integer> accounted = new HashSet<>();
      Set<Integer> dead = new HashSet<>();
      Set<Integer> storedIdx = new HashSet<>();
      while (System.nanoTime() < deadline) {
        dead.clear();
        for (var d : values(app.bootstrap(), Topics.DEAD_LETTER)) {
          var m = marker.matcher(d.payload() == null ? "" : d.payload());
          while (m.find()) {
            dead.add(Integer.parseInt(m.group(1)));
          }
        }
        storedIdx.clear();
        for (String id : storedIds(app, storable)) {
          storedIdx.add(storableIndex.get(id));
        }
        accounted.clear();
        accounted.addAll(refusedIds);
        accounted.addAll(dead);
        accounted.addAll(storedIdx);
        if (accounted.size() >= sent) {
          break;
        }
        Thread.sleep(2000);
      }
      List<Integer> missing = new ArrayList<>();
      for (int i = 0; i < sent && missing.size() < 5; i++) {
        if (!accounted.contains(i)) {
          missing.add(i);
        }
      }
      if (!missing.isEmpty()) {
        log("inputs neither stored, dead-lettered nor refused, e.g. " + missing + " (kind = index % 12)");
      }
      return new Result("hostile", sent, storedIdx.size(), sent - accounted.size(), 0, 0, 0, 0, dead.size(),
          refused, alive && app.alive());
    } finally {
      app.stop();
    }
  }

  // ---------------------------------------------------------------------------------------------- measures

  private void start(Child app) throws Exception {
    Files.createDirectories(app.dataDir);
    app.start();
    if (!app.awaitHealthy(Duration.ofMinutes(3))) {
      throw new IllegalStateException("the application did not start (see " + app.dataDir + ".log)");
    }
    log("application up: console :" + app.httpPort + ", Kafka " + app.bootstrap() + ", Elasticsearch " + app.esUrl());
  }

  /** Waits for the restarted application, then for the first mention stored after it answers. */
  private double recovery(Child app) throws Exception {
    if (!app.awaitHealthy(Duration.ofMinutes(3))) {
      throw new IllegalStateException("the application did not come back (see " + app.dataDir + ".log)");
    }
    long t0 = System.nanoTime();
    long before = stored(app);
    while (stored(app) <= before && System.nanoTime() - t0 < Duration.ofMinutes(3).toNanos()) {
      Thread.sleep(200);
    }
    double s = (System.nanoTime() - t0) / 1e9;
    log(String.format(java.util.Locale.ROOT, "back: first mention stored %.1f s after the console answered", s));
    return s;
  }

  /** Waits until Elasticsearch holds what Kafka accepted (or stops growing), then compares. */
  private Result settle(String name, Child app, Load load, double recovery) throws Exception {
    long produced = load.acked();
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    long stored = 0;
    long last = -1;
    long still = System.nanoTime();
    while (System.nanoTime() < deadline) {
      stored = stored(app);
      if (stored >= produced) {
        break;
      }
      if (stored != last) {
        last = stored;
        still = System.nanoTime();
      } else if (System.nanoTime() - still > Duration.ofSeconds(60).toNanos()) {
        break;
      }
      Thread.sleep(1000);
    }
    long duplicated = duplicates(app.bootstrap(), Topics.MENTIONS_ENRICHED, Load.PREFIX + tag);
    Set<String> incidents = new HashSet<>();
    for (IncidentEvent e : values(app.bootstrap(), Topics.INCIDENTS)) {
      if (e.type() == IncidentEvent.Type.OPENED || e.type() == IncidentEvent.Type.REOPENED) {
        incidents.add(e.incident().id());
      }
    }
    Thread.sleep(5_000);
    long incidentsLost = incidents.stream().filter(id -> !exists(app, "cd-incidents", id)).count();
    Map<String, Integer> sentPages = new HashMap<>();
    for (DeliveryAttempt a : values(app.bootstrap(), Topics.PAGING_ATTEMPTS)) {
      if (a.outcome() == DeliveryAttempt.Outcome.SENT) {
        sentPages.merge(a.notificationId(), 1, Integer::sum);
      }
    }
    long doubled = sentPages.values().stream().filter(n -> n > 1).count();
    log(incidents.size() + " incidents, " + sentPages.size() + " pages sent");
    return new Result(name, produced, stored, Math.max(0, produced - stored), duplicated, incidentsLost, doubled,
        recovery, 0, 0, app.alive());
  }

  private long stored(Child app) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(app.esUrl() + "/mentions-*/_count?q=text:"
          + tag)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return 0;
      }
      return Json.MAPPER.readTree(r.body()).path("count").asLong();
    } catch (IOException | InterruptedException e) {
      return 0;
    }
  }

  /** The ids among {@code ids} that Elasticsearch holds. */
  private Set<String> storedIds(Child app, Set<String> ids) throws Exception {
    Set<String> found = new HashSet<>();
    List<String> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += 500) {
      var body = Json.MAPPER.createObjectNode();
      body.putObject("query").putObject("ids").putPOJO("values", all.subList(from, Math.min(all.size(), from + 500)));
      body.put("size", 500).put("_source", false);
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(app.esUrl() + "/mentions-*/_search"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
          .build(), HttpResponse.BodyHandlers.ofString());
      Json.MAPPER.readTree(r.body()).path("hits").path("hits").forEach(h -> found.add(h.path("_id").asText()));
    }
    return found;
  }

  private boolean exists(Child app, String index, String id) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(app.esUrl() + "/" + index + "/_doc/"
          + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static void signal(String sig, long pid) throws Exception {
    new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).inheritIO().start().waitFor();
  }

  /** The values of a topic (committed records, from the beginning to its current end). */
  static <V> List<V> values(String bootstrap, TopicSpec<String, V> topic) {
    return TopicReader.readAll(bootstrap, topic, Duration.ofMinutes(2)).stream().map(ConsumerRecord::value)
        .filter(java.util.Objects::nonNull).toList();
  }

  /** Keys starting with {@code prefix} seen more than once on a topic (committed records). */
  static long duplicates(String bootstrap, TopicSpec<String, ?> topic, String prefix) {
    Map<String, Integer> seen = new HashMap<>();
    for (var r : TopicReader.readAll(bootstrap, topic, Duration.ofMinutes(2))) {
      if (r.key() != null && r.key().startsWith(prefix)) {
        seen.merge(r.key(), 1, Integer::sum);
      }
    }
    return seen.values().stream().mapToLong(n -> n - 1).sum();
  }

  static void log(String s) {
    System.err.println("fault: " + s);
  }

  /** Publishes mentions of a watch of the demo at a steady rate; counts what Kafka acknowledged. */
  static final class Load implements AutoCloseable {
    static final String PREFIX = "fault:";
    private final KafkaProducer<String, Mention> producer;
    private final String tag;
    private final int total;
    private final int rate;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private Thread thread;

    Load(String bootstrap, String tag, int total, int rate) {
      this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
          ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
          ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
          ProducerConfig.MAX_BLOCK_MS_CONFIG, 600_000, ProducerConfig.LINGER_MS_CONFIG, 20),
          new StringSerializer(), Topics.MENTIONS_RAW.valueSerde().serializer());
      this.tag = tag;
      this.total = total;
      this.rate = rate;
    }

    void start() {
      thread = Thread.ofPlatform().name("fault-load").start(() -> {
        long t0 = System.nanoTime();
        for (int i = 0; i < total; i++) {
          long due = t0 + (long) (i * 1e9 / rate);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
          }
          String id = PREFIX + tag + "-" + i;
          Mention m = new Mention(id, "fault", Instant.now(), "Sainte-Aure : la crue monte rue " + (i % 50)
              + " " + tag + " message " + i, "habitant_" + (i % 500), null, "fr", 1, List.of());
          producer.send(new ProducerRecord<>(Topics.MENTIONS_RAW.name(), id, m), (meta, e) -> {
            if (e == null) {
              acked.incrementAndGet();
            } else {
              failed.incrementAndGet();
            }
          });
          sent.incrementAndGet();
        }
      });
    }

    long sent() {
      return sent.get();
    }

    long acked() {
      return acked.get();
    }

    boolean running() {
      return thread.isAlive();
    }

    void finish(Duration timeout) throws InterruptedException {
      thread.join(timeout.toMillis());
      producer.flush();
      log(acked.get() + " mentions acknowledged by Kafka, " + failed.get() + " refused");
    }

    @Override
    public void close() {
      producer.close(Duration.ofSeconds(30));
    }
  }
}
