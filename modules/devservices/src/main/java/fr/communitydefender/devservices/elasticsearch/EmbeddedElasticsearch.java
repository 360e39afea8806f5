package fr.communitydefender.devservices.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Elasticsearch 9.5 in a child JVM (it cannot share ours: Netty 4.1 vs 4.2, log4j), started from
 * the home built by the {@code es-node} module. Its data and logs live under {@code dataDir/elasticsearch}; the child
 * stops on {@link #close()} (SIGTERM, clean shutdown) or when this JVM dies (its standard input closes).
 */
public final class EmbeddedElasticsearch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
  /** System property naming the es-home folder (set by scripts/start and the build). */
  public static final String HOME_PROPERTY = "cd.es.home";
  private static final List<String> LIBZSTD = List.of("/usr/lib/x86_64-linux-gnu/libzstd.so.1",
      "/usr/lib/aarch64-linux-gnu/libzstd.so.1", "/usr/lib64/libzstd.so.1", "/usr/lib/libzstd.so.1");

  private final Process process;
  private final String url;
  private final Path root;

  private EmbeddedElasticsearch(Process process, String url, Path root) {
    this.process = process;
    this.url = url;
    this.root = root;
  }

  /** A node that is starting; {@link Starting#await()} blocks until it answers. */
  public static final class Starting {
    private final Process process;
    private final Path root;
    private final long t0 = System.nanoTime();
    private volatile boolean handedOver;

    private Starting(Process process, Path root) {
      this.process = process;
      this.root = root;
    }

    /** Stops the node if {@link #await()} never handed it over (start-up failed elsewhere). */
    public void abort() {
      if (!handedOver && process.isAlive()) {
        process.destroy();
        try {
          process.waitFor(40, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
      }
    }

    public EmbeddedElasticsearch await() {
      Path ports = root.resolve("logs/http.ports");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      try {
        while (!Files.exists(ports) || Files.readString(ports).isBlank()) {
          if (!process.isAlive()) {
            throw new IllegalStateException("Elasticsearch exited with code " + process.exitValue() + "; see "
                + root.resolve("logs/node.out"));
          }
          if (System.nanoTime() > deadline) {
            process.destroyForcibly();
            throw new IllegalStateException("Elasticsearch did not start within 120 s; see " + root.resolve(
                "logs/node.out"));
          }
          Thread.sleep(100);
        }
        String url = "http://" + Files.readString(ports).lines().findFirst().orElseThrow().trim();
        waitForRoot(url, deadline);
        LOG.atInfo().addKeyValue("url", url).addKeyValue("ms", (System.nanoTime() - t0) / 1_000_000)
            .addKeyValue("dir", root).log("embedded Elasticsearch started");
        handedOver = true;
        return new EmbeddedElasticsearch(process, url, root);
      } catch (IOException e) {
        process.destroyForcibly();
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting Elasticsearch", e);
      }
    }
  }

  /** Launches the child JVM and returns at once; {@code httpPort} 0 picks a free port. */
  public static Starting launch(Path esHome, Path dataDir, int httpPort) {
    Path home = resolveHome(esHome);
    Path root = dataDir.toAbsolutePath().resolve("elasticsearch");
    try {
      Path instance = root.resolve("home");
      Files.createDirectories(instance.resolve("config"));
      Files.createDirectories(instance.resolve("plugins"));
      Files.createDirectories(root.resolve("logs"));
      link(instance.resolve("lib"), home.resolve("lib"));
      link(instance.resolve("modules"), home.resolve("modules"));
      Path nativeDir = Files.createDirectories(root.resolve("native"));
      String zstd = LIBZSTD.stream().filter(p -> Files.exists(Path.of(p))).findFirst().orElse(null);
      if (zstd == null) {
        LOG.warn("libzstd.so.1 not found (Debian package libzstd1): compressed indices may fail");
      } else {
        link(nativeDir.resolve("libzstd.so"), Path.of(zstd));
      }
      Files.deleteIfExists(root.resolve("logs/http.ports"));
      List<String> cmd = new ArrayList<>();
      cmd.add(ProcessHandle.current().info().command().orElse("java"));
      cmd.addAll(List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC", "-Xss1m", "-Dfile.encoding=UTF-8",
          "-Djava.locale.providers=CLDR", "-Dio.netty.noUnsafe=true", "-Dio.netty.noKeySetOptimization=true",
          "-Dio.netty.recycler.maxCapacityPerThread=0", "-Dlog4j.shutdownHookEnabled=false",
          "-Dlog4j2.disable.jmx=true", "-Dlog4j2.formatMsgNoLookups=true", "--enable-native-access=ALL-UNNAMED",
          "--add-modules=jdk.incubator.vector", "-Des.nativelibs.path=" + nativeDir,
          "-Dorg.elasticsearch.nativeaccess.enableVectorLibrary=false",
          "-XX:SharedArchiveFile=" + root.resolve("node.jsa"), "-XX:+AutoCreateSharedArchive",
          "-cp", instance.resolve("lib") + "/*", "fr.communitydefender.esnode.NodeLauncher",
          instance.toString(), root.resolve("data").toString(), root.resolve("logs").toString(),
          Integer.toString(httpPort), "community-defender"));
      Process process = new ProcessBuilder(cmd)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("logs/node.out").toFile()))
          .start();
      return new Starting(process, root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot launch Elasticsearch: " + e.getMessage(), e);
    }
  }

  private static Path resolveHome(Path esHome) {
    Path home = esHome != null ? esHome : System.getProperty(HOME_PROPERTY) == null ? null
        : Path.of(System.getProperty(HOME_PROPERTY));
    if (home == null || !Files.isDirectory(home.resolve("lib")) || !Files.isDirectory(home.resolve("modules"))) {
      throw new IllegalStateException("no Elasticsearch home at " + home
          + " (build it with `mvn install`; it is modules/es-node/target/es-home)");
    }
    return home.toAbsolutePath();
  }

  private static void link(Path link, Path target) throws IOException {
    if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
      return;
    }
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, target);
  }

  private static void waitForRoot(String url, long deadlineNanos) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadlineNanos) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/_cluster/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() == 200 && !r.body().contains("\"status\":\"red\"")) {
          return;
        }
      } catch (IOException e) {
        // not yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("Elasticsearch at " + url + " did not become ready");
  }

  public String url() {
    return url;
  }

  public Path root() {
    return root;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    LOG.atInfo().addKeyValue("exit", process.isAlive() ? "killed" : process.exitValue())
        .log("embedded Elasticsearch stopped");
  }
}
