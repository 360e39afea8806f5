package fr.communitydefender.console;

import fr.communitydefender.console.access.AccessHandler;
import fr.communitydefender.console.access.AccessRouter;
import fr.communitydefender.console.access.AccountsView;
import fr.communitydefender.console.access.AuditLog;
import fr.communitydefender.console.access.LoginThrottle;
import fr.communitydefender.console.access.OidcLogin;
import fr.communitydefender.console.access.Sessions;
import fr.communitydefender.console.feed.FeedHub;
import fr.communitydefender.console.situation.SituationRouter;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.console.feed.internal.KafkaFeedReader;
import fr.communitydefender.console.http.ApiErrors;
import fr.communitydefender.console.http.KafkaSender;
import fr.communitydefender.console.silences.SilenceView;
import fr.communitydefender.console.silences.SilencesRouter;
import fr.communitydefender.console.incidents.IncidentExplanations;
import fr.communitydefender.console.incidents.IncidentView;
import fr.communitydefender.console.incidents.IncidentsRouter;
import fr.communitydefender.console.ops.OpsRouter;
import fr.communitydefender.console.search.SearchRouter;
import fr.communitydefender.enrichment.explain.Explainer;
import fr.communitydefender.storage.gdpr.Erasure;
import fr.communitydefender.storage.search.SearchService;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console: HTTP API, Prometheus metrics, the live page and its WebSocket ({@code /ws}). Kafka is read on a
 * dedicated thread; everything reaching the event loop is already decoded.
 */
public final class ConsoleVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleVerticle.class);
  /** The uPlot version served under /vendor/uplot/ (the WebJar of the build; see the POM). */
  static final String UPLOT = "1.6.30";
  private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

  private final ConsoleConfig config;
  private final PrometheusMeterRegistry registry;
  private final Map<String, BooleanSupplier> extraChecks;
  private final IncidentView incidents = new IncidentView();
  private KafkaFeedReader reader;
  private Thread readerThread;
  private HttpServer server;

  private final SearchService search;
  private final Erasure erasure;
  private final Explainer explainer = Explainer.standard();
  private final SilenceView silences = new SilenceView();
  private KafkaSender sender;
  private final fr.communitydefender.console.ops.CollectorHealthView collectors =
      new fr.communitydefender.console.ops.CollectorHealthView();
  private final fr.communitydefender.console.paging.PagesView pages = new fr.communitydefender.console.paging.PagesView();
  private final java.util.List<java.util.function.Function<io.vertx.core.Vertx, Router>> extraApi;

  /** {@code search} and {@code erasure} may be null when no storage is configured (their routes then answer 503). */
  public ConsoleVerticle(ConsoleConfig config, PrometheusMeterRegistry registry,
      Map<String, BooleanSupplier> extraChecks, SearchService search, Erasure erasure) {
    this(config, registry, extraChecks, search, erasure, java.util.List.of());
  }

  /** {@code extraApi}: routers of other roles of this process mounted under {@code /api} (e.g. webhook intakes). */
  public ConsoleVerticle(ConsoleConfig config, PrometheusMeterRegistry registry,
      Map<String, BooleanSupplier> extraChecks, SearchService search, Erasure erasure,
      java.util.List<java.util.function.Function<io.vertx.core.Vertx, Router>> extraApi) {
    this.extraApi = java.util.List.copyOf(extraApi);
    this.config = config;
    this.registry = registry;
    this.search = search;
    this.erasure = erasure;
    this.extraChecks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extraChecks));
  }

  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> start() {
    java.time.Clock clock = config.access().clock();
    FeedHub hub = new FeedHub(config.recentMentions(), incidents, registry);
    Sessions sessions = new Sessions(clock, config.access().idleTimeout(), config.access().absoluteTimeout());
    AccountsView accounts = new AccountsView();
    java.util.Set<String> usedLinks = java.util.concurrent.ConcurrentHashMap.newKeySet();
    sender = new KafkaSender(config.kafkaBootstrap());
    AuditLog audit = new AuditLog(sender, clock);
    SituationRouter situation = config.ackKey() == null ? null
        : new SituationRouter(vertx, incidents, search, sender, config.ackKey(), clock);
    java.util.List<KafkaFeedReader.ReadWhole<?>> wholes = new java.util.ArrayList<>();
    wholes.add(new KafkaFeedReader.ReadWhole<>(Topics.ACCOUNTS, accounts::apply));
    wholes.add(new KafkaFeedReader.ReadWhole<>(Topics.ACK_LINKS_USED, (k, v) -> usedLinks.add(k)));
    java.util.Map<String, fr.communitydefender.domain.incident.IncidentSummary> summaries =
        new java.util.concurrent.ConcurrentHashMap<>();
    wholes.add(new KafkaFeedReader.ReadWhole<>(Topics.INCIDENT_SUMMARIES, (k, v) -> {
      if (v != null) {
        summaries.put(k, v);
      }
    }));
    fr.communitydefender.console.room.RoomView rooms = new fr.communitydefender.console.room.RoomView();
    fr.communitydefender.console.room.RoomService roomService =
        new fr.communitydefender.console.room.RoomService(vertx, sender, clock);
    fr.communitydefender.console.room.WordingLibrary wording = new fr.communitydefender.console.room.WordingLibrary();
    hub.inbound(new fr.communitydefender.console.room.RoomSocket(hub, roomService, audit, sessions));
    wholes.add(new KafkaFeedReader.ReadWhole<>(Topics.ROOM_STATES, (k, v) -> {
      if (v != null) {
        rooms.apply(v);
        context.runOnContext(x -> hub.broadcast("room", fr.communitydefender.domain.json.Json.write(
            Map.of("type", "room", "incidentId", v.incidentId(), "state", v))));
      }
    }));
    wholes.add(new KafkaFeedReader.ReadWhole<>(Topics.ROOM_DRAFTS, (k, v) -> {
      if (v != null) {
        rooms.apply(v);
        context.runOnContext(x -> hub.broadcast("room", fr.communitydefender.domain.json.Json.write(
            Map.of("type", "room", "incidentId", v.incidentId(), "draft", v))));
      }
    }));
    wholes.add(new KafkaFeedReader.ReadWhole<>(Topics.MAIN_COURANTE, (k, v) -> {
      if (v != null) {
        rooms.apply(v);
        context.runOnContext(x -> hub.broadcast("entry", fr.communitydefender.domain.json.Json.write(
            Map.of("type", "entry", "entry", v))));
      }
    }));
    wholes.add(new KafkaFeedReader.ReadWhole<>(Topics.PUBLISHING_SWITCH, (k, v) -> {
      if (v != null) {
        rooms.apply(v);
        context.runOnContext(x -> hub.broadcast("switch", fr.communitydefender.domain.json.Json.write(
            Map.of("type", "switch", "switch", v))));
      }
    }));
    wholes.add(new KafkaFeedReader.ReadWhole<>(Topics.WORDING, wording::apply));
    fr.communitydefender.console.corrections.CorrectionsView corrections =
        new fr.communitydefender.console.corrections.CorrectionsView();
    wholes.add(new KafkaFeedReader.ReadWhole<>(Topics.SENTIMENT_CORRECTIONS, (k, v) -> {
      corrections.apply(k, v);
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("type", "correction");
      message.put("mentionId", k);
      message.put("correction", v == null ? null
          : fr.communitydefender.console.corrections.CorrectionsRouter.publicView(v));
      String json = fr.communitydefender.domain.json.Json.write(message);
      context.runOnContext(x -> hub.broadcast("correction", json));
    }));
    wholes.add(new KafkaFeedReader.ReadWhole<>(Topics.ROOM_OUTCOMES, (k, v) -> {
      if (v != null) {
        roomService.outcome(v);
      }
    }, true));
    if (situation != null) {
      wholes.add(new KafkaFeedReader.ReadWhole<>(Topics.SITUATION_LINKS, (k, v) -> {
        if (v != null) {
          situation.apply(v);
        }
      }));
    }
    reader = new KafkaFeedReader(config.kafkaBootstrap(), incidents, silences, collectors, pages,
        m -> context.runOnContext(v -> hub.mention(m)),
        e -> context.runOnContext(v -> hub.incident(e)),
        config.recentMentions(), wholes);
    readerThread = Thread.ofPlatform().name("cd-console-kafka").daemon().start(reader);
    vertx.setPeriodic(FeedHub.FLUSH_MS, id -> hub.flush());
    vertx.setPeriodic(5_000, id -> hub.closeEnded(a -> sessions.alive(a.sessionId())
        && accounts.get(a.username()) != null && !accounts.get(a.username()).disabled()));

    Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
    checks.put("kafka", reader::healthy);
    checks.putAll(extraChecks);

    Router root = Router.router(vertx);
    root.route().handler(ctx -> {
      ctx.response().putHeader("Content-Security-Policy", CSP).putHeader("X-Content-Type-Options", "nosniff")
          .putHeader("Referrer-Policy", "no-referrer").putHeader("X-Frame-Options", "DENY");
      ctx.next();
    });
    root.route().handler(new AccessHandler(config.access().hosts(config.host()), config.access().publicOrigin(),
        sessions, accounts, audit));
    root.get("/healthz").handler(ctx -> {
      boolean up = checks.values().stream().allMatch(BooleanSupplier::getAsBoolean);
      ctx.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json; charset=utf-8")
          .end(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    });
    root.route("/ws").handler(ctx -> {
      fr.communitydefender.console.access.Actor actor = fr.communitydefender.console.access.Actor.of(ctx);
      ctx.request().toWebSocket()
          .onSuccess(ws -> hub.join(ws, actor))
          .onFailure(e -> ApiErrors.send(ctx, 400, "WebSocket upgrade required"));
    });
    root.route("/api/*").subRouter(new AccessRouter(vertx, sessions, accounts, new LoginThrottle(clock), sender,
        audit, clock, config.access().secureCookies()).router());
    root.route("/*").subRouter(config.access().oidc() == null ? OidcLogin.disabled(vertx)
        : new OidcLogin(vertx, config.access().oidc(), config.access().publicOrigin(), sessions, accounts, sender, audit,
            clock, config.access().secureCookies()).router());
    root.route("/api/*").subRouter(OpsRouter.health(vertx, checks, collectors));
    extraApi.forEach(api -> root.route("/api/*").subRouter(api.apply(vertx)));
    root.route("/api/*").subRouter(IncidentsRouter.create(vertx, incidents,
        search == null ? null : new IncidentExplanations(search, explainer), sender, clock, summaries));
    root.route("/api/*").subRouter(SilencesRouter.create(vertx, silences, sender, clock));
    root.route("/api/*").subRouter(fr.communitydefender.console.room.RoomRouter.create(vertx, rooms, roomService,
        incidents, sender, clock, config.commune(), config.ackKey()));
    root.route("/api/*").subRouter(wording.router(vertx, sender, clock));
    fr.communitydefender.enrichment.sentiment.FastSentiment fast =
        fr.communitydefender.enrichment.sentiment.FastSentiment.withBuiltInLexicons();
    root.route("/api/*").subRouter(fr.communitydefender.console.corrections.CorrectionsRouter.create(vertx, hub,
        corrections, search, erasure, config.modelDir() == null ? null
            : new fr.communitydefender.enrichment.model.ModelRegistry(config.modelDir(), fast,
                java.time.Duration.ofSeconds(10)), fast, sender, clock));
    root.route("/*").subRouter(fr.communitydefender.console.paging.AckRouter.create(vertx, incidents, pages, sender,
        config.ackKey(), usedLinks, clock));
    if (situation != null) {
      root.route("/*").subRouter(situation.router());
    }
    if (search != null) {
      root.route("/api/*").subRouter(SearchRouter.create(vertx, search, erasure, authorKey -> corrections
          .byAuthor(authorKey).forEach(c -> sender.send(context, Topics.SENTIMENT_CORRECTIONS, c.mentionId(), null))));
      root.route("/api/*").subRouter(fr.communitydefender.console.report.ReportRouter.create(vertx,
          new fr.communitydefender.report.ReportReader(search.client(), clock, explainer), config.commune()));
    } else {
      root.route("/api/search*").handler(ctx -> ApiErrors.send(ctx, 503, "search unavailable: no storage configured"));
      root.route("/api/gdpr*").handler(ctx -> ApiErrors.send(ctx, 503, "erasure unavailable: no storage configured"));
      root.get("/api/incidents/:id/report").handler(ctx -> ApiErrors.send(ctx, 503,
          "report unavailable: no storage configured"));
    }
    root.route("/metrics*").subRouter(OpsRouter.metrics(vertx, registry));
    root.route("/vendor/uplot/*").handler(StaticHandler.create("META-INF/resources/webjars/uplot/" + UPLOT));
    root.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
    ApiErrors.install(root);

    return vertx.createHttpServer().requestHandler(root).listen(config.port(), config.host())
        .onSuccess(s -> {
          server = s;
          LOG.atInfo().addKeyValue("url", "http://" + config.host() + ":" + s.actualPort()).log("console listening");
        });
  }

  @Override
  public Future<?> stop() throws InterruptedException {
    reader.close();
    readerThread.join(5_000);
    if (sender != null) {
      sender.close();
    }
    return Future.succeededFuture();
  }
}
