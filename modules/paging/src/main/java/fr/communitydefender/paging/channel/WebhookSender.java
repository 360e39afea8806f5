package fr.communitydefender.paging.channel;

import fr.communitydefender.domain.crypto.Hmac;
import fr.communitydefender.domain.paging.Notification;
import fr.communitydefender.paging.oncall.Channels;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A JSON POST to the person's webhook (chat tools): {@code X-CD-Timestamp}, {@code X-CD-Signature: sha256=HEX} (HMAC
 * of {@code TIMESTAMP.BODY}, as our intake checks) and {@code Idempotency-Key} (the notification id). Any 2xx is
 * delivered; 429 and 5xx are retried.
 */
public final class WebhookSender implements ChannelSender {
  private final WebClient http;
  private final Channels.Webhook config;

  public WebhookSender(Vertx vertx, Channels.Webhook config) {
    this.http = WebClient.create(vertx);
    this.config = config;
  }

  @Override
  public String provider() {
    return "webhook";
  }

  @Override
  public String send(Notification n) throws SendException {
    String body = new JsonObject().put("id", n.id()).put("incident", n.incidentId()).put("watch", n.watchId())
        .put("kind", n.kind().name().toLowerCase(java.util.Locale.ROOT))
        .put("severity", n.severity() == null ? null : n.severity().id()).put("level", n.level() + 1)
        .put("subject", n.subject()).put("text", n.body()).put("ackUrl", n.ackUrl()).encode();
    String ts = Long.toString(Instant.now().getEpochSecond());
    HttpResponse<Buffer> resp = Http.await(http.postAbs(n.address()).putHeader("Content-Type", "application/json")
        .putHeader("X-CD-Timestamp", ts).putHeader("X-CD-Signature", "sha256=" + sign(config.secret().value(), ts, body))
        .putHeader("Idempotency-Key", n.id()).timeout(30_000).sendBuffer(Buffer.buffer(body)), "webhook");
    if (resp.statusCode() / 100 == 2) {
      return n.id();
    }
    throw new SendException("webhook HTTP " + resp.statusCode(), resp.statusCode() == 429 || resp.statusCode() >= 500);
  }

  static String sign(String secret, String ts, String body) {
    return HexFormat.of().formatHex(Hmac.timestamped(secret, ts, body.getBytes(StandardCharsets.UTF_8)));
  }
}
