package fr.communitydefender.console.room;

import fr.communitydefender.console.access.AccessHandler;
import fr.communitydefender.console.access.Actor;
import fr.communitydefender.console.http.ApiErrors;
import fr.communitydefender.console.http.KafkaSender;
import fr.communitydefender.console.http.Responses;
import fr.communitydefender.console.incidents.IncidentView;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.room.Courante;
import fr.communitydefender.domain.room.PublishingSwitch;
import fr.communitydefender.domain.room.RoomCommand;
import fr.communitydefender.domain.room.RoomState;
import fr.communitydefender.domain.topic.Topics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The incident room's API:
 * <ul>
 *   <li>{@code GET /api/incidents/:id/room}: the room (state, drafts with their versions, comments and approvals, the
 *       suspend switch);</li>
 *   <li>{@code POST /api/incidents/:id/room/<command>} with a JSON object of arguments (e.g. {@code draft-save
 *       {"draft": "d1", "baseVersion": 2, "text": "…"}}): answered once the room stage decided — 200 with the entry's
 *       number, or 400/403/404/409 with its reason (a stale save's 409 carries {@code latest}, the version to merge);</li>
 *   <li>{@code GET /api/incidents/:id/room/link?draft=&sig=}: whether an approval request's link is authentic;</li>
 *   <li>{@code GET /api/incidents/:id/courante} and {@code …/courante/verify}: the main courante and whether its chain
 *       is intact (and where it breaks);</li>
 *   <li>{@code GET|PUT /api/publishing/switch {"suspended", "reason"}}: the commune's suspend switch, copied into
 *       every room's main courante.</li>
 * </ul>
 */
public final class RoomRouter {
  private RoomRouter() {}

  /** {@code commune}: the commune's name, filled into templates (may be null). */
  public static Router create(Vertx vertx, RoomView view, RoomService rooms, IncidentView incidents,
      KafkaSender sender, Clock clock, String commune, byte[] linkKey) {
    Router router = Router.router(vertx);
    router.get("/incidents/:id/room/link").handler(ctx -> Responses.json(ctx, 200, new JsonObject()
        .put("authentic", linkKey != null && fr.communitydefender.domain.room.ApprovalLink.valid(linkKey,
            ctx.pathParam("id"), ctx.request().getParam("draft"), ctx.request().getParam("sig"))).encode()));
    router.get("/incidents/:id/room").handler(ctx -> {
      String id = ctx.pathParam("id");
      RoomState state = view.state(id);
      if (state == null && incidents.get(id) == null) {
        ApiErrors.send(ctx, 404, "no incident with id '" + id + "'");
        return;
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("state", state == null ? RoomState.empty(id) : state);
      out.put("drafts", view.drafts(id));
      out.put("switch", view.publishingSwitch());
      out.put("commune", commune);
      Responses.json(ctx, 200, Json.write(out));
    });
    router.get("/incidents/:id/courante").handler(ctx ->
        Responses.json(ctx, 200, Json.write(view.entries(ctx.pathParam("id")))));
    router.get("/incidents/:id/courante/verify").handler(ctx -> {
      String id = ctx.pathParam("id");
      RoomState state = view.state(id);
      Responses.json(ctx, 200, Json.write(Courante.verify(id, view.entries(id), state == null ? null : state.seq(),
          state == null ? null : state.head())));
    });
    router.post("/incidents/:id/room/:command").handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
    router.post("/incidents/:id/room/:command").handler(ctx -> command(ctx, view, rooms));
    router.get("/publishing/switch").handler(ctx -> Responses.json(ctx, 200, Json.write(view.publishingSwitch())));
    router.put("/publishing/switch").handler(BodyHandler.create(false).setBodyLimit(4096));
    router.put("/publishing/switch").handler(ctx -> flip(ctx, view, rooms, sender, clock));
    return router;
  }

  private static void command(RoutingContext ctx, RoomView view, RoomService rooms) {
    RoomCommand.Type type;
    try {
      type = RoomCommand.Type.of(ctx.pathParam("command"));
    } catch (IllegalArgumentException e) {
      ApiErrors.send(ctx, 404, e.getMessage());
      return;
    }
    Map<String, String> args;
    try {
      JsonObject body = ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
      args = args(body == null ? new JsonObject() : body);
    } catch (DecodeException | ClassCastException e) {
      ApiErrors.send(ctx, 400, "body: expected a JSON object of arguments");
      return;
    } catch (IllegalArgumentException e) {
      ApiErrors.send(ctx, 400, e.getMessage());
      return;
    }
    String incident = ctx.pathParam("id");
    ctx.put(AccessHandler.AUDIT_DETAIL, args.get("draft"));
    rooms.submit(ctx.vertx().getOrCreateContext(), Actor.of(ctx), incident, type, args).onComplete(r -> {
      if (r.failed()) {
        ApiErrors.send(ctx, r.cause() instanceof RoomService.Failure f ? f.status : 500, r.cause().getMessage());
        return;
      }
      var o = r.result();
      if (!o.ok()) {
        JsonObject details = o.latest() == null ? null
            : new JsonObject().put("latest", new JsonObject(Json.write(o.latest())));
        ApiErrors.send(ctx, o.status(), o.message(), details);
        return;
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("status", 200);
      out.put("seq", o.seq());
      out.put("draft", o.draftId());
      Responses.json(ctx, 200, Json.write(out));
    });
  }

  /** A JSON object of arguments as text: strings, numbers and booleans only, at most 20 of them. */
  static Map<String, String> args(JsonObject body) {
    if (body.size() > 20) {
      throw new IllegalArgumentException("at most 20 arguments");
    }
    Map<String, String> args = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : body) {
      Object v = e.getValue();
      if (v == null) {
        continue;
      }
      if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
        throw new IllegalArgumentException(e.getKey() + ": expected text, a number or a boolean");
      }
      if (e.getKey().length() > 40) {
        throw new IllegalArgumentException("argument names are at most 40 characters");
      }
      args.put(e.getKey(), String.valueOf(v));
    }
    return args;
  }

  /**
   * The suspend switch: written to its topic (the room stage reads it), then copied into each room's main courante
   * (which cancels that room's scheduled publications when it goes on).
   */
  private static void flip(RoutingContext ctx, RoomView view, RoomService rooms, KafkaSender sender, Clock clock) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException e) {
      body = null;
    }
    if (body == null || !(body.getValue("suspended") instanceof Boolean on)) {
      ApiErrors.send(ctx, 400, "body: expected {\"suspended\": true|false, \"reason\": \"…\"}");
      return;
    }
    String reason = body.getValue("reason") instanceof String r ? r.strip() : null;
    if (on && (reason == null || reason.isEmpty() || reason.length() > 500)) {
      ApiErrors.send(ctx, 400, "reason: required to suspend publications (at most 500 characters)");
      return;
    }
    Actor actor = Actor.of(ctx);
    PublishingSwitch s = new PublishingSwitch(on, on ? reason : null, actor.username(), clock.instant());
    ctx.put(AccessHandler.AUDIT_DETAIL, on ? "suspended: " + reason : "resumed");
    var context = ctx.vertx().getOrCreateContext();
    sender.send(context, Topics.PUBLISHING_SWITCH, PublishingSwitch.KEY, s).compose(v -> {
      view.apply(s);
      List<Future<?>> copies = view.rooms().stream().<Future<?>>map(incident -> rooms.system(context, incident,
          RoomCommand.Type.SWITCH, reason == null ? Map.of("suspended", String.valueOf(on), "by", actor.username())
              : Map.of("suspended", String.valueOf(on), "reason", reason, "by", actor.username()))).toList();
      return Future.join(copies);
    }).onComplete(r -> {
      if (r.failed() && view.publishingSwitch() != s) {
        ApiErrors.send(ctx, 503, "switch not changed: Kafka did not answer");
      } else {
        Responses.json(ctx, 200, Json.write(s));
      }
    });
  }
}
