package fr.communitydefender.console.access;

import fr.communitydefender.console.http.ApiErrors;
import fr.communitydefender.console.http.KafkaSender;
import fr.communitydefender.domain.access.Account;
import fr.communitydefender.domain.access.Role;
import fr.communitydefender.domain.topic.Topics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in through an OpenID Connect provider: authorization code flow with PKCE (S256) and a state bound to the
 * browser by a short-lived cookie. {@code GET /auth/oidc/info} tells the page whether it is on;
 * {@code GET /auth/oidc/login} sends the browser to the provider; {@code GET /auth/oidc/callback} exchanges the code
 * (the ID token is checked against the provider's JWKS by Vert.x: signature, issuer, audience, expiry), maps the
 * roles claim to console roles, records the account (source {@code oidc}, no password) on the accounts topic and
 * starts a session. A user with no mapped role, a disabled account, or a local account of the same name is refused.
 */
public final class OidcLogin {
  private static final Logger LOG = LoggerFactory.getLogger(OidcLogin.class);
  static final String STATE_COOKIE = "cd_oidc";
  private static final Duration PENDING = Duration.ofMinutes(10);

  private record Pending(String verifier, Instant at) {}

  private final Vertx vertx;
  private final OidcConfig config;
  private final String publicOrigin;
  private final Sessions sessions;
  private final AccountsView accounts;
  private final KafkaSender sender;
  private final AuditLog audit;
  private final Clock clock;
  private final boolean secureCookies;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private volatile Future<OAuth2Auth> provider;

  public OidcLogin(Vertx vertx, OidcConfig config, String publicOrigin, Sessions sessions, AccountsView accounts,
      KafkaSender sender, AuditLog audit, Clock clock, boolean secureCookies) {
    this.vertx = vertx;
    this.config = java.util.Objects.requireNonNull(config, "config");
    this.publicOrigin = publicOrigin;
    this.sessions = sessions;
    this.accounts = accounts;
    this.sender = sender;
    this.audit = audit;
    this.clock = clock;
    this.secureCookies = secureCookies;
  }

  public static Router disabled(Vertx vertx) {
    Router r = Router.router(vertx);
    r.get("/auth/oidc/info").handler(ctx -> ctx.json(new JsonObject().put("enabled", false)));
    r.get("/auth/oidc/*").handler(ctx -> ApiErrors.send(ctx, 404, "no identity provider configured"));
    return r;
  }

  public Router router() {
    Router r = Router.router(vertx);
    r.get("/auth/oidc/info").handler(ctx -> ctx.json(new JsonObject().put("enabled", true)
        .put("label", config.label())));
    r.get("/auth/oidc/login").handler(this::login);
    r.get("/auth/oidc/callback").handler(this::callback);
    return r;
  }

  /** The provider, discovered on first use (and again after a failure). */
  private Future<OAuth2Auth> provider() {
    Future<OAuth2Auth> p = provider;
    if (p == null || p.failed()) {
      OAuth2Options o = new OAuth2Options().setSite(config.issuer()).setClientId(config.clientId())
          .setClientSecret(config.clientSecret()).setValidateIssuer(true);
      p = OpenIDConnectAuth.discover(vertx, o);
      provider = p;
    }
    return p;
  }

  private String origin(RoutingContext ctx) {
    return publicOrigin != null ? publicOrigin
        : (ctx.request().isSSL() ? "https" : "http") + "://" + ctx.request().authority();
  }

  private String random() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String challenge(String verifier) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
          .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void login(RoutingContext ctx) {
    provider().onFailure(e -> {
      LOG.atWarn().addKeyValue("issuer", config.issuer()).addKeyValue("reason", e.toString())
          .log("identity provider unreachable");
      ApiErrors.send(ctx, 502, "identity provider unreachable");
    }).onSuccess(p -> {
      Instant now = clock.instant();
      pending.values().removeIf(x -> x.at().plus(PENDING).isBefore(now));
      if (pending.size() > 10_000) {
        ApiErrors.send(ctx, 503, "too many sign-ins in progress");
        return;
      }
      String state = random();
      String verifier = random();
      pending.put(state, new Pending(verifier, now));
      String url = p.authorizeURL(new OAuth2AuthorizationURL().setRedirectUri(origin(ctx) + "/auth/oidc/callback")
          .setScopes(List.of("openid", "profile", "email")).setState(state).setCodeChallenge(challenge(verifier))
          .setCodeChallengeMethod("S256"));
      // Lax: the provider sends the browser back with a top-level GET from its own site
      ctx.response().addCookie(Cookie.cookie(STATE_COOKIE, state).setPath("/auth/oidc").setHttpOnly(true)
          .setSameSite(CookieSameSite.LAX).setSecure(secureCookies).setMaxAge(PENDING.toSeconds()));
      ctx.redirect(url);
    });
  }

  private void callback(RoutingContext ctx) {
    String state = ctx.request().getParam("state");
    String code = ctx.request().getParam("code");
    Cookie bound = ctx.request().getCookie(STATE_COOKIE);
    Pending p = state == null ? null : pending.remove(state);
    if (p == null || bound == null || !MessageDigest.isEqual(bound.getValue().getBytes(StandardCharsets.UTF_8),
        state.getBytes(StandardCharsets.UTF_8)) || p.at().plus(PENDING).isBefore(clock.instant())) {
      ApiErrors.send(ctx, 400, "sign-in not started here or too old: start again");
      return;
    }
    if (code == null) {
      ApiErrors.send(ctx, 401, "the identity provider refused: " + ctx.request().getParam("error"));
      return;
    }
    ctx.response().addCookie(Cookie.cookie(STATE_COOKIE, "").setPath("/auth/oidc").setMaxAge(0));
    provider().compose(auth -> auth.authenticate(new Oauth2Credentials().setFlow(OAuth2FlowType.AUTH_CODE)
        .setCode(code).setRedirectUri(origin(ctx) + "/auth/oidc/callback").setCodeVerifier(p.verifier())))
        .onFailure(e -> {
          LOG.atWarn().addKeyValue("reason", e.getMessage()).log("OpenID Connect sign-in refused");
          ApiErrors.send(ctx, 401, "sign-in refused by the identity provider or its token was invalid");
        })
        .onSuccess(user -> signIn(ctx, user));
  }

  private void signIn(RoutingContext ctx, User user) {
    JsonObject claims = user.attributes().getJsonObject("idToken");
    if (claims == null) {
      ApiErrors.send(ctx, 401, "no ID token from the identity provider");
      return;
    }
    String username = username(claims);
    Set<Role> roles = roles(claims);
    String address = AccessHandler.address(ctx.request());
    if (username == null || roles.isEmpty()) {
      audit.record(ctx.vertx().getOrCreateContext(), username == null ? "(oidc)" : username, List.of(), address,
          "session.login-failed", "/auth/oidc/callback", "no console role in claim " + config.rolesClaim(), 403);
      ApiErrors.send(ctx, 403, "your account has no role in this console: ask an administrator");
      return;
    }
    Account existing = accounts.get(username);
    if (existing != null && (!"oidc".equals(existing.source()) || existing.disabled())) {
      ApiErrors.send(ctx, 403, existing.disabled() ? "account disabled: ask an administrator"
          : "a local account already has the name '" + username + "'");
      return;
    }
    String name = claims.getString("name", username);
    Account account = existing != null && existing.roles().equals(roles) && existing.displayName().equals(name)
        ? existing : new Account(username, name, roles, null, false, "oidc", clock.instant(), "oidc");
    Future<Void> saved = account == existing ? Future.succeededFuture()
        : sender.send(ctx.vertx().getOrCreateContext(), Topics.ACCOUNTS, username, account);
    saved.onFailure(e -> ApiErrors.send(ctx, 503, "account not saved: Kafka did not answer")).onSuccess(v -> {
      accounts.apply(username, account);
      Sessions.Session s = sessions.start(username);
      ctx.response().addCookie(Cookie.cookie(Sessions.COOKIE, s.id()).setPath("/").setHttpOnly(true)
          .setSameSite(CookieSameSite.STRICT).setSecure(secureCookies));
      audit.record(ctx.vertx().getOrCreateContext(), username, roles.stream().map(Role::id).sorted().toList(),
          address, "session.login", "/auth/oidc/callback", "OpenID Connect", 302);
      ctx.redirect("/");
    });
  }

  /** {@code preferred_username}, else {@code email}, else {@code sub}, folded to the characters user names allow. */
  static String username(JsonObject claims) {
    String raw = claims.getString("preferred_username", claims.getString("email", claims.getString("sub")));
    if (raw == null) {
      return null;
    }
    String u = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._@-]", "-");
    u = u.length() > 64 ? u.substring(0, 64) : u;
    return u.length() < 2 || !Character.isLetterOrDigit(u.charAt(0)) ? null : u;
  }

  Set<Role> roles(JsonObject claims) {
    Object value = claims.getValue(config.rolesClaim());
    List<?> values = value instanceof JsonArray a ? a.getList() : value instanceof String s ? List.of(s) : List.of();
    Set<Role> out = EnumSet.noneOf(Role.class);
    for (Object v : values) {
      out.addAll(config.roleMapping().getOrDefault(String.valueOf(v), Set.of()));
    }
    return out;
  }
}
