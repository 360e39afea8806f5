package fr.communitydefender.app.fault;

import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.topic.TopicReader;
import fr.communitydefender.domain.topic.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;

/**
 * Scale-out proven with processes (no Docker engine here): one process runs the embedded broker and node (and the
 * indexer), then 2 processing processes, 2 consoles and 1 collector (a webhook intake) run against them — the four
 * on the <em>production</em> class path ({@code modules/dist/target/lib}: no embedded engines). A load is posted to
 * the intake, one processing process is killed (SIGKILL) half-way, and the harness measures how long until the
 * survivor owns every partition, then checks every mention was enriched once, counted once in the watch's windows
 * and stored once, and that WebSocket
 * clients of both consoles received every mention. Last line:
 * {@code processes=… mentions=… counted=… windowed=… stored=… lost=… duplicated=… rebalance_s=… clients_complete=…}.
 */
public final class ScaleOut {
  private static final String TOKEN = "scale-out-intake-token";
  private static final String PASSWORD = "scale-out-viewer-2026";
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String tag = "scale" + Long.toHexString(System.nanoTime());
  private final List<Proc> procs = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    int mentions = 20_000;
    int rate = 300;
    int clientsPerConsole = 2;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--mentions" -> mentions = Integer.parseInt(args[i + 1]);
        case "--rate" -> rate = Integer.parseInt(args[i + 1]);
        case "--clients" -> clientsPerConsole = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    ScaleOut s = new ScaleOut();
    boolean ok;
    try {
      ok = s.run(mentions, rate, clientsPerConsole);
    } finally {
      s.stopAll();
    }
    System.exit(ok ? 0 : 1);
  }

  /** A child JVM: the application with a command line, on the full or the production class path. */
  private static final class Proc {
    final String name;
    final int httpPort;
    final Path log;
    final Process process;

    Proc(String name, Path dir, boolean production, List<String> args) throws IOException {
      this.name = name;
      this.httpPort = Child.freePort();
      this.log = dir.resolve(name + ".log");
      Path root = Child.root();
      String classPath = production ? root.resolve("modules/dist/target/lib") + "/*"
          : System.getProperty("java.class.path");
      List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
          production ? "-Xmx384m" : "-Xmx768m", "--enable-native-access=ALL-UNNAMED",
          "-Dcd.es.home=" + System.getProperty("cd.es.home", ""), "-Dcd.log.level=WARN", "-cp", classPath,
          "fr.communitydefender.app.CommunityDefender"));
      cmd.addAll(args);
      if (args.get(0).equals("start")) {
        cmd.addAll(List.of("--http-port", String.valueOf(httpPort), "--data-dir", dir.resolve(name).toString(),
            "--no-progress"));
      }
      process = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
    }
  }

  private boolean run(int mentions, int rate, int clientsPerConsole) throws Exception {
    Path dir = Files.createTempDirectory("cd-scale-out");
    int kafkaPort = Child.freePort();
    int esPort = Child.freePort();
    String bootstrap = "127.0.0.1:" + kafkaPort;
    log("working directory " + dir);
    Proc engines = start(new Proc("engines", dir, false, List.of("start", "--roles", "index", "--kafka-port",
        String.valueOf(kafkaPort), "--es-port", String.valueOf(esPort), "--partitions", "6")));
    awaitHealthy(engines, Duration.ofMinutes(4));
    log("engines up: Kafka " + bootstrap + ", Elasticsearch :" + esPort + " (and the indexer)");
    Proc admin = new Proc("admin", dir, false, List.of("admin", "create", "--username", "veille", "--roles", "viewer",
        "--kafka-bootstrap", bootstrap));
    admin.process.getOutputStream().write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
    admin.process.getOutputStream().close();
    if (admin.process.waitFor() != 0) {
      throw new IllegalStateException("admin create failed: " + Files.readString(admin.log));
    }
    Path token = dir.resolve("intake.token");
    Files.writeString(token, TOKEN);
    Path collectors = dir.resolve("collectors.yaml");
    Files.writeString(collectors, "collectors:\n  - {type: webhook, id: load, token: {file: " + token + "}, "
        + "max_batch: 1000}\n");
    Path watches = dir.resolve("watches.yaml");
    Files.writeString(watches, "watches:\n  - {id: scale, name: Scale-out, any: [\"" + tag + "\"]}\n");
    List<String> cluster = List.of("--kafka-bootstrap", bootstrap, "--partitions", "6");
    List<String> process = List.of("start", "--roles", "process", "--watches", watches.toString());
    Proc process1 = start(new Proc("process-1", dir, true, concat(process, cluster)));
    Proc process2 = start(new Proc("process-2", dir, true, concat(process, cluster)));
    List<Proc> consoles = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      consoles.add(start(new Proc("console-" + i, dir, true, concat(List.of("start", "--roles", "console",
          "--elasticsearch-url", "http://127.0.0.1:" + esPort), cluster))));
    }
    Proc collect = start(new Proc("collect", dir, true, concat(List.of("start", "--roles", "collect",
        "--collectors", collectors.toString()), cluster)));
    for (Proc p : List.of(process1, process2, consoles.get(0), consoles.get(1), collect)) {
      awaitHealthy(p, Duration.ofMinutes(3));
    }
    awaitMembers(bootstrap, 2, Duration.ofMinutes(2));
    log("2 processing processes share the partitions; 2 consoles and the collector are up (production class path)");

    List<Client> clients = new ArrayList<>();
    for (Proc c : consoles) {
      for (int i = 0; i < clientsPerConsole; i++) {
        clients.add(new Client(c));
      }
    }
    log(clients.size() + " WebSocket clients connected");

    long t0 = System.nanoTime();
    int batch = 100;
    double rebalance = -1;
    boolean killed = false;
    for (int sent = 0; sent < mentions; sent += batch) {
      long due = t0 + (long) (sent * 1e9 / rate);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      post(collect, sent, Math.min(batch, mentions - sent));
      if (!killed && sent >= mentions / 2) {
        killed = true;
        long k0 = System.nanoTime();
        process1.process.destroyForcibly().waitFor();
        log("process-1 killed (SIGKILL) after " + sent + " mentions");
        Thread.ofPlatform().start(() -> {
          try {
            awaitMembers(bootstrap, 1, Duration.ofMinutes(2));
            double s = (System.nanoTime() - k0) / 1e9;
            log(String.format(Locale.ROOT, "partitions moved to process-2 in %.1f s", s));
            rebalanceSeconds = s;
          } catch (Exception e) {
            log("rebalance not seen: " + e.getMessage());
          }
        });
      }
    }
    log(mentions + " mentions accepted by the intake");
    long stored = awaitStored(esPort, mentions, Duration.ofMinutes(5));
    Set<String> counted = new HashSet<>();
    long duplicated = 0;
    Map<String, Integer> seen = new HashMap<>();
    for (var r : fr.communitydefender.domain.topic.TopicReader.readAll(bootstrap, Topics.MENTIONS_ENRICHED,
        Duration.ofMinutes(2))) {
      if (r.key() != null && r.key().contains(tag)) {
        counted.add(r.key());
        seen.merge(r.key(), 1, Integer::sum);
      }
    }
    for (int n : seen.values()) {
      duplicated += n - 1;
    }
    // the 1-minute windows of the watch, re-emitted as they grow: the last (largest) count of each, summed; the
    // counting sub-topology (after the repartition by watch) may still be catching up after the failover
    long windowed = 0;
    long w0 = System.nanoTime();
    long windowsDeadline = w0 + Duration.ofMinutes(3).toNanos();
    while (true) {
      Map<Instant, Long> windows = new HashMap<>();
      for (var r : fr.communitydefender.domain.topic.TopicReader.readAll(bootstrap, Topics.SIGNALS_VOLUME,
          Duration.ofMinutes(2))) {
        if (r.value() != null && r.value().watchId().equals("scale")) {
          windows.merge(r.value().windowStart(), r.value().count(), Math::max);
        }
      }
      windowed = windows.values().stream().mapToLong(Long::longValue).sum();
      if (windowed >= mentions || System.nanoTime() > windowsDeadline) {
        break;
      }
      log("windows count " + windowed + " of " + mentions + " so far");
      Thread.sleep(2000);
    }
    log(String.format(Locale.ROOT, "windows counted %d mentions, %.1f s after the last was stored", windowed,
        (System.nanoTime() - w0) / 1e9));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (clients.stream().anyMatch(c -> c.ids.size() < mentions) && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    long complete = clients.stream().filter(c -> c.ids.size() >= mentions).count();
    for (Client c : clients) {
      log(c.console.name + " client: " + c.ids.size() + " mentions received");
    }
    rebalance = rebalanceSeconds;
    long lost = mentions - Math.min(Math.min(stored, counted.size()), windowed);
    duplicated += Math.max(0, windowed - mentions) + Math.max(0, stored - mentions);
    System.out.printf(Locale.ROOT, "processes=6 mentions=%d counted=%d windowed=%d stored=%d lost=%d duplicated=%d "
        + "rebalance_s=%.1f clients_complete=%d/%d%n", mentions, counted.size(), windowed, stored, lost, duplicated,
        rebalance, complete, clients.size());
    return lost == 0 && duplicated == 0 && stored == mentions && windowed == mentions && complete == clients.size()
        && rebalance >= 0;
  }

  private volatile double rebalanceSeconds = -1;

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private Proc start(Proc p) {
    procs.add(p);
    return p;
  }

  private void awaitHealthy(Proc p, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.process.isAlive()) {
        throw new IllegalStateException(p.name + " died: see " + p.log);
      }
      try {
        if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p.httpPort + "/healthz"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(300);
    }
    throw new IllegalStateException(p.name + " did not answer /healthz: see " + p.log);
  }

  /** Waits until the processing group has {@code members} members that own every partition of the raw topic. */
  private static void awaitMembers(String bootstrap, int members, Duration timeout) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        ConsumerGroupDescription g = admin.describeConsumerGroups(List.of("cd-volume")).all().get()
            .get("cd-volume");
        int raw = 0;
        for (MemberDescription m : g.members()) {
          raw += (int) m.assignment().topicPartitions().stream()
              .filter(tp -> tp.topic().equals(Topics.MENTIONS_RAW.name())).count();
        }
        if (g.members().size() == members && raw == 6) {
          return;
        }
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("the group cd-volume never had " + members + " member(s) owning the partitions");
  }

  private void post(Proc collect, int from, int n) throws Exception {
    StringBuilder body = new StringBuilder("{\"mentions\":[");
    String now = Instant.now().toString();
    for (int i = from; i < from + n; i++) {
      body.append(i == from ? "" : ",").append("{\"id\":\"").append(tag).append('-').append(i)
          .append("\",\"publishedAt\":\"").append(now).append("\",\"text\":\"Sainte-Aure : la crue monte rue ")
          .append(i % 50).append(' ').append(tag).append(" message ").append(i)
          .append("\",\"author\":\"habitant_").append(i % 500).append("\",\"lang\":\"fr\"}");
    }
    body.append("]}");
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + collect.httpPort
          + "/api/intake/load")).header("Authorization", "Bearer " + TOKEN).header("Content-Type",
          "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).timeout(
          Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 202) {
        return;
      }
      if (attempt >= 5) {
        throw new IllegalStateException("intake answered " + r.statusCode() + ": " + r.body());
      }
      Thread.sleep(1000);
    }
  }

  private long awaitStored(int esPort, long expected, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long stored = 0;
    long last = -1;
    long still = System.nanoTime();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + esPort
          + "/mentions-*/_count?q=text:" + tag)).build(), HttpResponse.BodyHandlers.ofString());
      stored = r.statusCode() == 200 ? Json.MAPPER.readTree(r.body()).path("count").asLong() : stored;
      if (stored >= expected) {
        return stored;
      }
      if (stored != last) {
        last = stored;
        still = System.nanoTime();
      } else if (System.nanoTime() - still > Duration.ofSeconds(90).toNanos()) {
        return stored;
      }
      Thread.sleep(1000);
    }
    return stored;
  }

  /** A signed-in viewer's WebSocket on a console, collecting the ids of the run's mentions it receives. */
  private final class Client implements WebSocket.Listener {
    final Proc console;
    final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final StringBuilder partial = new StringBuilder();

    Client(Proc console) throws Exception {
      this.console = console;
      String origin = "http://127.0.0.1:" + console.httpPort;
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(origin + "/api/session"))
          .header("Content-Type", "application/json").header("Origin", origin)
          .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"veille\",\"password\":\"" + PASSWORD + "\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("sign-in on " + console.name + ": " + r.statusCode() + " " + r.body());
      }
      String cookie = r.headers().allValues("set-cookie").stream().map(c -> c.split(";", 2)[0])
          .reduce((a, b) -> a + "; " + b).orElseThrow();
      http.newWebSocketBuilder().header("Cookie", cookie).header("Origin", origin)
          .buildAsync(URI.create("ws://127.0.0.1:" + console.httpPort + "/ws"), this).get();
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        if (text.contains("\"type\":\"mention")) { // one mention, or a batch ("mentions")
          for (int at = text.indexOf("\"id\":\""); at >= 0; at = text.indexOf("\"id\":\"", at + 1)) {
            int from = at + 6;
            int end = text.indexOf('"', from);
            String id = text.substring(from, end);
            if (id.contains(tag + "-")) {
              ids.add(id.substring(id.indexOf(tag + "-")));
            }
          }
        }
      }
      ws.request(1);
      return null;
    }
  }

  private void stopAll() {
    for (int i = procs.size() - 1; i >= 0; i--) {
      Process p = procs.get(i).process;
      if (p.isAlive()) {
        p.toHandle().descendants().forEach(ProcessHandle::destroy);
        p.destroy();
      }
    }
    for (Proc p : procs) {
      try {
        p.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (p.process.isAlive()) {
        p.process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        p.process.destroyForcibly();
      }
    }
  }

  private static void log(String s) {
    System.err.println("scale-out: " + s);
  }
}
