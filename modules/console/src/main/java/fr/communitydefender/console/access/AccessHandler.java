package fr.communitydefender.console.access;

import fr.communitydefender.console.http.ApiErrors;
import fr.communitydefender.domain.access.Account;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where every HTTP request and WebSocket upgrade is checked, before any router: the Host header against
 * the allowed hosts (DNS rebinding); no multipart bodies; for writes and WebSocket upgrades a same-origin
 * {@code Origin} (CSRF; a request without Origin must not say it comes from another site), and JSON bodies for API
 * writes; then the session (401 without one), the account (401 if disabled) and the permission of
 * {@link PermissionTable} (403). The actor is put in the context for the routers; every write named in the table is
 * audited with its answer's status once it is sent.
 */
public final class AccessHandler implements Handler<RoutingContext> {
  /** Routers may put a short description of what was written here, for the audit entry. */
  public static final String AUDIT_DETAIL = "cd.audit.detail";

  private final Set<String> hosts;
  private final String publicOrigin;
  private final Sessions sessions;
  private final AccountsView accounts;
  private final AuditLog audit;

  public AccessHandler(Set<String> hosts, String publicOrigin, Sessions sessions, AccountsView accounts,
      AuditLog audit) {
    this.hosts = Set.copyOf(hosts);
    this.publicOrigin = publicOrigin;
    this.sessions = java.util.Objects.requireNonNull(sessions, "sessions");
    this.accounts = java.util.Objects.requireNonNull(accounts, "accounts");
    this.audit = java.util.Objects.requireNonNull(audit, "audit");
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    String host = req.authority() == null ? "" : req.authority().host().toLowerCase(Locale.ROOT);
    if (!hosts.contains(host)) {
      ApiErrors.send(ctx, 403, "host '" + host + "' not allowed (see --public-url and --allowed-host)");
      return;
    }
    String type = req.getHeader(HttpHeaders.CONTENT_TYPE);
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      ApiErrors.send(ctx, 415, "multipart bodies are not accepted");
      return;
    }
    Optional<PermissionTable.Row> found = PermissionTable.find(req.method(), req.path());
    if (found.isEmpty() || found.get().exempt()) {
      ctx.next();
      return;
    }
    PermissionTable.Row row = found.get();
    boolean write = req.method() != HttpMethod.GET && req.method() != HttpMethod.HEAD
        && req.method() != HttpMethod.OPTIONS;
    if ((write || req.path().equals("/ws")) && !sameOrigin(req)) {
      ApiErrors.send(ctx, 403, "cross-origin request refused");
      return;
    }
    if (write && req.path().startsWith("/api/") && req.method() != HttpMethod.DELETE && !json(type)) {
      ApiErrors.send(ctx, 415, "content type must be application/json");
      return;
    }
    if (row.permission() == Permission.PUBLIC) {
      ctx.next();
      return;
    }
    Cookie cookie = req.getCookie(Sessions.COOKIE);
    Sessions.Lookup lookup = sessions.use(cookie == null ? null : cookie.getValue());
    if (lookup.session() == null) {
      ApiErrors.send(ctx, 401, lookup.problem());
      return;
    }
    Account account = accounts.get(lookup.session().username());
    if (account == null || account.disabled()) {
      sessions.end(lookup.session().id());
      ApiErrors.send(ctx, 401, "account disabled: ask an administrator");
      return;
    }
    Actor actor = new Actor(account.username(), account.displayName(), account.roles(), address(req),
        lookup.session().id());
    ctx.put(Actor.KEY, actor);
    if (!actor.permissions().contains(row.permission())) {
      if (row.action() != null) {
        audit.record(ctx.vertx().getOrCreateContext(), actor.username(), actor.roleIds(), actor.address(),
            row.action(), req.path(), "refused", 403);
      }
      ApiErrors.send(ctx, 403, "forbidden: " + row.permission().name().toLowerCase(Locale.ROOT)
          + " permission needed (your roles: " + String.join(", ", actor.roleIds()) + ")");
      return;
    }
    if (row.action() != null) {
      ctx.addEndHandler(v -> audit.record(ctx.vertx().getOrCreateContext(), actor.username(), actor.roleIds(),
          actor.address(), row.action(), req.path(), ctx.get(AUDIT_DETAIL), ctx.response().getStatusCode()));
    }
    ctx.next();
  }

  private static boolean json(String type) {
    return type != null && type.toLowerCase(Locale.ROOT).strip().startsWith("application/json");
  }

  static String address(HttpServerRequest req) {
    return req.remoteAddress() == null ? "unknown" : req.remoteAddress().hostAddress();
  }

  /**
   * Whether a write comes from the console's own pages: its Origin is this server's (scheme, host and port) or the
   * public URL's; without Origin (a command-line client), unless Sec-Fetch-Site says another site.
   */
  boolean sameOrigin(HttpServerRequest req) {
    String origin = req.getHeader(HttpHeaders.ORIGIN);
    if (origin == null) {
      String site = req.getHeader("Sec-Fetch-Site");
      return site == null || site.equals("same-origin") || site.equals("none");
    }
    if (origin.equals(publicOrigin)) {
      return true;
    }
    try {
      URI o = URI.create(origin);
      String scheme = req.isSSL() ? "https" : "http";
      int port = req.authority().port() > 0 ? req.authority().port() : scheme.equals("https") ? 443 : 80;
      int oport = o.getPort() > 0 ? o.getPort() : "https".equals(o.getScheme()) ? 443 : 80;
      return scheme.equals(o.getScheme()) && req.authority().host().equalsIgnoreCase(o.getHost()) && port == oport;
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }
}
