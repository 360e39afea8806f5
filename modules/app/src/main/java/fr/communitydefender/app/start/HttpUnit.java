package fr.communitydefender.app.start;

import fr.communitydefender.console.http.ApiErrors;
import fr.communitydefender.console.ops.OpsRouter;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
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
 * A process without the console still answers HTTP: {@code /metrics} (Prometheus), {@code /healthz} (for container
 * health checks and load balancers: 200 when every unit of the process is healthy, else 503) and its roles' routes
 * under {@code /api/} (webhook intakes, SMS replies).
 */
final class HttpUnit implements Unit {
  private static final Logger LOG = LoggerFactory.getLogger(HttpUnit.class);
  private final String host;
  private final int port;
  private final Supplier<List<Function<Vertx, Router>>> routes;
  private final Map<String, BooleanSupplier> checks;
  private HttpServer server;

  HttpUnit(String host, int port, Supplier<List<Function<Vertx, Router>>> routes, Map<String, BooleanSupplier> checks) {
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    this.routes = Objects.requireNonNull(routes, "routes");
    this.checks = Objects.requireNonNull(checks, "checks");
  }

  @Override
  public String name() {
    return "http";
  }

  @Override
  public void start(UnitContext c) {
    Vertx vertx = c.vertx().get();
    Router root = Router.router(vertx);
    root.get("/healthz").handler(ctx -> {
      boolean up = checks.values().stream().allMatch(BooleanSupplier::getAsBoolean);
      ctx.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json; charset=utf-8")
          .end(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    });
    root.route("/metrics*").subRouter(OpsRouter.metrics(vertx, c.registry()));
    routes.get().forEach(api -> root.route("/api/*").subRouter(api.apply(vertx)));
    ApiErrors.install(root);
    try {
      server = vertx.createHttpServer().requestHandler(root).listen(port, host).await(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("HTTP server did not start within 30 s", e);
    }
    LOG.atInfo().addKeyValue("url", "http://" + host + ":" + server.actualPort())
        .log("HTTP endpoints of the roles (/metrics, /healthz, intakes, SMS replies) listening");
  }

  int port() {
    return server == null ? -1 : server.actualPort();
  }

  @Override
  public boolean healthy() {
    return server != null;
  }

  @Override
  public void stop() {
    server = null;   // closed with the process's Vert.x
  }
}
