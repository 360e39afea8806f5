package fr.communitydefender.esnode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;

/**
 * Runs one single-node Elasticsearch in this JVM (a child process of the application): starts the server's
 * {@link Node} directly, without the CLI. Stops on SIGTERM, or when standard input closes (the parent is gone).
 *
 * <p>Arguments: {@code home data logs httpPort clusterName}.
 */
public final class NodeLauncher {
  private NodeLauncher() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: NodeLauncher <home> <data> <logs> <httpPort> <clusterName>");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    Path data = Path.of(args[1]).toAbsolutePath();
    Path logs = Path.of(args[2]).toAbsolutePath();
    String nodeName = "cd-node";
    Path config = home.resolve("config");
    for (Path p : new Path[] {config, data, logs, home.resolve("plugins")}) {
      Files.createDirectories(p);
    }
    Files.writeString(config.resolve("log4j2.properties"), """
        status = error
        appender.console.type = Console
        appender.console.name = console
        appender.console.layout.type = PatternLayout
        appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n
        rootLogger.level = info
        rootLogger.appenderRef.console.ref = console
        logger.deprecation.name = org.elasticsearch.deprecation
        logger.deprecation.level = error
        """, StandardCharsets.UTF_8);
    Files.deleteIfExists(logs.resolve("http.ports"));

    LogConfigurator.registerErrorListener();
    Settings settings = Settings.builder()
        .put("path.home", home.toString())
        .put("path.data", data.toString())
        .put("path.logs", logs.toString())
        .put("cluster.name", args[4])
        .put("node.name", nodeName)
        .put("discovery.type", "single-node")
        .put("network.host", "127.0.0.1")
        .put("transport.port", "9300-9399")
        .put("http.port", args[3])
        .put("node.portsfile", true)
        .put("cluster.routing.allocation.disk.threshold_enabled", false)
        .put("action.auto_create_index", "+mentions-*,-*")
        .build();
    Environment env = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config, () -> nodeName);
    LogConfigurator.setClusterName(args[4]);
    LogConfigurator.setNodeName(nodeName);
    LogConfigurator.configure(env, true);
    PluginsLoader loader = PluginsLoader.createPluginsLoader(
        PluginsLoader.loadModulesBundles(env.modulesDir(), false),
        PluginsLoader.loadPluginsBundles(env.pluginsDir(), false), Map.of(), false);
    Node node = new Node(env, loader).start();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        node.close();
        node.awaitClose(20, TimeUnit.SECONDS);
      } catch (IOException | InterruptedException e) {
        System.err.println("error while stopping the node: " + e);
      } finally {
        stopped.countDown();
      }
    }, "cd-node-shutdown"));
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // the parent keeps the pipe open while it lives
        }
      } catch (IOException ignored) {
        // parent gone
      }
      System.exit(0);
    }, "cd-node-parent-watch");
    watchdog.setDaemon(true);
    watchdog.start();
    stopped.await();
  }
}
