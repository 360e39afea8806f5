package fr.communitydefender.console.incidents;

import fr.communitydefender.console.access.Actor;
import fr.communitydefender.console.http.ApiErrors;
import fr.communitydefender.console.http.KafkaSender;
import fr.communitydefender.console.http.Responses;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentCommand;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.BodyHandler;
import fr.communitydefender.domain.json.Json;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/incidents[?status=open|resolved]}, {@code GET /api/incidents/:id} and
 * {@code GET /api/incidents/:id/explanation} (terms, entities, sentiment of its mentions; worker thread; 503 without
 * storage), {@code POST /api/incidents/:id/ack {"comment": optional}} (202 once the command is on Kafka; alerting
 * then publishes the ACKNOWLEDGED event; 409 when not open) and {@code POST /api/incidents/:id/resolve} (closes an
 * open or acknowledged incident: the team declares the crisis over; 409 when already resolved). Who decides is the
 * signed-in account ({@link Actor}), never a name from the request. {@code GET|PUT /api/incidents/:id/summary
 * {"text"}}: the team's summary for the report's cover (at most 5,000 characters).
 */
public final class IncidentsRouter {
  private IncidentsRouter() {}

  /** {@code explanations} may be null (no storage configured). */
  public static Router create(Vertx vertx, IncidentView view, IncidentExplanations explanations,
      KafkaSender sender, java.time.Clock clock,
      java.util.Map<String, fr.communitydefender.domain.incident.IncidentSummary> summaries) {
    Router router = Router.router(vertx);
    router.get("/incidents/:id/summary").handler(ctx -> {
      var s = summaries.get(ctx.pathParam("id"));
      Responses.json(ctx, 200, s == null ? "{\"text\":\"\"}" : Json.write(s));
    });
    router.put("/incidents/:id/summary").handler(BodyHandler.create(false).setBodyLimit(32_768));
    router.put("/incidents/:id/summary").handler(ctx -> {
      Incident incident = view.get(ctx.pathParam("id"));
      if (incident == null) {
        ApiErrors.send(ctx, 404, "no incident with id '" + ctx.pathParam("id") + "'");
        return;
      }
      fr.communitydefender.domain.incident.IncidentSummary summary;
      try {
        JsonObject body = ctx.body().asJsonObject();
        Object text = body == null ? null : body.getValue("text");
        if (!(text instanceof String)) {
          throw new IllegalArgumentException("body: expected JSON {\"text\": \"...\"}");
        }
        summary = new fr.communitydefender.domain.incident.IncidentSummary(incident.id(), (String) text,
            clock.instant(), Actor.of(ctx).username());
      } catch (DecodeException | IllegalArgumentException e) {
        ApiErrors.send(ctx, 400, e instanceof DecodeException ? "body: expected JSON {\"text\": \"...\"}"
            : e.getMessage());
        return;
      }
      var saved = summary;
      sender.send(vertx.getOrCreateContext(), Topics.INCIDENT_SUMMARIES, incident.id(), saved)
          .onSuccess(v -> {
            summaries.put(saved.incidentId(), saved);
            Responses.json(ctx, 200, Json.write(saved));
          })
          .onFailure(e -> ApiErrors.send(ctx, 503, "summary not saved: Kafka did not answer"));
    });
    for (IncidentCommand.Type type : IncidentCommand.Type.values()) {
      String path = "/incidents/:id/" + (type == IncidentCommand.Type.ACKNOWLEDGE ? "ack" : "resolve");
      router.post(path).handler(BodyHandler.create(false).setBodyLimit(4096));
      router.post(path).handler(ctx -> command(vertx, view, sender, ctx, type, clock));
    }
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
      Responses.json(ctx, 200, Json.write(all));
    });
    router.get("/incidents/:id").handler(ctx -> {
      Incident incident = view.get(ctx.pathParam("id"));
      if (incident == null) {
        ApiErrors.send(ctx, 404, "no incident with id '" + ctx.pathParam("id") + "'");
        return;
      }
      Responses.json(ctx, 200, Json.write(incident));
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
      Responses.blocking(vertx, ctx, () -> explanations.explain(incident),
          "explanation unavailable: Elasticsearch did not answer");
    });
    return router;
  }

  /** A person's decision on an incident: validated here, applied by alerting (which owns incident state). */
  private static void command(Vertx vertx, IncidentView view, KafkaSender sender, RoutingContext ctx,
      IncidentCommand.Type type, java.time.Clock clock) {
    Incident incident = view.get(ctx.pathParam("id"));
    if (incident == null) {
      ApiErrors.send(ctx, 404, "no incident with id '" + ctx.pathParam("id") + "'");
      return;
    }
    String comment;
    try {
      JsonObject body = ctx.body().asJsonObject();
      comment = body == null ? null : body.getString("comment");
    } catch (DecodeException | ClassCastException e) {
      ApiErrors.send(ctx, 400, "body: expected JSON {\"comment\": \"optional\"}");
      return;
    }
    IncidentCommand command;
    try { // the command's own checks: comment (at most 500 characters)
      command = new IncidentCommand(type, incident.watchId(), incident.id(), Actor.of(ctx).username(),
          clock.instant(), comment);
    } catch (IllegalArgumentException e) {
      ApiErrors.send(ctx, 400, e.getMessage());
      return;
    }
    boolean allowed = type == IncidentCommand.Type.ACKNOWLEDGE ? incident.status() == Incident.Status.OPEN
        : incident.isOpen();
    if (!allowed) {
      ApiErrors.send(ctx, 409, "incident is " + incident.status().name().toLowerCase(Locale.ROOT)
          + (incident.acknowledgedBy() != null ? " (by " + incident.acknowledgedBy() + ")" : ""));
      return;
    }
    sender.send(vertx.getOrCreateContext(), Topics.INCIDENT_COMMANDS, incident.watchId(), command)
        .onSuccess(v -> Responses.json(ctx, 202, "{\"status\":\"sent\"}"))
        .onFailure(e -> ApiErrors.send(ctx, 503, (type == IncidentCommand.Type.ACKNOWLEDGE ? "acknowledgement"
            : "closing") + " not sent: Kafka did not answer"));
  }
}
