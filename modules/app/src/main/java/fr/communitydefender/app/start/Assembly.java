package fr.communitydefender.app.start;

import fr.communitydefender.collectors.replay.ReplayCollector;
import fr.communitydefender.console.ConsoleConfig;
import fr.communitydefender.devservices.mail.MailCatcher;
import fr.communitydefender.devservices.social.MastodonStandIn;
import fr.communitydefender.domain.config.KeyFiles;
import fr.communitydefender.domain.topic.TopicProvisioner;
import fr.communitydefender.paging.oncall.OnCallConfig;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Community Defender process: the units of the chosen roles, started in order and stopped in reverse, on
 * the embedded engines of local mode ({@link LocalEngines}) or against real clusters. Any subset of roles runs alone.
 */
public final class Assembly implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Assembly.class);
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<Unit> started = new ArrayList<>();
  private final Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
  private final LocalEngines engines = new LocalEngines();
  private Vertx vertx;
  private String bootstrap;
  private StorageUnit storage;
  private ConsoleUnit console;
  private HttpUnit http;
  private RoomUnit room;
  private ReplayUnit replay;

  private Assembly() {}

  public static Assembly start(RuntimeOptions options) {
    Assembly a = new Assembly();
    try {
      a.startAll(options);
    } catch (RuntimeException e) {
      a.close();
      throw e;
    }
    return a;
  }

  private void startAll(RuntimeOptions o) {
    new JvmMemoryMetrics().bindTo(registry);
    boolean embeddedStorage = o.needsStorage() && o.storage().embedded();
    if (embeddedStorage) {
      engines.launchElasticsearch(o.storage().esHome(), o.dataDir(), o.storage().esPort());
    }
    if (o.embeddedKafka()) {
      bootstrap = engines.startKafka(o.dataDir(), o.kafkaPort());
      TopicProvisioner.ensure(bootstrap, o.partitions(), (short) 1);
    } else {
      bootstrap = o.kafkaBootstrap();
      TopicProvisioner.ensure(bootstrap, o.partitions(), o.replicationFactor() == null ? -1 : o.replicationFactor());
    }
    UnitContext context = new UnitContext(bootstrap, o.dataDir().resolve("streams"), registry, this::vertx,
        o.embeddedKafka());
    if (o.needsStorage()) {
      storage = run(context, new StorageUnit(o.storage(),
          () -> embeddedStorage ? engines.awaitElasticsearch() : o.storage().url()), true);
      if (o.has(Role.INDEX)) {
        run(context, new IndexUnit(storage), true);
      }
    }
    if (o.has(Role.PROCESS)) {
      run(context, new ProcessUnit(o.watches(), o.sentiment()), true);
    }
    if (o.has(Role.DEEP)) {
      run(context, new DeepUnit(o.deep()), true);
    }
    if (o.has(Role.ALERT)) {
      run(context, new AlertUnit(o.rules(), o.watches()), true);
    }
    CollectUnit collect = o.has(Role.COLLECT) ? run(context, new CollectUnit(o.collectors()), false) : null;
    PageUnit page = o.has(Role.PAGE) ? startPaging(o, context) : null;
    if (o.has(Role.ROOM)) {
      String consoleUrl = o.console().access().publicOrigin() != null ? o.console().access().publicOrigin()
          : "http://" + o.httpHost() + ":" + o.httpPort();
      java.util.function.Supplier<fr.communitydefender.room.publish.SocialClient> demoMastodon =
          o.embeddedKafka() ? () -> engines.mastodonStandIn(o.room().mastodonStandInPort()) : null;
      room = run(context, new RoomUnit(o.room(), KeyFiles.readOrCreate(o.paging().ackKey()), consoleUrl,
          demoMastodon), true);
    }
    List<Function<Vertx, Router>> routes = new ArrayList<>();
    if (collect != null && collect.intakeRouter() != null) {
      Router intake = collect.intakeRouter();
      routes.add(v -> intake);
    }
    if (page != null && page.replyRoutes() != null) {
      routes.add(page.replyRoutes());
    }
    if (o.has(Role.CONSOLE)) {
      if (engines.mailboxRoute() != null) {
        routes.add(engines.mailboxRoute());
      }
      console = run(context, new ConsoleUnit(b -> new ConsoleConfig(o.httpHost(), o.httpPort(), b, 200,
          KeyFiles.readOrCreate(o.paging().ackKey()), o.console().access(), o.console().commune(),
          o.sentiment().modelDir()),
          () -> routes, checks, storage, o.console().demoAccounts()), false);
    } else {
      http = run(context, new HttpUnit(o.httpHost(), o.httpPort(), () -> routes, checks), false);
    }
    if (o.has(Role.COLLECT) && o.replay() != null) {
      replay = run(context, new ReplayUnit(o.replay()), false);
    }
    run(context, new WatchdogUnit(checks, o.dataDir()), false);
  }

  /** Without an on-call file: in local mode the demo people and a mail catcher; against a cluster, nobody. */
  private PageUnit startPaging(RuntimeOptions o, UnitContext context) {
    OnCallConfig oncall = o.paging().oncall();
    if (oncall == null) {
      if (!o.embeddedKafka()) {
        LOG.atWarn().log("role page without --oncall: nobody will be paged");
        return null;
      }
      oncall = engines.demoOnCall(o.dataDir(), o.paging().mailCatcherPort(),
          "http://" + o.httpHost() + ":" + o.httpPort());
    }
    return run(context, new PageUnit(oncall, KeyFiles.readOrCreate(o.paging().ackKey())), true);
  }

  private <U extends Unit> U run(UnitContext context, U unit, boolean checked) {
    started.add(unit);
    unit.start(context);
    if (checked) {
      checks.put(unit.name(), unit::healthy);
    }
    return unit;
  }

  /** The process's Vert.x instance, created on first use (collectors, console, pager, HTTP endpoints). */
  private synchronized Vertx vertx() {
    if (vertx == null) {
      vertx = Vertx.vertx();
    }
    return vertx;
  }

  public String bootstrapServers() {
    return bootstrap;
  }

  /** The Elasticsearch URL in use, or null when this run does not use storage. */
  public String elasticsearchUrl() {
    return storage == null ? null : storage.url();
  }

  /** The port of the HTTP endpoints of a process without the console (metrics, health, intakes), else -1. */
  public int intakePort() {
    return http == null ? -1 : http.port();
  }

  /** The demo mail catcher, or null when pages go to a real SMTP server (or nobody is paged). */
  public MailCatcher mailCatcher() {
    return engines.mailCatcher();
  }

  /** The local Mastodon stand-in receiving published responses, or null. */
  public MastodonStandIn mastodonStandIn() {
    return engines.mastodon();
  }

  public int consolePort() {
    return console == null ? -1 : console.port();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Waits for the replay to finish; null when there was none or it failed. */
  public ReplayCollector.Result awaitReplay(long millis) throws InterruptedException {
    return replay == null ? null : replay.await(millis);
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).stop();
      } catch (RuntimeException e) {
        LOG.atWarn().setCause(e).addKeyValue("unit", started.get(i).name()).log("error while stopping");
      }
    }
    started.clear();
    synchronized (this) {
      if (vertx != null) {
        try {
          vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          LOG.atWarn().setCause(e).log("error while stopping Vert.x");
        }
        vertx = null;
      }
    }
    engines.stop();
  }
}
