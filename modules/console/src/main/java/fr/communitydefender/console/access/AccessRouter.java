package fr.communitydefender.console.access;

import fr.communitydefender.console.http.ApiErrors;
import fr.communitydefender.console.http.KafkaSender;
import fr.communitydefender.console.http.Responses;
import fr.communitydefender.domain.access.Account;
import fr.communitydefender.domain.access.Role;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.topic.Topics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sign-in and accounts. {@code POST /api/session {username, password}} (200 and a new session cookie; 401 for a wrong
 * pair, the same for an unknown user; 429 when throttled), {@code GET /api/session} (who am I),
 * {@code DELETE /api/session} (sign out), {@code POST /api/session/password {current, password}}; for admins
 * {@code GET /api/accounts}, {@code POST /api/accounts {username, displayName, roles, password}},
 * {@code PATCH /api/accounts/:username {displayName?, roles?, disabled?}} and
 * {@code POST /api/accounts/:username/password {password}} (reset: the account's sessions end). Hashing runs on
 * worker threads; every change goes to the accounts topic (other instances follow) and to this instance's view.
 */
public final class AccessRouter {
  private static final String DUMMY = Passwords.hash("a password nobody has, for unknown user names");
  private final Vertx vertx;
  private final Sessions sessions;
  private final AccountsView accounts;
  private final LoginThrottle throttle;
  private final KafkaSender sender;
  private final AuditLog audit;
  private final Clock clock;
  private final boolean secureCookies;

  public AccessRouter(Vertx vertx, Sessions sessions, AccountsView accounts, LoginThrottle throttle,
      KafkaSender sender, AuditLog audit, Clock clock, boolean secureCookies) {
    this.vertx = vertx;
    this.sessions = sessions;
    this.accounts = accounts;
    this.throttle = throttle;
    this.sender = sender;
    this.audit = audit;
    this.clock = clock;
    this.secureCookies = secureCookies;
  }

  public Router router() {
    Router r = Router.router(vertx);
    r.post("/session").handler(BodyHandler.create(false).setBodyLimit(4096)).handler(this::login);
    r.get("/session").handler(ctx -> Responses.json(ctx, 200, me(Actor.of(ctx)).encode()));
    r.delete("/session").handler(this::logout);
    r.post("/session/password").handler(BodyHandler.create(false).setBodyLimit(4096)).handler(this::changeOwn);
    r.get("/accounts").handler(ctx -> Responses.json(ctx, 200, Json.write(accounts.all().stream()
        .map(AccessRouter::view).toList())));
    r.post("/accounts").handler(BodyHandler.create(false).setBodyLimit(4096)).handler(this::create);
    r.patch("/accounts/:username").handler(BodyHandler.create(false).setBodyLimit(4096)).handler(this::update);
    r.post("/accounts/:username/password").handler(BodyHandler.create(false).setBodyLimit(4096))
        .handler(this::reset);
    return r;
  }

  /** An account as the API shows it: never its hash. */
  static Map<String, Object> view(Account a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("username", a.username());
    m.put("displayName", a.displayName());
    m.put("roles", a.roles().stream().map(Role::id).sorted().toList());
    m.put("disabled", a.disabled());
    m.put("source", a.source());
    m.put("updatedAt", a.updatedAt());
    m.put("updatedBy", a.updatedBy());
    return m;
  }

  static JsonObject me(Actor a) {
    return new JsonObject().put("username", a.username()).put("displayName", a.displayName())
        .put("roles", new JsonArray(a.roleIds()))
        .put("permissions", new JsonArray(a.permissions().stream().map(p -> p.name().toLowerCase()).sorted().toList()));
  }

  private static JsonObject body(RoutingContext ctx, String expected) {
    try {
      JsonObject b = ctx.body().asJsonObject();
      if (b == null) {
        throw new IllegalArgumentException("body: expected JSON " + expected);
      }
      return b;
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("body: expected JSON " + expected);
    }
  }

  private void login(RoutingContext ctx) {
    String username;
    String password;
    try {
      JsonObject b = body(ctx, "{username, password}");
      username = b.getString("username", "").strip().toLowerCase(java.util.Locale.ROOT);
      password = b.getString("password", "");
    } catch (IllegalArgumentException | ClassCastException e) {
      ApiErrors.send(ctx, 400, e instanceof ClassCastException ? "username and password: expected strings"
          : e.getMessage());
      return;
    }
    String address = AccessHandler.address(ctx.request());
    String refused = throttle.refuse(username, address);
    if (refused != null) {
      auditLogin(ctx, username, address, "session.login-refused", refused, 429);
      ApiErrors.send(ctx, 429, refused);
      return;
    }
    Account account = accounts.get(username);
    String hash = account == null || account.passwordHash() == null ? DUMMY : account.passwordHash();
    vertx.executeBlocking(() -> Passwords.verify(password, hash), false).onComplete(ar -> {
      boolean ok = ar.succeeded() && ar.result() && account != null && account.passwordHash() != null;
      if (!ok) {
        throttle.failed(username);
        auditLogin(ctx, username, address, "session.login-failed", null, 401);
        ApiErrors.send(ctx, 401, "wrong user name or password");
        return;
      }
      if (account.disabled()) {
        auditLogin(ctx, username, address, "session.login-failed", "account disabled", 401);
        ApiErrors.send(ctx, 401, "account disabled: ask an administrator");
        return;
      }
      throttle.succeeded(username);
      Cookie old = ctx.request().getCookie(Sessions.COOKIE);
      if (old != null) {
        sessions.end(old.getValue());
      }
      Sessions.Session s = sessions.start(username);
      ctx.response().addCookie(cookie(s.id()));
      Actor actor = new Actor(account.username(), account.displayName(), account.roles(), address, s.id());
      auditLogin(ctx, username, address, "session.login", null, 200);
      Responses.json(ctx, 200, me(actor).encode());
    });
  }

  private void auditLogin(RoutingContext ctx, String username, String address, String action, String detail,
      int status) {
    Account a = accounts.get(username);
    audit.record(ctx.vertx().getOrCreateContext(), a == null ? "(inconnu)" : a.username(),
        a == null ? List.of() : a.roles().stream().map(Role::id).sorted().toList(), address, action,
        "/api/session", detail, status);
  }

  private Cookie cookie(String value) {
    return Cookie.cookie(Sessions.COOKIE, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
        .setSecure(secureCookies);
  }

  private void logout(RoutingContext ctx) {
    sessions.end(Actor.of(ctx).sessionId());
    ctx.response().addCookie(cookie("").setMaxAge(0));
    ctx.response().setStatusCode(204).end();
  }

  private void changeOwn(RoutingContext ctx) {
    Actor actor = Actor.of(ctx);
    Account account = accounts.get(actor.username());
    JsonObject b;
    try {
      b = body(ctx, "{current, password}");
    } catch (IllegalArgumentException e) {
      ApiErrors.send(ctx, 400, e.getMessage());
      return;
    }
    String current = b.getValue("current") instanceof String s ? s : "";
    String password = b.getValue("password") instanceof String s ? s : null;
    if (account.passwordHash() == null) {
      ApiErrors.send(ctx, 409, "this account signs in through the identity provider");
      return;
    }
    vertx.executeBlocking(() -> {
      if (!Passwords.verify(current, account.passwordHash())) {
        throw new SecurityException("current password is wrong");
      }
      return Passwords.checkedHash(account.username(), password);
    }, false).onComplete(ar -> {
      if (ar.failed()) {
        ApiErrors.send(ctx, ar.cause() instanceof SecurityException ? 403 : 400, ar.cause().getMessage());
        return;
      }
      save(ctx, account.with(account.displayName(), account.roles(), ar.result(), account.disabled(), clock.instant(),
          actor.username()), 200);
    });
  }

  private void create(RoutingContext ctx) {
    Actor actor = Actor.of(ctx);
    JsonObject b;
    Set<Role> roles;
    try {
      b = body(ctx, "{username, displayName, roles, password}");
      roles = roles(b.getValue("roles"));
    } catch (IllegalArgumentException e) {
      ApiErrors.send(ctx, 400, e.getMessage());
      return;
    }
    String username = b.getValue("username") instanceof String s ? s.strip().toLowerCase(java.util.Locale.ROOT) : null;
    String displayName = b.getValue("displayName") instanceof String s ? s : null;
    String password = b.getValue("password") instanceof String s ? s : null;
    if (accounts.get(username) != null) {
      ApiErrors.send(ctx, 409, "account '" + username + "' exists");
      return;
    }
    vertx.executeBlocking(() -> AccountAdmin.account(new AccountAdmin.NewAccount(username, displayName, roles,
        password), actor.username()), false).onComplete(ar -> {
          if (ar.failed()) {
            ApiErrors.send(ctx, 400, ar.cause().getMessage());
            return;
          }
          ctx.put(AccessHandler.AUDIT_DETAIL, username + " " + roles);
          save(ctx, ar.result(), 201);
        });
  }

  /** The account named in the path, or null after answering 404. */
  private Account named(RoutingContext ctx) {
    Account account = accounts.get(ctx.pathParam("username"));
    if (account == null) {
      ApiErrors.send(ctx, 404, "no account '" + ctx.pathParam("username") + "'");
    }
    return account;
  }

  private void update(RoutingContext ctx) {
    Actor actor = Actor.of(ctx);
    Account account = named(ctx);
    if (account == null) {
      return;
    }
    Account updated;
    try {
      JsonObject b = body(ctx, "{displayName?, roles?, disabled?}");
      Set<Role> roles = b.containsKey("roles") ? roles(b.getValue("roles")) : account.roles();
      Object d = b.getValue("disabled");
      if (d != null && !(d instanceof Boolean)) {
        throw new IllegalArgumentException("disabled: expected true or false");
      }
      boolean disabled = d == null ? account.disabled() : (Boolean) d;
      String name = b.getValue("displayName") instanceof String s ? s : account.displayName();
      updated = account.with(name, roles, account.passwordHash(), disabled, clock.instant(), actor.username());
    } catch (IllegalArgumentException | ClassCastException e) {
      ApiErrors.send(ctx, 400, e.getMessage());
      return;
    }
    boolean wasAdmin = !account.disabled() && account.roles().contains(Role.ADMIN);
    boolean isAdmin = !updated.disabled() && updated.roles().contains(Role.ADMIN);
    if (wasAdmin && !isAdmin && accounts.admins() <= 1) {
      ApiErrors.send(ctx, 409, "'" + account.username() + "' is the last administrator");
      return;
    }
    if (updated.disabled()) {
      sessions.endAll(updated.username());
    }
    ctx.put(AccessHandler.AUDIT_DETAIL, updated.username() + " roles=" + updated.roles().stream().map(Role::id)
        .sorted().toList() + " disabled=" + updated.disabled());
    save(ctx, updated, 200);
  }

  private void reset(RoutingContext ctx) {
    Actor actor = Actor.of(ctx);
    Account account = named(ctx);
    if (account == null) {
      return;
    }
    String password;
    try {
      password = body(ctx, "{password}").getValue("password") instanceof String s ? s : null;
    } catch (IllegalArgumentException e) {
      ApiErrors.send(ctx, 400, e.getMessage());
      return;
    }
    vertx.executeBlocking(() -> Passwords.checkedHash(account.username(), password), false).onComplete(ar -> {
      if (ar.failed()) {
        ApiErrors.send(ctx, 400, ar.cause().getMessage());
        return;
      }
      sessions.endAll(account.username());
      ctx.put(AccessHandler.AUDIT_DETAIL, account.username());
      save(ctx, account.with(account.displayName(), account.roles(), ar.result(), account.disabled(), clock.instant(),
          actor.username()), 200);
    });
  }

  static Set<Role> roles(Object value) {
    if (!(value instanceof JsonArray a) || a.isEmpty()) {
      throw new IllegalArgumentException("roles: expected a list such as [\"viewer\"] or [\"drafter\", \"approver\"]");
    }
    Set<Role> out = EnumSet.noneOf(Role.class);
    for (Object o : a) {
      out.add(Role.of(String.valueOf(o)));
    }
    return out;
  }

  private void save(RoutingContext ctx, Account account, int status) {
    Future<Void> sent = sender.send(ctx.vertx().getOrCreateContext(), Topics.ACCOUNTS, account.username(), account);
    sent.onSuccess(v -> {
      accounts.apply(account.username(), account);
      Responses.json(ctx, status, Json.write(view(account)));
    }).onFailure(e -> ApiErrors.send(ctx, 503, "account not saved: Kafka did not answer"));
  }
}
