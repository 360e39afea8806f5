package fr.communitydefender.console.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code GET /api/health} (200 when every check is up, else 503) and the Prometheus {@code GET /metrics}. */
public final class OpsRouter {
  private OpsRouter() {}

  /**
   * Checks decide the status; {@code collectors} lists each live collector's last report (connected, last message,
   * lag, errors) without changing it: a source outage is shown, and alerted on by flatline rules, but the console
   * itself is up.
   */
  public static Router health(Vertx vertx, Map<String, BooleanSupplier> checks, CollectorHealthView collectors) {
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> {
      JsonObject details = new JsonObject();
      boolean up = true;
      for (Map.Entry<String, BooleanSupplier> c : checks.entrySet()) {
        boolean ok = c.getValue().getAsBoolean();
        details.put(c.getKey(), ok ? "UP" : "DOWN");
        up &= ok;
      }
      io.vertx.core.json.JsonArray sources = new io.vertx.core.json.JsonArray();
      for (var h : collectors.all()) {
        sources.add(new JsonObject().put("collector", h.collector()).put("type", h.type())
            .put("connected", h.connected())
            .put("lastMessageAt", h.lastMessageAt() == null ? null : h.lastMessageAt().toString())
            .put("lagSeconds", h.lagSeconds()).put("messages", h.messages()).put("errors", h.errors())
            .put("lastError", h.lastError()).put("reportedAt", h.at() == null ? null : h.at().toString()));
      }
      ctx.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json; charset=utf-8")
          .end(new JsonObject().put("status", up ? "UP" : "DOWN").put("checks", details).put("collectors", sources)
              .encode());
    });
    return router;
  }

  public static Router metrics(Vertx vertx, PrometheusMeterRegistry registry) {
    Router router = Router.router(vertx);
    router.get("/").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(registry.scrape()));
    return router;
  }
}
