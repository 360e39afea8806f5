package fr.communitydefender.app.fault;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The application as a child process on loopback ports (its own Kafka broker and Elasticsearch node under its data
 * directory), started, killed and restarted by the fault scenarios.
 */
final class Child {
  final Path dataDir;
  final int httpPort;
  final int kafkaPort;
  final int esPort;
  private final List<String> extra;
  private Process process;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  Child(Path dataDir, List<String> extra) throws IOException {
    this.dataDir = dataDir;
    this.httpPort = freePort();
    this.kafkaPort = freePort();
    this.esPort = freePort();
    this.extra = List.copyOf(extra);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  String bootstrap() {
    return "127.0.0.1:" + kafkaPort;
  }

  String esUrl() {
    return "http://127.0.0.1:" + esPort;
  }

  void start() throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-Xmx" + System.getProperty("cd.fault.child.heap", "2g"));
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-Dcd.es.home=" + System.getProperty("cd.es.home", ""));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("fr.communitydefender.app.CommunityDefender");
    cmd.addAll(List.of("start", "--data-dir", dataDir.toString(), "--http-port", String.valueOf(httpPort),
        "--kafka-port", String.valueOf(kafkaPort), "--es-port", String.valueOf(esPort), "--no-progress"));
    cmd.addAll(extra);
    process = new ProcessBuilder(cmd).directory(root().toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(dataDir.getFileName() + ".log")
            .toFile())).start();
  }

  /** The project's root (where alert-rules/ is), from the working directory upwards: the child runs there. */
  static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !java.nio.file.Files.isDirectory(p.resolve("alert-rules"))) {
      p = p.getParent();
    }
    return p == null ? Path.of("").toAbsolutePath() : p;
  }

  /** Waits for {@code /healthz} to answer 200; false on time-out or if the process died. */
  boolean awaitHealthy(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return false;
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
            + "/healthz")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(250);
    }
    return false;
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL of the application and everything it started (the Elasticsearch node). */
  void kill9() throws InterruptedException {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    process.destroyForcibly();
    all.forEach(ProcessHandle::destroyForcibly);
    process.waitFor();
    for (ProcessHandle h : all) {
      h.onExit().join();
    }
  }

  /** The Elasticsearch node's process (the application's child JVM). */
  Optional<ProcessHandle> elasticsearch() {
    return process.descendants().filter(h -> h.info().commandLine().orElse("").contains("elasticsearch")
        || h.info().arguments().map(a -> String.join(" ", a)).orElse("").contains("es-home")).findFirst();
  }

  /** Stops (SIGTERM) and waits. */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        kill9();
      }
    }
  }
}
