package fr.communitydefender.console.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one JSON error shape of the console's HTTP API: {@code {"error": {"status": 404, "message": "..."}}}. */
public final class ApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  private ApiErrors() {}

  public static void send(RoutingContext ctx, int status, String message) {
    send(ctx, status, message, null);
  }

  /** The same shape with details a client can act on (e.g. {@code latest}: the newer version of a draft to merge). */
  public static void send(RoutingContext ctx, int status, String message, JsonObject details) {
    if (ctx.response().ended()) {
      return;
    }
    JsonObject error = new JsonObject().put("status", status).put("message", message);
    if (details != null) {
      details.forEach(e -> error.put(e.getKey(), e.getValue()));
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(new JsonObject().put("error", error).encode());
  }

  /** Installs the 404 and failure handlers on the root router. */
  public static void install(Router router) {
    router.route().last().handler(ctx -> send(ctx, 404, "no such resource: " + ctx.request().path()));
    router.errorHandler(405, ctx -> send(ctx, 405, "method not allowed: " + ctx.request().method()));
    router.errorHandler(500, ctx -> {
      LOG.atError().setCause(ctx.failure()).addKeyValue("path", ctx.request().path()).log("request failed");
      send(ctx, 500, "internal error");
    });
  }
}
