package fr.communitydefender.paging.channel;

import fr.communitydefender.domain.paging.Notification;
import fr.communitydefender.paging.oncall.Channels;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/**
 * Twilio's Messages API: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, HTTP Basic (account SID, auth
 * token), form fields {@code To}, {@code From}, {@code Body}; answers 201 with the message {@code sid}, or an error
 * {@code {code, message, status}} (429: too many requests, retryable).
 */
public final class TwilioSender implements ChannelSender {
  private final WebClient http;
  private final Channels.Twilio config;

  public TwilioSender(Vertx vertx, Channels.Twilio config) {
    this.http = WebClient.create(vertx);
    this.config = config;
  }

  @Override
  public String provider() {
    return "twilio";
  }

  @Override
  public String send(Notification n) throws SendException {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("To", n.address()).add("From", config.from())
        .add("Body", Gsm7.encode(n.sms()));
    HttpResponse<Buffer> resp = Http.await(http.postAbs(config.baseUrl() + "/2010-04-01/Accounts/"
            + config.accountSid() + "/Messages.json")
        .basicAuthentication(config.accountSid(), config.authToken().value()).timeout(30_000).sendForm(form),
        "Twilio");
    if (resp.statusCode() == 201 || resp.statusCode() == 200) {
      return resp.bodyAsJsonObject().getString("sid");
    }
    JsonObject error = Http.jsonOrEmpty(resp);
    throw new SendException("Twilio HTTP " + resp.statusCode() + " " + error.getValue("code", "") + ": "
        + error.getString("message", ""), resp.statusCode() == 429 || resp.statusCode() >= 500);
  }
}
