package fr.communitydefender.console.incidents;

import fr.communitydefender.console.http.ApiErrors;
import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.json.Json;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Locale;

/** {@code GET /api/incidents[?status=open|resolved]} and {@code GET /api/incidents/:id}. */
public final class IncidentsRouter {
  private IncidentsRouter() {}

  public static Router create(Vertx vertx, IncidentView view) {
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
    return router;
  }
}
