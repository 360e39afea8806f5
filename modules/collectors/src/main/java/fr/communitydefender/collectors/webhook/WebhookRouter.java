package fr.communitydefender.collectors.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import fr.communitydefender.collectors.live.MentionSink;
import fr.communitydefender.domain.crypto.Hmac;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code POST /intake/:id}: authenticated, size-limited intake of mentions. Answers once Kafka acknowledged them:
 * 202 all accepted, 207 some rejected (listed with their index and reason, and dead-lettered), 422 none valid, 400
 * unreadable body, 401 bad credentials, 404 unknown intake, 409 a signed request replayed, 413 too large, 415 not
 * JSON. The bearer token is checked before the body is read; a signature (which covers the body) after, and each
 * signature is accepted once within its ±5-minute window.
 */
public final class WebhookRouter {
  private static final long MAX_SKEW_S = 300;

  /** Sends the host's JSON error shape. */
  @FunctionalInterface
  public interface Errors {
    void send(RoutingContext ctx, int status, String message);
  }

  /** Signatures seen recently (signature → when it expires), to refuse replays; bounded. */
  private static final int MAX_SEEN = 100_000;
  private final Map<String, WebhookConfig> intakes;
  private final MentionSink sink;
  private final Errors errors;
  private final java.time.Clock clock;
  private final Map<String, Long> seen = new java.util.concurrent.ConcurrentHashMap<>();

  private WebhookRouter(List<WebhookConfig> intakes, MentionSink sink, Errors errors, java.time.Clock clock) {
    this.intakes = intakes.stream().collect(Collectors.toUnmodifiableMap(WebhookConfig::id, Function.identity()));
    this.sink = sink;
    this.errors = errors;
    this.clock = clock;
  }

  public static Router create(Vertx vertx, List<WebhookConfig> intakes, MentionSink sink, Errors errors) {
    return create(vertx, intakes, sink, errors, java.time.Clock.systemUTC());
  }

  /** As above, with the clock of signature ages. */
  public static Router create(Vertx vertx, List<WebhookConfig> intakes, MentionSink sink, Errors errors,
      java.time.Clock clock) {
    WebhookRouter w = new WebhookRouter(intakes, sink, errors, clock);
    long limit = intakes.stream().mapToLong(WebhookConfig::maxBytes).max().orElse(1024);
    Router router = Router.router(vertx);
    router.post("/intake/:id").handler(w::precheck); // a route of its own: Vert.x wants body handlers first
    router.post("/intake/:id")
        .handler(BodyHandler.create(false).setBodyLimit(limit))
        .handler(w::handle)
        .failureHandler(ctx -> errors.send(ctx, ctx.statusCode() == 413 ? 413 : 500,
            ctx.statusCode() == 413 ? "request body too large (limit " + limit + " bytes)" : "internal error"));
    return router;
  }

  /**
   * Before the body is read: refuses unknown intakes, wrong content types, a missing or wrong bearer token and declared
   * oversize bodies (the body handler after it stops reading past the largest intake's limit).
   */
  private void precheck(RoutingContext ctx) {
    WebhookConfig c = intakes.get(ctx.pathParam("id"));
    if (c == null) {
      errors.send(ctx, 404, "no intake '" + ctx.pathParam("id") + "'");
      return;
    }
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      errors.send(ctx, 415, "Content-Type must be application/json");
      return;
    }
    String denied = bearer(c, ctx);
    if (denied != null) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"intake\"");
      errors.send(ctx, 401, denied);
      return;
    }
    String length = ctx.request().getHeader("Content-Length");
    if (length != null && length.matches("\\d{1,12}") && Long.parseLong(length) > c.maxBytes()) {
      errors.send(ctx, 413, "request body too large (limit " + c.maxBytes() + " bytes)");
      return;
    }
    ctx.next();
  }

  private void handle(RoutingContext ctx) {
    WebhookConfig c = intakes.get(ctx.pathParam("id"));
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    if (body.length > c.maxBytes()) {
      errors.send(ctx, 413, "request body too large (limit " + c.maxBytes() + " bytes)");
      return;
    }
    String denied = signature(c, ctx, body, clock.instant().getEpochSecond());
    if (denied != null) {
      errors.send(ctx, 401, denied);
      return;
    }
    if (c.hmacSecret() != null && !firstUse(ctx.request().getHeader("X-CD-Signature"))) {
      errors.send(ctx, 409, "signed request already received (replay)");
      return;
    }
    IntakeParser parser = new IntakeParser(c.id());
    List<JsonNode> nodes;
    try {
      nodes = parser.items(new String(body, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      errors.send(ctx, 400, e.getMessage());
      return;
    }
    if (nodes.isEmpty() || nodes.size() > c.maxBatch()) {
      errors.send(ctx, nodes.isEmpty() ? 400 : 413, nodes.isEmpty() ? "no mention in the body"
          : "too many mentions in one request (" + nodes.size() + ", limit " + c.maxBatch() + ")");
      return;
    }
    List<Future<?>> sent = new ArrayList<>();
    JsonArray rejected = new JsonArray();
    int[] accepted = {0};
    int[] duplicates = {0};
    var context = ctx.vertx().getOrCreateContext();
    for (int i = 0; i < nodes.size(); i++) {
      IntakeParser.Item item = parser.item(i, nodes.get(i));
      if (item.mention() == null) {
        rejected.add(new JsonObject().put("index", i).put("error", item.error()));
        sent.add(Future.fromCompletionStage(sink.deadLetter(c.type(), "intake:" + c.id(), item.error(),
            item.payload()), context));
      } else {
        sent.add(Future.fromCompletionStage(sink.publish(c.type(), item.mention()), context).onSuccess(published -> {
          if (published) {
            accepted[0]++;
          } else {
            duplicates[0]++;
          }
        }));
      }
    }
    Future.all(sent).onSuccess(v -> {
      JsonObject answer = new JsonObject().put("accepted", accepted[0]).put("duplicates", duplicates[0])
          .put("rejected", rejected);
      int status = rejected.isEmpty() ? 202 : rejected.size() == nodes.size() ? 422 : 207;
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
          .end(answer.encode());
    }).onFailure(e -> errors.send(ctx, 503, "could not store the mentions, retry later: " + e.getMessage()));
  }

  /** Whether a signature is new; remembered until its timestamp can no longer be accepted. */
  private boolean firstUse(String signature) {
    long now = clock.instant().getEpochSecond();
    if (seen.size() >= MAX_SEEN) {
      seen.values().removeIf(expiry -> expiry < now);
    }
    return seen.putIfAbsent(signature.trim(), now + 2 * MAX_SKEW_S) == null;
  }

  /** Null when the request carries the intake's bearer token (or it needs none), else why not. */
  static String bearer(WebhookConfig c, RoutingContext ctx) {
    if (c.token() != null) {
      String auth = ctx.request().getHeader("Authorization");
      if (auth == null || !auth.startsWith("Bearer ")) {
        return "missing bearer token";
      }
      if (!MessageDigest.isEqual(auth.substring(7).trim().getBytes(StandardCharsets.UTF_8),
          c.token().value().getBytes(StandardCharsets.UTF_8))) {
        return "invalid token";
      }
    }
    return null;
  }

  /** Null when the request's signature (if the intake wants one) is valid and recent, else why not. */
  static String signature(WebhookConfig c, RoutingContext ctx, byte[] body, long nowSeconds) {
    if (c.hmacSecret() != null) {
      String ts = ctx.request().getHeader("X-CD-Timestamp");
      String sig = ctx.request().getHeader("X-CD-Signature");
      if (ts == null || sig == null || !ts.matches("\\d{1,12}") || !sig.startsWith("sha256=")) {
        return "missing X-CD-Timestamp or X-CD-Signature (sha256=HEX)";
      }
      if (Math.abs(nowSeconds - Long.parseLong(ts)) > MAX_SKEW_S) {
        return "signature timestamp outside ±5 minutes";
      }
      byte[] expected = Hmac.timestamped(c.hmacSecret().value(), ts, body);
      byte[] given;
      try {
        given = HexFormat.of().parseHex(sig.substring(7).trim());
      } catch (IllegalArgumentException e) {
        return "signature is not hexadecimal";
      }
      if (!MessageDigest.isEqual(expected, given)) {
        return "invalid signature";
      }
    }
    return null;
  }

}
