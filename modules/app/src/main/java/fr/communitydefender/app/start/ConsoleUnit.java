package fr.communitydefender.app.start;

import fr.communitydefender.console.ConsoleConfig;
import fr.communitydefender.console.ConsoleVerticle;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Role {@code console}: the HTTP API, the pages, the WebSocket, {@code /metrics} and {@code /healthz}; it also serves
 * the other roles' HTTP routes of the process (webhook intakes, SMS replies and, in the demo, the mailbox).
 */
final class ConsoleUnit implements Unit {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleUnit.class);
  private final ConsoleConfigSource source;
  private final Supplier<List<Function<Vertx, Router>>> routes;
  private final Map<String, BooleanSupplier> checks;
  private final StorageUnit storage;
  private final boolean demoAccounts;
  private ConsoleVerticle console;

  /** What the console needs to know at start: its config given the bootstrap servers. */
  interface ConsoleConfigSource {
    ConsoleConfig config(String bootstrap);
  }

  ConsoleUnit(ConsoleConfigSource source, Supplier<List<Function<Vertx, Router>>> routes,
      Map<String, BooleanSupplier> checks, StorageUnit storage, boolean demoAccounts) {
    this.source = Objects.requireNonNull(source, "source");
    this.routes = Objects.requireNonNull(routes, "routes");
    this.checks = Objects.requireNonNull(checks, "checks");
    this.storage = storage;
    this.demoAccounts = demoAccounts;
  }

  @Override
  public String name() {
    return "console";
  }

  @Override
  public void start(UnitContext c) {
    Vertx vertx = c.vertx().get();
    List<Function<Vertx, Router>> api = new ArrayList<>(routes.get());
    if (demoAccounts) {
      int created = fr.communitydefender.app.demo.DemoAccounts.ensure(c.bootstrap());
      LOG.atInfo().addKeyValue("created", created).log("demo accounts ready");
    }
    console = new ConsoleVerticle(source.config(c.bootstrap()), c.registry(), checks,
        storage == null ? null : storage.search(), storage == null ? null : storage.erasure(), api);
    try {
      vertx.deployVerticle(console).await(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("console did not start within 30 s", e);
    }
  }

  int port() {
    return console == null ? -1 : console.actualPort();
  }

  @Override
  public boolean healthy() {
    return console != null;
  }

  @Override
  public void stop() {
    console = null;   // undeployed when the process's Vert.x closes
  }
}
