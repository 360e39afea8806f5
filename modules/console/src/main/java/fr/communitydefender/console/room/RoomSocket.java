package fr.communitydefender.console.room;

import fr.communitydefender.console.access.Actor;
import fr.communitydefender.console.access.AuditLog;
import fr.communitydefender.console.access.PermissionTable;
import fr.communitydefender.console.access.Sessions;
import fr.communitydefender.console.feed.FeedHub;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.room.RoomCommand;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the page sends over its WebSocket (event loop only): room commands ({@code {"type": "room.approve", "ref",
 * "incident", "args": {...}}}, checked against the same permission table as HTTP, audited like HTTP, sent through the
 * same {@link RoomService}, answered {@code {"type": "result", "ref", "status", "message"}}), and presence
 * ({@code {"type": "presence", "incident", "draft"}}: who is on which incident and draft, sent to the others).
 * Anything else closes the socket (1008).
 */
public final class RoomSocket implements FeedHub.Inbound {
  static final int MAX_MESSAGE = 64 * 1024;
  private record Where(Actor actor, String incident, String draft) {}

  private final FeedHub hub;
  private final RoomService rooms;
  private final AuditLog audit;
  private final Sessions sessions;
  private final Map<ServerWebSocket, Where> presence = new ConcurrentHashMap<>();

  public RoomSocket(FeedHub hub, RoomService rooms, AuditLog audit, Sessions sessions) {
    this.hub = hub;
    this.rooms = rooms;
    this.audit = audit;
    this.sessions = sessions;
  }

  @Override
  public void message(ServerWebSocket ws, Actor actor, String text) {
    JsonObject msg;
    try {
      msg = text.length() > MAX_MESSAGE ? null : new JsonObject(text);
    } catch (DecodeException e) {
      msg = null;
    }
    String type = msg == null ? null : msg.getValue("type") instanceof String t ? t : null;
    if (type == null || !sessions.alive(actor.sessionId())) {
      ws.close((short) (type == null ? 1008 : 4401), type == null ? "unreadable message" : "session ended");
      return;
    }
    if (type.equals("presence")) {
      String incident = msg.getValue("incident") instanceof String s && s.length() <= 200 ? s : null;
      String draft = msg.getValue("draft") instanceof String s && s.length() <= 20 ? s : null;
      Where before = presence.put(ws, new Where(actor, incident, draft));
      announce(incident);
      if (before != null && before.incident() != null && !before.incident().equals(incident)) {
        announce(before.incident());
      }
      return;
    }
    String ref = msg.getValue("ref") instanceof String r && r.length() <= 100 ? r : null;
    PermissionTable.Row row = type.startsWith("room.") ? PermissionTable.find(PermissionTable.WS, type)
        .filter(r -> r.action() != null).orElse(null) : null;
    if (row == null) {
      ws.close((short) 1008, "unknown message type");
      return;
    }
    String incident = msg.getValue("incident") instanceof String s && !s.isBlank() && s.length() <= 200 ? s : null;
    Map<String, String> args;
    try {
      args = RoomRouter.args(msg.getValue("args") instanceof JsonObject o ? o : new JsonObject());
    } catch (IllegalArgumentException e) {
      reply(ws, ref, 400, e.getMessage(), null);
      return;
    }
    var context = io.vertx.core.Vertx.currentContext();
    if (!actor.permissions().contains(row.permission())) {
      audit.record(context, actor.username(), actor.roleIds(), actor.address(), row.action(), "ws:" + incident,
          null, 403);
      reply(ws, ref, 403, "your roles do not allow " + type.substring(5), null);
      return;
    }
    if (incident == null) {
      reply(ws, ref, 400, "incident: required", null);
      return;
    }
    RoomCommand.Type command = RoomCommand.Type.of(type.substring(5));
    rooms.submit(context, actor, incident, command, args).onComplete(r -> {
      int status = r.succeeded() ? r.result().status()
          : r.cause() instanceof RoomService.Failure f ? f.status : 500;
      String message = r.succeeded() ? r.result().message() : r.cause().getMessage();
      audit.record(context, actor.username(), actor.roleIds(), actor.address(), row.action(), "ws:" + incident,
          args.get("draft"), status);
      reply(ws, ref, status, message, r.succeeded() ? r.result().draftId() : null);
    });
  }

  @Override
  public void closed(ServerWebSocket ws) {
    Where w = presence.remove(ws);
    if (w != null && w.incident() != null) {
      announce(w.incident());
    }
  }

  private void reply(ServerWebSocket ws, String ref, int status, String message, String draft) {
    if (ws.isClosed()) {
      return;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "result");
    m.put("ref", ref);
    m.put("status", status);
    m.put("message", message);
    if (draft != null) {
      m.put("draft", draft);
    }
    ws.writeTextMessage(Json.write(m));
  }

  /** Tells everyone who is on this incident now (display names and the draft each has open). */
  private void announce(String incident) {
    if (incident == null) {
      return;
    }
    List<Map<String, String>> people = new ArrayList<>();
    presence.values().stream().filter(w -> incident.equals(w.incident())).forEach(w -> {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("username", w.actor().username());
      p.put("name", w.actor().displayName());
      if (w.draft() != null) {
        p.put("draft", w.draft());
      }
      if (!people.contains(p)) {
        people.add(p);
      }
    });
    hub.broadcast("presence", Json.write(Map.of("type", "presence", "incidentId", incident, "people", people)));
  }
}
