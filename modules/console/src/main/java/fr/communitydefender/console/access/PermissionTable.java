package fr.communitydefender.console.access;

import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one table of who may do what, for HTTP routes and WebSocket messages alike: method and path (or
 * {@code WS} and a message type) → the permission needed and, for writes, the action written to the main courante.
 * {@link AccessHandler} applies it to every request; a path under {@code /api/} that no row names needs
 * {@code READ} (so anonymous callers get 401 before any 404), any other path is a file of the page.
 */
public final class PermissionTable {
  /** WebSocket messages are checked as method {@code WS} with their type as path, e.g. {@code WS mention}. */
  public static final HttpMethod WS = HttpMethod.valueOf("WS");

  /**
   * A row. {@code exempt}: the route authenticates its callers itself (a bearer token or a signature) and takes no
   * session, so the session and CSRF checks do not apply to it.
   */
  public record Row(HttpMethod method, String path, Permission permission, String action, boolean exempt) {
    Pattern pattern() {
      return Pattern.compile(path.replaceAll(":[a-zA-Z]+", "[^/]+"));
    }
  }

  private record Compiled(Row row, Pattern pattern) {}

  public static final List<Row> ROWS = java.util.stream.Stream.concat(java.util.stream.Stream.of(
      row("POST", "/api/session", Permission.PUBLIC, "session.login"),
      row("GET", "/api/session", Permission.READ, null),
      row("DELETE", "/api/session", Permission.READ, "session.logout"),
      row("POST", "/api/session/password", Permission.READ, "account.password"),
      row("GET", "/api/health", Permission.READ, null),
      row("GET", "/api/incidents", Permission.READ, null),
      row("GET", "/api/incidents/:id", Permission.READ, null),
      row("GET", "/api/incidents/:id/explanation", Permission.READ, null),
      row("GET", "/api/incidents/:id/pages", Permission.READ, null),
      row("GET", "/api/incidents/:id/report", Permission.READ, null),
      row("GET", "/api/incidents/:id/summary", Permission.READ, null),
      row("PUT", "/api/incidents/:id/summary", Permission.RESPOND, "incident.summary"),
      row("POST", "/api/incidents/:id/ack", Permission.RESPOND, "incident.acknowledge"),
      row("POST", "/api/incidents/:id/resolve", Permission.RESPOND, "incident.resolve"),
      row("GET", "/api/silences", Permission.READ, null),
      row("POST", "/api/silences", Permission.ADMIN, "silence.create"),
      row("DELETE", "/api/silences/:id", Permission.ADMIN, "silence.end"),
      row("POST", "/api/mentions/:id/correction", Permission.RESPOND, "mention.correct"),
      row("GET", "/api/corrections", Permission.READ, null),
      row("GET", "/api/models", Permission.READ, null),
      row("POST", "/api/models/:lang/rebuild", Permission.ADMIN, "model.rebuild"),
      row("POST", "/api/models/:lang/rollback", Permission.ADMIN, "model.rollback"),
      row("GET", "/api/search", Permission.READ, null),
      row("GET", "/api/search/histogram", Permission.READ, null),
      row("GET", "/api/search/top", Permission.READ, null),
      row("POST", "/api/gdpr/erasure", Permission.ADMIN, "gdpr.erasure"),
      row("GET", "/api/accounts", Permission.ADMIN, null),
      row("POST", "/api/accounts", Permission.ADMIN, "account.create"),
      row("PATCH", "/api/accounts/:username", Permission.ADMIN, "account.update"),
      row("POST", "/api/accounts/:username/password", Permission.ADMIN, "account.reset"),
      row("GET", "/api/situation-links", Permission.ADMIN, null),
      row("POST", "/api/situation-links", Permission.ADMIN, "situation-link.create"),
      row("DELETE", "/api/situation-links/:id", Permission.ADMIN, "situation-link.revoke"),
      row("GET", "/api/dev/mailbox", Permission.ADMIN, null),
      exempt("POST", "/api/intake/:id"),
      exempt("POST", "/api/paging/sms/twilio"),
      row("GET", "/ack/:token", Permission.PUBLIC, null),
      row("POST", "/ack/:token", Permission.PUBLIC, "incident.acknowledge-link"),
      row("GET", "/situation/:token", Permission.PUBLIC, null),
      row("GET", "/situation/:token/data", Permission.PUBLIC, null),
      row("GET", "/auth/oidc/info", Permission.PUBLIC, null),
      row("GET", "/auth/oidc/login", Permission.PUBLIC, null),
      row("GET", "/auth/oidc/callback", Permission.PUBLIC, null),
      row("GET", "/healthz", Permission.PUBLIC, null),
      row("GET", "/metrics", Permission.PUBLIC, null),
      row("GET", "/ws", Permission.READ, null),
      row("WS", "snapshot", Permission.READ, null),
      row("WS", "mention", Permission.READ, null),
      row("WS", "correction", Permission.READ, null),
      row("WS", "incident", Permission.READ, null),
      row("WS", "room", Permission.READ, null),
      row("WS", "entry", Permission.READ, null),
      row("WS", "presence", Permission.READ, null),
      row("WS", "switch", Permission.READ, null),
      row("GET", "/api/incidents/:id/room", Permission.READ, null),
      row("GET", "/api/incidents/:id/room/link", Permission.READ, null),
      row("GET", "/api/incidents/:id/courante", Permission.READ, null),
      row("GET", "/api/incidents/:id/courante/verify", Permission.READ, null),
      row("GET", "/api/wording", Permission.READ, null),
      row("PUT", "/api/wording/:id", Permission.ADMIN, "wording.save"),
      row("DELETE", "/api/wording/:id", Permission.ADMIN, "wording.delete"),
      row("GET", "/api/publishing/switch", Permission.READ, null),
      row("PUT", "/api/publishing/switch", Permission.RESPOND, "publishing.switch")),
      roomRows()).toList();

  /**
   * Each room command a person may send, by HTTP ({@code POST /api/incidents/:id/room/<command>}) or WebSocket
   * ({@code room.<command>}): approving and rejecting need {@code APPROVE}, the rest {@code RESPOND}; the
   * pipeline's own commands (published, switch) have no row, so nobody sends them from outside.
   */
  private static java.util.stream.Stream<Row> roomRows() {
    return java.util.Arrays.stream(fr.communitydefender.domain.room.RoomCommand.Type.values())
        .filter(t -> !t.system())
        .flatMap(t -> {
          Permission p = t == fr.communitydefender.domain.room.RoomCommand.Type.APPROVE
              || t == fr.communitydefender.domain.room.RoomCommand.Type.REJECT ? Permission.APPROVE : Permission.RESPOND;
          return java.util.stream.Stream.of(row("POST", "/api/incidents/:id/room/" + t.path(), p, "room." + t.path()),
              row("WS", "room." + t.path(), p, "room." + t.path()));
        });
  }

  private static final List<Compiled> COMPILED = ROWS.stream().map(r -> new Compiled(r, r.pattern())).toList();

  private PermissionTable() {}

  private static Row row(String method, String path, Permission p, String action) {
    return new Row(HttpMethod.valueOf(method), path, p, action, false);
  }

  private static Row exempt(String method, String path) {
    return new Row(HttpMethod.valueOf(method), path, Permission.PUBLIC, null, true);
  }

  /** The row for a request; empty for the page's files (GET outside {@code /api/}). */
  public static Optional<Row> find(HttpMethod method, String path) {
    for (Compiled c : COMPILED) {
      if (c.row().method().equals(method) && c.pattern().matcher(path).matches()) {
        return Optional.of(c.row());
      }
    }
    if (path.startsWith("/api/") || path.equals("/api") || method != HttpMethod.GET && method != HttpMethod.HEAD) {
      return Optional.of(new Row(method, path, Permission.READ, null, false));
    }
    return Optional.empty();
  }

  /** Whether an actor may receive a WebSocket message of this type. */
  public static boolean mayReceive(Actor actor, String type) {
    return find(WS, type).map(r -> actor.permissions().contains(r.permission())).orElse(false);
  }
}
