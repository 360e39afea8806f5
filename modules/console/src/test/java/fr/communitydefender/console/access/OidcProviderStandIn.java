package fr.communitydefender.console.access;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A small OpenID Connect provider for tests, speaking the protocol's documented wire format: discovery
 * ({@code /.well-known/openid-configuration}), JWKS (one RSA key), the authorization endpoint (it signs in
 * {@link #user} at once, as a provider with an open session would) and the token endpoint (authorization code with
 * PKCE S256, the ID token signed RS256 with the user's claims).
 */
final class OidcProviderStandIn implements AutoCloseable {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private final Vertx vertx;
  private final HttpServer server;
  private final KeyPair keys;
  private final String clientId;
  private final Map<String, JsonObject> codes = new ConcurrentHashMap<>();
  /** The claims of the user signed in at the next authorization (sub, preferred_username, name, groups…). */
  volatile JsonObject user = new JsonObject();
  /** How many token requests were refused because the PKCE verifier did not match. */
  volatile int pkceRefusals;
  /** When set, ID tokens are signed with a key that is not in the JWKS (a forged token). */
  volatile boolean forge;

  OidcProviderStandIn(Vertx vertx, String clientId) throws Exception {
    this.vertx = vertx;
    this.clientId = clientId;
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    keys = g.generateKeyPair();
    Router r = Router.router(vertx);
    r.get("/.well-known/openid-configuration").handler(ctx -> ctx.json(new JsonObject()
        .put("issuer", issuer()).put("authorization_endpoint", issuer() + "/authorize")
        .put("token_endpoint", issuer() + "/token").put("jwks_uri", issuer() + "/jwks")
        .put("response_types_supported", new JsonArray().add("code"))
        .put("subject_types_supported", new JsonArray().add("public"))
        .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"))
        .put("code_challenge_methods_supported", new JsonArray().add("S256"))
        .put("grant_types_supported", new JsonArray().add("authorization_code"))));
    r.get("/jwks").handler(ctx -> {
      RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
      ctx.json(new JsonObject().put("keys", new JsonArray().add(new JsonObject().put("kty", "RSA").put("kid", "k1")
          .put("use", "sig").put("alg", "RS256").put("n", unsigned(pub.getModulus()))
          .put("e", unsigned(pub.getPublicExponent())))));
    });
    r.get("/authorize").handler(ctx -> {
      var q = ctx.request().params();
      if (!clientId.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))
          || !"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null) {
        ctx.response().setStatusCode(400).end("invalid_request");
        return;
      }
      String code = UUID.randomUUID().toString();
      codes.put(code, new JsonObject().put("challenge", q.get("code_challenge")).put("redirect", q.get("redirect_uri"))
          .put("claims", user.copy()));
      ctx.redirect(q.get("redirect_uri") + "?code=" + code + "&state=" + q.get("state"));
    });
    r.post("/token").handler(BodyHandler.create(false)).handler(ctx -> {
      var f = ctx.request().formAttributes();
      JsonObject grant = codes.remove(String.valueOf(f.get("code")));
      if (grant == null || !grant.getString("redirect").equals(f.get("redirect_uri"))) {
        ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
            .end("{\"error\":\"invalid_grant\"}");
        return;
      }
      if (f.get("code_verifier") == null || !grant.getString("challenge").equals(challenge(f.get("code_verifier")))) {
        pkceRefusals++;
        ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
            .end("{\"error\":\"invalid_grant\",\"error_description\":\"PKCE verifier\"}");
        return;
      }
      long now = System.currentTimeMillis() / 1000;
      JsonObject claims = grant.getJsonObject("claims").copy().put("iss", issuer()).put("aud", clientId)
          .put("iat", now).put("exp", now + 300);
      ctx.json(new JsonObject().put("access_token", UUID.randomUUID().toString()).put("token_type", "Bearer")
          .put("expires_in", 300).put("id_token", sign(claims)));
    });
    server = vertx.createHttpServer().requestHandler(r).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
  }

  String issuer() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  private static String unsigned(BigInteger n) {
    byte[] b = n.toByteArray();
    if (b.length > 1 && b[0] == 0) {
      b = java.util.Arrays.copyOfRange(b, 1, b.length);
    }
    return B64.encodeToString(b);
  }

  private static String challenge(String verifier) {
    try {
      return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String sign(JsonObject claims) {
    try {
      String head = B64.encodeToString(new JsonObject().put("alg", "RS256").put("typ", "JWT").put("kid", "k1")
          .encode().getBytes(StandardCharsets.UTF_8));
      String body = B64.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
      Signature s = Signature.getInstance("SHA256withRSA");
      if (forge) {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        s.initSign(g.generateKeyPair().getPrivate());
      } else {
        s.initSign(keys.getPrivate());
      }
      s.update((head + "." + body).getBytes(StandardCharsets.US_ASCII));
      return head + "." + body + "." + B64.encodeToString(s.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }

  static List<String> groups(String... g) {
    return List.of(g);
  }
}
