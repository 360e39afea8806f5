package fr.communitydefender.console.http;

import fr.communitydefender.domain.json.Json;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JSON answers of the console's API, and blocking work (Elasticsearch, NER) run on a worker then answered. */
public final class Responses {
  private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

  private Responses() {}

  public static void json(RoutingContext ctx, int status, String body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body);
  }

  /**
   * Runs {@code work} on a worker thread and answers its result as JSON (200); an {@link IllegalArgumentException}
   * answers 400 with its message, any other failure is logged and answers 503 with {@code unavailable}.
   */
  public static void blocking(Vertx vertx, RoutingContext ctx, Callable<Object> work, String unavailable) {
    vertx.executeBlocking(work, false).onComplete(ar -> {
      if (ar.succeeded()) {
        json(ctx, 200, Json.write(ar.result()));
      } else if (ar.cause() instanceof IllegalArgumentException e) {
        ApiErrors.send(ctx, 400, e.getMessage());
      } else {
        LOG.atWarn().addKeyValue("path", ctx.request().path()).addKeyValue("reason", ar.cause().toString())
            .log("request failed on a worker");
        ApiErrors.send(ctx, 503, unavailable);
      }
    });
  }
}
