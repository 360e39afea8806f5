package fr.communitydefender.paging.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communitydefender.domain.config.Secret;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.paging.Notification;
import fr.communitydefender.paging.oncall.Channels;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP providers against local servers that check the documented request format (authentication, signature,
 * fields) and answer as the providers do, errors and rate limits included.
 */
class SmsProvidersIT {
  private static final long OVH_TIME = 1_764_500_000L;
  @TempDir
  Path dir;
  private final Vertx vertx = Vertx.vertx();
  private final List<MultiMap> twilioForms = new CopyOnWriteArrayList<>();
  private final List<JsonObject> ovhJobs = new CopyOnWriteArrayList<>();
  private final List<JsonObject> hooks = new CopyOnWriteArrayList<>();
  private final AtomicInteger hookStatus = new AtomicInteger(200);
  private int port;

  @BeforeEach
  void server() throws Exception {
    Router r = Router.router(vertx);
    r.route().handler(BodyHandler.create());
    r.post("/2010-04-01/Accounts/AC123/Messages.json").handler(ctx -> {
      String expected = "Basic " + Base64.getEncoder().encodeToString("AC123:tw-s3cret".getBytes(StandardCharsets.UTF_8));
      if (!expected.equals(ctx.request().getHeader("Authorization"))) {
        ctx.response().setStatusCode(401).end(new JsonObject().put("code", 20003).put("message", "Authenticate")
            .put("status", 401).encode());
        return;
      }
      MultiMap form = ctx.request().formAttributes();
      twilioForms.add(MultiMap.caseInsensitiveMultiMap().addAll(form));
      if (!form.get("To").matches("\\+[1-9]\\d{6,14}")) {
        ctx.response().setStatusCode(400).end(new JsonObject().put("code", 21211)
            .put("message", "The 'To' number " + form.get("To") + " is not a valid phone number.").put("status", 400)
            .encode());
      } else if (form.get("To").equals("+33699999999")) {
        ctx.response().setStatusCode(429).end(new JsonObject().put("code", 20429).put("message", "Too Many Requests")
            .put("status", 429).encode());
      } else {
        ctx.response().setStatusCode(201).end(new JsonObject().put("sid", "SM" + "a".repeat(32))
            .put("status", "queued").put("to", form.get("To")).encode());
      }
    });
    r.get("/1.0/auth/time").handler(ctx -> ctx.response().end(Long.toString(OVH_TIME)));
    r.post("/1.0/sms/sms-ab12345-1/jobs").handler(ctx -> {
      String body = ctx.body().asString();
      String ts = ctx.request().getHeader("X-Ovh-Timestamp");
      String url = "http://127.0.0.1:" + port + "/1.0/sms/sms-ab12345-1/jobs";
      String expected = OvhSender.signature("ovh-secret", "ovh-consumer", "POST", url, body, Long.parseLong(ts));
      if (!"app-key".equals(ctx.request().getHeader("X-Ovh-Application"))
          || !"ovh-consumer".equals(ctx.request().getHeader("X-Ovh-Consumer"))
          || !expected.equals(ctx.request().getHeader("X-Ovh-Signature"))
          || Math.abs(Long.parseLong(ts) - OVH_TIME) > 5) {
        ctx.response().setStatusCode(400).end(new JsonObject().put("message", "Invalid signature").encode());
        return;
      }
      JsonObject job = ctx.body().asJsonObject();
      ovhJobs.add(job);
      ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
          .put("ids", new JsonArray().add(123456789L)).put("validReceivers", job.getJsonArray("receivers"))
          .put("invalidReceivers", new JsonArray()).put("totalCreditsRemoved", 1).encode());
    });
    r.post("/hook").handler(ctx -> {
      String sig = "sha256=" + WebhookSender.sign("hook-secret", ctx.request().getHeader("X-CD-Timestamp"),
          ctx.body().asString());
      if (!sig.equals(ctx.request().getHeader("X-CD-Signature"))) {
        ctx.response().setStatusCode(401).end();
        return;
      }
      hooks.add(ctx.body().asJsonObject().put("idempotencyKey", ctx.request().getHeader("Idempotency-Key")));
      ctx.response().setStatusCode(hookStatus.get()).end();
    });
    port = vertx.createHttpServer().requestHandler(r).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
  }

  @AfterEach
  void stop() {
    vertx.close();
  }

  private Secret secret(String name, String value) throws Exception {
    return Secret.ofFile(Files.writeString(dir.resolve(name), value));
  }

  static Notification sms(String phone, String text) {
    return new Notification("i1:1:0:camille:SMS", "spike.ville.1", "ville", Notification.Kind.OPENED, 0, Severity.HIGH,
        "camille", "Camille", Notification.Channel.SMS, phone, "fr", "s", "b", text, null, List.of(), Instant.now());
  }

  @Test
  void shouldSendThroughTwilioWithBasicAuthAndFormFields() throws Exception {
    TwilioSender twilio = new TwilioSender(vertx, new Channels.Twilio("http://127.0.0.1:" + port, "AC123",
        secret("tw", "tw-s3cret"), "+33700000000"));
    assertThat(twilio.send(sms("+33611111111", "CD HAUTE ville: crue, forêt « évacuée »")))
        .isEqualTo("SM" + "a".repeat(32));
    assertThat(twilioForms).singleElement().satisfies(f -> {
      assertThat(f.get("To")).isEqualTo("+33611111111");
      assertThat(f.get("From")).isEqualTo("+33700000000");
      assertThat(f.get("Body")).isEqualTo("CD HAUTE ville: crue, foret \" évacuée \"");
    });
    assertThatThrownBy(() -> twilio.send(sms("0611", "x"))).isInstanceOfSatisfying(ChannelSender.SendException.class,
        e -> {
          assertThat(e.getMessage()).isEqualTo("Twilio HTTP 400 21211: The 'To' number 0611 is not a valid phone number.");
          assertThat(e.retryable()).isFalse();
        });
    assertThatThrownBy(() -> twilio.send(sms("+33699999999", "x")))
        .isInstanceOfSatisfying(ChannelSender.SendException.class, e -> assertThat(e.retryable()).isTrue());
    TwilioSender wrongToken = new TwilioSender(vertx, new Channels.Twilio("http://127.0.0.1:" + port, "AC123",
        secret("tw2", "wrong"), "+33700000000"));
    assertThatThrownBy(() -> wrongToken.send(sms("+33611111111", "x"))).hasMessage("Twilio HTTP 401 20003: Authenticate");
  }

  @Test
  void shouldSignOvhCallsWithTheApisClock() throws Exception {
    OvhSender ovh = new OvhSender(vertx, new Channels.Ovh("http://127.0.0.1:" + port + "/1.0", "app-key",
        secret("as", "ovh-secret"), secret("ck", "ovh-consumer"), "sms-ab12345-1", "MAIRIE"));
    assertThat(ovh.send(sms("+33611111111", "CD HAUTE ville: Pic de mentions"))).isEqualTo("123456789");
    assertThat(ovhJobs).singleElement().satisfies(j -> {
      assertThat(j.getJsonArray("receivers").getList()).containsExactly("+33611111111");
      assertThat(j.getString("sender")).isEqualTo("MAIRIE");
      assertThat(j.getString("message")).isEqualTo("CD HAUTE ville: Pic de mentions");
      assertThat(j.getBoolean("noStopClause")).isTrue();
    });
    OvhSender forged = new OvhSender(vertx, new Channels.Ovh("http://127.0.0.1:" + port + "/1.0", "app-key",
        secret("as2", "not-the-secret"), secret("ck2", "ovh-consumer"), "sms-ab12345-1", "MAIRIE"));
    assertThatThrownBy(() -> forged.send(sms("+33611111111", "x"))).hasMessage("OVH HTTP 400: Invalid signature");
  }

  @Test
  void shouldPostSignedWebhooksWithTheIdempotencyKey() throws Exception {
    WebhookSender hook = new WebhookSender(vertx, new Channels.Webhook(secret("hook", "hook-secret")));
    Notification n = new Notification("i1:1:0:camille:WEBHOOK", "spike.ville.1", "ville", Notification.Kind.OPENED, 0,
        Severity.HIGH, "camille", "Camille", Notification.Channel.WEBHOOK, "http://127.0.0.1:" + port + "/hook", "fr",
        "[HAUTE] Pic — ville", "corps", "sms", "https://d.example/ack/x", List.of(), Instant.now());
    assertThat(hook.send(n)).isEqualTo(n.id());
    assertThat(hooks).singleElement().satisfies(h -> {
      assertThat(h.getString("idempotencyKey")).isEqualTo("i1:1:0:camille:WEBHOOK");
      assertThat(h.getString("severity")).isEqualTo("high");
      assertThat(h.getString("ackUrl")).isEqualTo("https://d.example/ack/x");
    });
    hookStatus.set(503);
    assertThatThrownBy(() -> hook.send(n)).isInstanceOfSatisfying(ChannelSender.SendException.class,
        e -> assertThat(e.retryable()).isTrue());
  }
}
