package fr.communitydefender.console.incidents;

import fr.communitydefender.console.http.ApiErrors;
import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.json.Json;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/incidents[?status=open|resolved]}, {@code GET /api/incidents/:id} and
 * {@code GET /api/incidents/:id/explanation} (terms, entities, sentiment of its mentions; worker thread; 503 without
 * storage).
 */
public final class IncidentsRouter {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IncidentsRouter.class);

  private IncidentsRouter() {}

  /** {@code explanations} may be null (no storage configured). */
  public static Router create(Vertx vertx, IncidentView view, IncidentExplanations explanations) {
    Router router = Router.router(vertx);
    router.get("/incidents").handler(ctx -> {
      String status = ctx.request().getParam("status");
      List<Incident> all = view.list();
      if (status != null) {
        String s = status.toLowerCase(Locale.ROOT);
        if (!s.equals("open") && !s.equals("resolved")) {
          ApiErrors.send(ctx, 400, "status: expected open or resolved, got '" + status + "'");
          return;
        }
        all = all.stream().filter(i -> i.isOpen() == s.equals("open")).toList();
      }
      ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(Json.write(all));
    });
    router.get("/incidents/:id").handler(ctx -> {
      Incident incident = view.get(ctx.pathParam("id"));
      if (incident == null) {
        ApiErrors.send(ctx, 404, "no incident with id '" + ctx.pathParam("id") + "'");
        return;
      }
      ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(Json.write(incident));
    });
    router.get("/incidents/:id/explanation").handler(ctx -> {
      Incident incident = view.get(ctx.pathParam("id"));
      if (incident == null) {
        ApiErrors.send(ctx, 404, "no incident with id '" + ctx.pathParam("id") + "'");
        return;
      }
      if (explanations == null) {
        ApiErrors.send(ctx, 503, "explanations unavailable: no storage configured");
        return;
      }
      vertx.executeBlocking(() -> explanations.explain(incident), false).onComplete(ar -> {
        if (ar.succeeded()) {
          ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(Json.write(ar.result()));
        } else {
          LOG.atWarn().addKeyValue("incident", incident.id()).addKeyValue("reason", ar.cause().toString())
              .log("explanation failed");
          ApiErrors.send(ctx, 503, "explanation unavailable: Elasticsearch did not answer");
        }
      });
    });
    return router;
  }
}
