package fr.communitydefender.app.start;

import fr.communitydefender.alerting.AlertingMetrics;
import fr.communitydefender.alerting.incident.AlertTopology;
import fr.communitydefender.domain.topic.Producers;
import fr.communitydefender.app.internal.StreamsApp;
import fr.communitydefender.collectors.CollectorMetrics;
import fr.communitydefender.collectors.live.LiveCollectors;
import fr.communitydefender.collectors.replay.ReplayCollector;
import fr.communitydefender.console.http.ApiErrors;
import fr.communitydefender.app.demo.DemoOnCall;
import fr.communitydefender.devservices.mail.MailCatcher;
import fr.communitydefender.domain.config.KeyFiles;
import fr.communitydefender.domain.paging.Notification;
import fr.communitydefender.paging.PagingMetrics;
import fr.communitydefender.paging.channel.ChannelSender;
import fr.communitydefender.paging.channel.EmailSender;
import fr.communitydefender.paging.channel.OvhSender;
import fr.communitydefender.paging.channel.SmppSender;
import fr.communitydefender.paging.channel.TwilioSender;
import fr.communitydefender.paging.channel.WebhookSender;
import fr.communitydefender.paging.escalation.PagingTopology;
import fr.communitydefender.paging.oncall.Channels;
import fr.communitydefender.paging.oncall.OnCallConfig;
import fr.communitydefender.paging.sender.Pager;
import fr.communitydefender.paging.sender.IncidentWhy;
import fr.communitydefender.paging.inbound.SmsReplies;
import fr.communitydefender.paging.inbound.TwilioReplyRouter;
import java.time.Duration;
import io.vertx.ext.web.Router;
import java.util.List;
import fr.communitydefender.console.ConsoleConfig;
import fr.communitydefender.console.ConsoleVerticle;
import fr.communitydefender.devservices.kafka.EmbeddedKafka;
import fr.communitydefender.domain.topic.TopicProvisioner;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.enrichment.Enricher;
import fr.communitydefender.enrichment.EnrichmentMetrics;
import fr.communitydefender.streams.PipelineMetrics;
import fr.communitydefender.streams.volume.VolumeConfig;
import fr.communitydefender.streams.volume.VolumeTopology;
import fr.communitydefender.streams.deep.DeepTopology;
import fr.communitydefender.enrichment.deep.DeepSentiment;
import fr.communitydefender.domain.mention.MentionAnalysis;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import fr.communitydefender.devservices.elasticsearch.EmbeddedElasticsearch;
import fr.communitydefender.storage.EsHealth;
import fr.communitydefender.storage.IndexSetup;
import fr.communitydefender.storage.StorageConfig;
import fr.communitydefender.storage.StorageIndexer;
import fr.communitydefender.storage.StorageMetrics;
import fr.communitydefender.storage.gdpr.Erasure;
import fr.communitydefender.storage.gdpr.Retention;
import fr.communitydefender.storage.internal.BulkWriter;
import fr.communitydefender.storage.internal.EsClientFactory;
import fr.communitydefender.storage.mentions.Pseudonymizer;
import fr.communitydefender.storage.mentions.Secrets;
import fr.communitydefender.storage.search.SearchService;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Community Defender process: the chosen roles, on the embedded broker or an external cluster. */
public final class LocalRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private String bootstrap;
  private String esUrl;
  private SearchService search;
  private Erasure erasure;
  private ConsoleVerticle console;
  private Vertx vertx;
  private LiveCollectors collectors;
  private int intakePort = -1;
  /** HTTP endpoints of the roles run here (webhook intakes, SMS replies), served by the console or on their own. */
  private final List<java.util.function.Function<Vertx, Router>> apiRouters = new java.util.ArrayList<>();
  private MailCatcher mailCatcher;
  private RoomUnit room;
  private Thread replayThread;
  private volatile ReplayCollector.Result replayResult;

  private LocalRuntime() {}

  public static LocalRuntime start(RuntimeOptions options) {
    LocalRuntime rt = new LocalRuntime();
    try {
      rt.startAll(options);
    } catch (RuntimeException e) {
      rt.close();
      throw e;
    }
    return rt;
  }

  private void startAll(RuntimeOptions o) {
    new JvmMemoryMetrics().bindTo(registry);
    EmbeddedElasticsearch.Starting esStarting = o.needsStorage() && o.storage().embedded()
        ? EmbeddedElasticsearch.launch(o.storage().esHome(), o.dataDir(), o.storage().esPort()) : null;
    if (esStarting != null) {
      resources.push(esStarting::abort);
    }
    if (o.embeddedKafka()) {
      EmbeddedKafka kafka = EmbeddedKafka.start(o.dataDir(), o.kafkaPort());
      resources.push(kafka);
      bootstrap = kafka.bootstrapServers();
      TopicProvisioner.ensure(bootstrap, o.partitions(), (short) 1);
    } else {
      bootstrap = o.kafkaBootstrap();
      TopicProvisioner.ensure(bootstrap, o.partitions(), o.replicationFactor() == null ? -1 : o.replicationFactor());
    }
    Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
    if (o.needsStorage()) {
      startStorage(o, esStarting, checks);
    }
    if (o.roles().contains(Role.PROCESS)) {
      StreamsApp volume = StreamsApp.start("cd-volume",
          VolumeTopology.build(VolumeConfig.of(o.watches().watches()),
              enricher(o), new PipelineMetrics(registry)),
          bootstrap, o.dataDir().resolve("streams"), registry);
      resources.push(volume);
      checks.put("process", volume::running);
    }
    if (o.roles().contains(Role.DEEP)) {
      startDeep(o, bootstrap, checks);
    }
    if (o.roles().contains(Role.ALERT)) {
      startAlerting(o, bootstrap, checks);
    }
    if (o.roles().contains(Role.COLLECT) && !o.collectors().collectors().isEmpty()) {
      collectors = LiveCollectors.start(vertx(), o.collectors(), bootstrap, new CollectorMetrics(registry));
      resources.push(collectors);
    }
    if (o.roles().contains(Role.PAGE)) {
      startPaging(o, checks);
    }
    if (o.roles().contains(Role.ROOM)) {
      String consoleUrl = o.console().access().publicOrigin() != null ? o.console().access().publicOrigin()
          : "http://" + o.httpHost() + ":" + o.httpPort();
      room = new RoomUnit(o.room(), KeyFiles.readOrCreate(o.paging().ackKey()), consoleUrl, registry);
      resources.push(room);
      room.start(bootstrap, o.dataDir().resolve("streams"), o.embeddedKafka());
      checks.put("room", room::healthy);
    }
    Router intake = collectors == null ? null : collectors.intakeRouter(ApiErrors::send);
    if (intake != null) {
      apiRouters.add(v -> intake);
    }
    if (o.roles().contains(Role.CONSOLE)) {
      startConsole(o, checks);
    } else if (!apiRouters.isEmpty()) {
      startIntakeServer(o);
    }
    if (o.roles().contains(Role.COLLECT) && o.replay() != null) {
      startReplay(o);
    }
    startWatchdog(o, checks);
  }

  /** Pages about this process's own stages when one stays down (see {@link Watchdog}). */
  private void startWatchdog(RuntimeOptions o, Map<String, BooleanSupplier> checks) {
    var producer = Producers.forTopic(bootstrap, Topics.INCIDENTS, "cd-watchdog");
    resources.push(producer);
    String instance = o.dataDir().toAbsolutePath().normalize().getFileName() + "-"
        + Integer.toHexString(o.dataDir().toAbsolutePath().normalize().toString().hashCode());
    Watchdog watchdog = new Watchdog(Map.copyOf(checks), e -> producer.send(new org.apache.kafka.clients.producer
        .ProducerRecord<>(Topics.INCIDENTS.name(), e.incident().id(), e)), Duration.ofSeconds(30), instance);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cd-watchdog");
      t.setDaemon(true);
      return t;
    });
    resources.push(timer::shutdownNow);
    timer.scheduleWithFixedDelay(() -> {
      try {
        watchdog.tick(Instant.now());
      } catch (RuntimeException e) {
        LOG.atWarn().addKeyValue("reason", e.toString()).log("watchdog round failed");
      }
    }, 10, 5, TimeUnit.SECONDS);
  }

  private void startStorage(RuntimeOptions o, EmbeddedElasticsearch.Starting starting,
      Map<String, BooleanSupplier> checks) {
    String url = o.storage().url();
    if (starting != null) {
      EmbeddedElasticsearch es = starting.await();
      resources.push(es);
      url = es.url();
    }
    StorageConfig config = o.storage().config(url);
    esUrl = url;
    ElasticsearchClient client = EsClientFactory.create(config);
    resources.push(client::close);
    try {
      IndexSetup.install(client, config.replicas());
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare Elasticsearch indices at " + url + ": " + e.getMessage(), e);
    }
    EsHealth health = new EsHealth(client);
    resources.push(health);
    checks.put("elasticsearch", health::up);
    Pseudonymizer pseudonymizer = Secrets.pseudonymizer(o.storage().keyFile());
    search = new SearchService(client);
    erasure = new Erasure(client, pseudonymizer);
    if (o.roles().contains(Role.INDEX)) {
      StorageMetrics metrics = new StorageMetrics(registry);
      var deadLetters = Producers.forTopic(bootstrap, Topics.DEAD_LETTER, "cd-indexer-dlq");
      resources.push(deadLetters);
      StorageIndexer indexer = new StorageIndexer(bootstrap, w -> new BulkWriter(client, metrics, w, 30_000),
          pseudonymizer, deadLetters, metrics, erasure);
      Thread thread = Thread.ofPlatform().name("cd-indexer").start(indexer);
      resources.push(() -> {
        indexer.close();
        thread.join(10_000);
      });
      checks.put("index", indexer::healthy);
      ScheduledExecutorService retention = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cd-retention");
        t.setDaemon(true);
        return t;
      });
      resources.push(retention::shutdownNow);
      retention.scheduleAtFixedRate(() -> {
        try {
          Retention.apply(client, config.retentionDays(), Instant.now());
        } catch (Exception e) {
          LOG.atWarn().addKeyValue("reason", e.toString()).log("retention run failed, will retry");
        }
      }, 0, 6, TimeUnit.HOURS);
    }
  }

  /**
   * The alerting Streams app; when the rules came from files, their folder is polled every 5 s and a valid change
   * restarts the app with the new rules (its state comes back from the state directory and changelog).
   */
  private void startAlerting(RuntimeOptions o, String bootstrap, Map<String, BooleanSupplier> checks) {
    AlertingMetrics metrics = new AlertingMetrics(registry);
    java.util.concurrent.atomic.AtomicReference<StreamsApp> app = new java.util.concurrent.atomic.AtomicReference<>(
        StreamsApp.start("cd-alerting", AlertTopology.build(o.rules(), metrics), bootstrap,
            o.dataDir().resolve("streams"), registry));
    resources.push(() -> app.get().close());
    checks.put("alert", () -> app.get().running());
    if (o.rules().source() == null) {
      return;
    }
    fr.communitydefender.alerting.rules.RulesReloader reloader = new fr.communitydefender.alerting.rules.RulesReloader(
        o.rules(), o.watches().ids(), rules -> {
          app.get().close();
          app.set(StreamsApp.start("cd-alerting", AlertTopology.build(rules, metrics), bootstrap,
              o.dataDir().resolve("streams"), registry));
        }, metrics);
    ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cd-rules-reload");
      t.setDaemon(true);
      return t;
    });
    watcher.scheduleWithFixedDelay(() -> {
      try {
        reloader.poll();
      } catch (RuntimeException e) {
        LOG.atWarn().addKeyValue("reason", e.toString()).log("rules reload failed, previous rules stay active");
      }
    }, 5, 5, TimeUnit.SECONDS);
    resources.push(watcher::shutdownNow);
  }

  private void startDeep(RuntimeOptions o, String bootstrap, Map<String, BooleanSupplier> checks) {
    if (!DeepSentiment.available()) {
      LOG.atWarn().log("role deep: the CoreNLP models jar is not on the class path, deep tier off");
      return;
    }
    LazyDeep deep = new LazyDeep();
    StreamsApp app = StreamsApp.start("cd-deep", DeepTopology.build(o.deep(), deep, new PipelineMetrics(registry),
        java.time.Instant::now), bootstrap, o.dataDir().resolve("streams"), registry, o.deep().threads());
    resources.push(app);
    checks.put("deep", app::running);
  }

  /** Loads the deep tier's models (8–15 s, ~650 MB) on the first mention selected for it, not at start-up. */
  private static final class LazyDeep implements java.util.function.Function<String, MentionAnalysis> {
    private volatile DeepSentiment deep;

    @Override
    public MentionAnalysis apply(String text) {
      DeepSentiment d = deep;
      if (d == null) {
        synchronized (this) {
          if (deep == null) {
            LOG.atInfo().log("deep tier: loading CoreNLP models");
            deep = DeepSentiment.load();
          }
          d = deep;
        }
      }
      return d.analyse(text);
    }
  }

  private Enricher enricher(RuntimeOptions o) {
    try {
      return Enricher.configured(new EnrichmentMetrics(registry), o.sentiment());
    } catch (IOException e) {
      throw new IllegalStateException("cannot load sentiment model: " + e.getMessage(), e);
    }
  }

  /** The process's Vert.x instance, created on first use (collectors, console, intake). */
  private Vertx vertx() {
    if (vertx == null) {
      vertx = Vertx.vertx();
      Vertx v = vertx;
      resources.push(() -> v.close().await(10, TimeUnit.SECONDS));
    }
    return vertx;
  }

  /**
   * Escalation (Streams app {@code cd-paging}) and the pager. Without an on-call file: in local mode, the demo people
   * and an in-process mail catcher; against an external cluster, nobody is paged (logged).
   */
  private void startPaging(RuntimeOptions o, Map<String, BooleanSupplier> checks) {
    OnCallConfig oncall = o.paging().oncall();
    if (oncall == null) {
      if (!o.embeddedKafka()) {
        LOG.atWarn().log("role page without --oncall: nobody will be paged");
        return;
      }
      mailCatcher = MailCatcher.start(o.paging().mailCatcherPort());
      resources.push(mailCatcher);
      oncall = DemoOnCall.load(o.dataDir(), mailCatcher.port(), "http://" + o.httpHost() + ":" + o.httpPort());
      LOG.atInfo().addKeyValue("smtpPort", mailCatcher.port()).log("demo on-call: pages go to the local mail catcher");
    }
    byte[] key = KeyFiles.readOrCreate(o.paging().ackKey());
    PagingMetrics metrics = new PagingMetrics(registry);
    StreamsApp app = StreamsApp.start("cd-paging", PagingTopology.build(oncall, key, metrics, Duration.ofSeconds(1)),
        bootstrap, o.dataDir().resolve("streams"), registry);
    resources.push(app);
    Map<Notification.Channel, ChannelSender> senders = new java.util.EnumMap<>(Notification.Channel.class);
    Channels ch = oncall.channels();
    if (ch.email() != null) {
      senders.put(Notification.Channel.EMAIL, new EmailSender(vertx(), ch.email()));
    }
    if (ch.sms() != null) {
      senders.put(Notification.Channel.SMS, switch (ch.sms().provider()) {
        case "ovh" -> new OvhSender(vertx(), ch.sms().ovh());
        case "twilio" -> new TwilioSender(vertx(), ch.sms().twilio());
        default -> {
          SmppSender smpp = new SmppSender(ch.sms().smpp());
          resources.push(smpp);
          yield smpp;
        }
      });
    }
    if (ch.webhook() != null) {
      senders.put(Notification.Channel.WEBHOOK, new WebhookSender(vertx(), ch.webhook()));
    }
    var attempts = Producers.forTopic(bootstrap, Topics.PAGING_ATTEMPTS, "cd-pager-attempts");
    var outbox = Producers.forTopic(bootstrap, Topics.PAGING_OUTBOX, "cd-pager-outbox",
        fr.communitydefender.domain.paging.OutboxSignature.serializer(key));
    resources.push(attempts);
    resources.push(outbox);
    SmsReplies replies = new SmsReplies();
    if (oncall.channels().smsReplies()) {
      var commands = Producers.forTopic(bootstrap, Topics.INCIDENT_COMMANDS, "cd-pager-replies");
      resources.push(commands);
      OnCallConfig config = oncall;
      apiRouters.add(v -> TwilioReplyRouter.create(v, config, replies, commands));
    }
    Pager pager = new Pager(bootstrap, senders, oncall, attempts, outbox, metrics, 4, Duration.ofSeconds(2), replies,
        new IncidentWhy(vertx(), oncall.consoleUrl()), key);
    Thread thread = Thread.ofPlatform().name("cd-pager").start(pager);
    resources.push(() -> {
      pager.close();
      thread.join(10_000);
    });
    checks.put("page", () -> app.running() && pager.healthy());
  }

  /**
   * Without the console role, the other roles' HTTP endpoints (webhook intakes, SMS replies) get their own server on
   * the console's address.
   */
  private void startIntakeServer(RuntimeOptions o) {
    Router root = Router.router(vertx());
    apiRouters.forEach(api -> root.route("/api/*").subRouter(api.apply(vertx())));
    ApiErrors.install(root);
    try {
      var server = vertx().createHttpServer().requestHandler(root).listen(o.httpPort(), o.httpHost())
          .await(30, TimeUnit.SECONDS);
      intakePort = server.actualPort();
      LOG.atInfo().addKeyValue("url", "http://" + o.httpHost() + ":" + server.actualPort() + "/api/intake/")
          .log("HTTP endpoints of the roles (intakes, SMS replies) listening");
    } catch (TimeoutException e) {
      throw new IllegalStateException("intake server did not start within 30 s", e);
    }
  }

  private void startConsole(RuntimeOptions o, Map<String, BooleanSupplier> checks) {
    Vertx vertx = vertx();
    List<java.util.function.Function<Vertx, Router>> api = new java.util.ArrayList<>(apiRouters);
    if (mailCatcher != null) {
      MailCatcher catcher = mailCatcher;
      api.add(v -> {
        Router r = Router.router(v);
        r.get("/dev/mailbox").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
            .end(fr.communitydefender.domain.json.Json.write(catcher.messages())));
        return r;
      });
    }
    if (o.console().demoAccounts()) {
      int created = fr.communitydefender.app.demo.DemoAccounts.ensure(bootstrap);
      LOG.atInfo().addKeyValue("created", created).log("demo accounts ready");
    }
    console = new ConsoleVerticle(new ConsoleConfig(o.httpHost(), o.httpPort(), bootstrap, 200,
        KeyFiles.readOrCreate(o.paging().ackKey()), o.console().access(), o.console().commune()), registry, checks,
        search, erasure, api);
    try {
      vertx.deployVerticle(console).await(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("console did not start within 30 s", e);
    }
  }

  private void startReplay(RuntimeOptions o) {
    var mentions = Producers.forTopic(bootstrap, Topics.MENTIONS_RAW, "cd-replay");
    var deadLetters = Producers.forTopic(bootstrap, Topics.DEAD_LETTER, "cd-replay-dlq");
    resources.push(mentions);
    resources.push(deadLetters);
    ReplayCollector collector = new ReplayCollector(mentions, deadLetters, new CollectorMetrics(registry), System.err);
    replayThread = Thread.ofPlatform().name("cd-replay").start(() -> {
      try {
        replayResult = collector.replay(o.replay());
        LOG.atInfo().addKeyValue("published", replayResult.published())
            .addKeyValue("deadLettered", replayResult.deadLettered())
            .addKeyValue("perSecond", Math.round(replayResult.perSecond())).log("drill replayed");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        LOG.atError().setCause(e).addKeyValue("file", o.replay().file()).log("replay failed");
      }
    });
    resources.push(() -> {
      replayThread.interrupt();
      replayThread.join(5_000);
    });
  }

  public String bootstrapServers() {
    return bootstrap;
  }

  /** The Elasticsearch URL in use, or null when this run does not use storage. */
  public String elasticsearchUrl() {
    return esUrl;
  }

  /** The port of the server of the roles' HTTP endpoints when they run without the console, else -1. */
  public int intakePort() {
    return intakePort;
  }

  /** The demo mail catcher, or null when pages go to a real SMTP server (or nobody is paged). */
  public MailCatcher mailCatcher() {
    return mailCatcher;
  }

  /** The local Mastodon stand-in receiving published responses, or null. */
  public fr.communitydefender.devservices.social.MastodonStandIn mastodonStandIn() {
    return room == null ? null : room.mastodonStandIn();
  }

  public int consolePort() {
    return console == null ? -1 : console.actualPort();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Waits for the replay to finish; null when there was none or it failed. */
  public ReplayCollector.Result awaitReplay(long millis) throws InterruptedException {
    if (replayThread != null) {
      replayThread.join(millis);
    }
    return replayResult;
  }

  @Override
  public void close() {
    while (!resources.isEmpty()) {
      AutoCloseable r = resources.pop();
      try {
        r.close();
      } catch (Exception e) {
        LOG.atWarn().setCause(e).log("error while stopping");
      }
    }
  }
}
