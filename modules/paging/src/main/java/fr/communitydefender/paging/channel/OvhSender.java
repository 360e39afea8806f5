package fr.communitydefender.paging.channel;

import fr.communitydefender.domain.paging.Notification;
import fr.communitydefender.paging.oncall.Channels;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * OVHcloud's SMS API: {@code POST {endpoint}/sms/{service}/jobs} signed the OVH way — headers
 * {@code X-Ovh-Application}, {@code X-Ovh-Consumer}, {@code X-Ovh-Timestamp} (the API's clock, read once from
 * {@code GET /auth/time}) and {@code X-Ovh-Signature: "$1$" + SHA1_HEX(AS+CK+METHOD+URL+BODY+TIMESTAMP)} joined by
 * '+'; answers {@code {"ids": [...], "validReceivers": [...], "invalidReceivers": [...]}}.
 */
public final class OvhSender implements ChannelSender {
  private final WebClient http;
  private final Channels.Ovh config;
  private Long clockDelta;

  public OvhSender(Vertx vertx, Channels.Ovh config) {
    this.http = WebClient.create(vertx);
    this.config = config;
  }

  @Override
  public String provider() {
    return "ovh";
  }

  private long now() throws SendException {
    if (clockDelta == null) {
      HttpResponse<Buffer> r = Http.await(http.getAbs(config.endpoint() + "/auth/time").timeout(10_000).send(), "OVH");
      if (r.statusCode() != 200) {
        throw new SendException("OVH /auth/time HTTP " + r.statusCode(), true);
      }
      clockDelta = Long.parseLong(r.bodyAsString().trim()) - Instant.now().getEpochSecond();
    }
    return Instant.now().getEpochSecond() + clockDelta;
  }

  /** The OVH signature of a call. */
  public static String signature(String appSecret, String consumerKey, String method, String url, String body,
      long timestamp) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-1").digest(String.join("+", appSecret, consumerKey, method, url, body,
          Long.toString(timestamp)).getBytes(StandardCharsets.UTF_8));
      return "$1$" + HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String send(Notification n) throws SendException {
    String url = config.endpoint() + "/sms/" + config.service() + "/jobs";
    JsonObject job = new JsonObject().put("message", Gsm7.encode(n.sms())).put("receivers", new JsonArray().add(n.address()))
        .put("priority", "high").put("coding", "7bit").put("charset", "UTF-8").put("noStopClause", true)
        .put("tag", n.incidentId().length() > 20 ? n.incidentId().substring(0, 20) : n.incidentId());
    if (config.sender() != null) {
      job.put("sender", config.sender());
    } else {
      job.put("senderForResponse", true);
    }
    String body = job.encode();
    long ts = now();
    String ck = config.consumerKey().value();
    HttpResponse<Buffer> resp = Http.await(http.postAbs(url).putHeader("Content-Type", "application/json")
        .putHeader("X-Ovh-Application", config.applicationKey()).putHeader("X-Ovh-Consumer", ck)
        .putHeader("X-Ovh-Timestamp", Long.toString(ts))
        .putHeader("X-Ovh-Signature", signature(config.applicationSecret().value(), ck, "POST", url, body, ts))
        .timeout(30_000).sendBuffer(Buffer.buffer(body)), "OVH");
    JsonObject answer = Http.jsonOrEmpty(resp);
    if (resp.statusCode() == 200 && !answer.getJsonArray("ids", new JsonArray()).isEmpty()) {
      return answer.getJsonArray("ids").getValue(0).toString();
    }
    if (resp.statusCode() == 200) {
      throw new SendException("OVH refused the receiver: " + answer.getJsonArray("invalidReceivers"), false);
    }
    throw new SendException("OVH HTTP " + resp.statusCode() + ": " + answer.getString("message", ""),
        resp.statusCode() == 429 || resp.statusCode() >= 500);
  }
}
