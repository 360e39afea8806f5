package fr.communitydefender.collectors.webhook;

import static fr.communitydefender.collectors.live.LiveHarness.ids;
import static fr.communitydefender.collectors.live.LiveHarness.raw;
import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.collectors.live.LiveCollectors;
import fr.communitydefender.collectors.live.LiveHarness;
import fr.communitydefender.domain.config.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The intake over real HTTP into the real raw topic: authentication, limits, bad JSON, partial batches. */
class WebhookIntakeIT {
  @TempDir
  static Path dir;
  private static LiveHarness harness;
  private static LiveCollectors live;
  private static String base;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    harness = new LiveHarness();
    live = harness.start(
        new WebhookConfig("formulaire", Secret.ofFile(LiveHarness.tokenFile(dir, "tok-123")), null, 2048, 3),
        new WebhookConfig("outil", null, Secret.ofFile(LiveHarness.tokenFile(dir, "hmac-key")), null, null));
    Router root = Router.router(harness.vertx);
    root.route("/api/*").subRouter(live.intakeRouter((ctx, status, message) -> ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", new JsonObject().put("status", status).put("message", message)).encode())));
    base = "http://127.0.0.1:" + harness.serve(root) + "/api/intake/";
  }

  @AfterAll
  static void stop() throws Exception {
    live.close();
    harness.close();
  }

  private HttpResponse<String> post(String intake, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + intake))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String mention(String id, String text) {
    return new JsonObject().put("id", id).put("publishedAt", "2026-11-29T10:00:00Z").put("text", text).encode();
  }

  private static String message(HttpResponse<String> r) {
    return new JsonObject(r.body()).getJsonObject("error").getString("message");
  }

  @Test
  void shouldAcceptAnAuthenticatedBatchOnceKafkaHasIt() throws Exception {
    HttpResponse<String> r = post("formulaire", "[" + mention("a1", "Arbre tombé rue Haute") + ","
        + mention("a2", "Nid-de-poule avenue Jaurès") + "]", "Authorization", "Bearer tok-123",
        "Content-Type", "application/json");
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(new JsonObject(r.body()).getInteger("accepted")).isEqualTo(2);
    assertThat(ids(raw("webhook:formulaire:a", l -> l.size() >= 2)))
        .containsExactlyInAnyOrder("webhook:formulaire:a1", "webhook:formulaire:a2");
    HttpResponse<String> again = post("formulaire", mention("a1", "Arbre tombé rue Haute"),
        "Authorization", "Bearer tok-123", "Content-Type", "application/json");
    assertThat(new JsonObject(again.body()).getInteger("duplicates")).isEqualTo(1);
  }

  @Test
  void shouldRefuseMissingOrWrongCredentials() throws Exception {
    HttpResponse<String> none = post("formulaire", mention("b1", "x"), "Content-Type", "application/json");
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(message(none)).isEqualTo("missing bearer token");
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"intake\"");
    HttpResponse<String> wrong = post("formulaire", mention("b1", "x"), "Authorization", "Bearer tok-124",
        "Content-Type", "application/json");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(message(wrong)).isEqualTo("invalid token");
  }

  @Test
  void shouldAnswerClearlyOnBadRequests() throws Exception {
    String[] auth = {"Authorization", "Bearer tok-123", "Content-Type", "application/json"};
    assertThat(post("formulaire", "{oops", auth)).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(message(r)).startsWith("invalid JSON");
    });
    assertThat(post("formulaire", mention("c1", "x".repeat(3000)), auth)).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(413);
      assertThat(message(r)).isEqualTo("request body too large (limit 2048 bytes)");
    });
    assertThat(post("formulaire", "[" + String.join(",", mention("c2", "a"), mention("c3", "b"), mention("c4", "c"),
        mention("c5", "d")) + "]", auth)).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(413);
      assertThat(message(r)).isEqualTo("too many mentions in one request (4, limit 3)");
    });
    assertThat(post("formulaire", mention("c6", "x"), "Authorization", "Bearer tok-123", "Content-Type",
        "text/plain").statusCode()).isEqualTo(415);
    assertThat(post("inconnu", mention("c7", "x"), auth)).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(message(r)).isEqualTo("no intake 'inconnu'");
    });
  }

  @Test
  void shouldPublishTheGoodItemsOfAPartialBatchAndDeadLetterTheRest() throws Exception {
    HttpResponse<String> r = post("formulaire", "[" + mention("d1", "Inondation place du marché")
        + ",{\"id\":\"d2\",\"text\":\"sans date\"}]", "Authorization", "Bearer tok-123",
        "Content-Type", "application/json");
    assertThat(r.statusCode()).isEqualTo(207);
    JsonObject answer = new JsonObject(r.body());
    assertThat(answer.getInteger("accepted")).isEqualTo(1);
    assertThat(answer.getJsonArray("rejected").getJsonObject(0).getMap())
        .containsEntry("index", 1).containsEntry("error", "publishedAt: required");
    assertThat(ids(raw("webhook:formulaire:d", l -> !l.isEmpty()))).containsExactly("webhook:formulaire:d1");
    assertThat(LiveHarness.deadLetters("intake:formulaire", 1)).singleElement()
        .satisfies(d -> assertThat(d.payload()).contains("sans date"));
  }

  @Test
  void shouldCheckHmacSignaturesAndTheirAge() throws Exception {
    String body = mention("e1", "Signalement : éclairage en panne");
    String ts = Long.toString(Instant.now().getEpochSecond());
    String sig = "sha256=" + HexFormat.of().formatHex(fr.communitydefender.domain.crypto.Hmac.timestamped("hmac-key", ts,
        body.getBytes(StandardCharsets.UTF_8)));
    assertThat(post("outil", body, "X-CD-Timestamp", ts, "X-CD-Signature", sig, "Content-Type", "application/json")
        .statusCode()).isEqualTo(202);
    assertThat(post("outil", body, "X-CD-Timestamp", ts, "X-CD-Signature", sig, "Content-Type", "application/json"))
        .as("the same signed request again").satisfies(r -> {
          assertThat(r.statusCode()).isEqualTo(409);
          assertThat(message(r)).isEqualTo("signed request already received (replay)");
        });
    assertThat(post("outil", body.replace("panne", "PANNE"), "X-CD-Timestamp", ts, "X-CD-Signature", sig,
        "Content-Type", "application/json")).satisfies(r -> {
          assertThat(r.statusCode()).isEqualTo(401);
          assertThat(message(r)).isEqualTo("invalid signature");
        });
    String old = Long.toString(Instant.now().getEpochSecond() - 600);
    String oldSig = "sha256=" + HexFormat.of().formatHex(fr.communitydefender.domain.crypto.Hmac.timestamped("hmac-key", old,
        body.getBytes(StandardCharsets.UTF_8)));
    assertThat(message(post("outil", body, "X-CD-Timestamp", old, "X-CD-Signature", oldSig, "Content-Type",
        "application/json"))).isEqualTo("signature timestamp outside ±5 minutes");
    assertThat(ids(raw("webhook:outil:", l -> !l.isEmpty()))).containsExactly("webhook:outil:e1");
  }

  @Test
  void shouldRefuseAMissingTokenBeforeReadingTheBody() throws Exception {
    String big = "[" + mention("z1", "x".repeat(5_000)) + "]"; // over this intake's 2,048 bytes
    HttpResponse<String> r = post("formulaire", big, "Content-Type", "application/json");
    assertThat(r.statusCode()).as("authenticated before the body is buffered: 401, not 413").isEqualTo(401);
    assertThat(message(r)).isEqualTo("missing bearer token");
  }
}
