package fr.communitydefender.paging.inbound;

import fr.communitydefender.domain.incident.IncidentCommand;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.paging.oncall.OnCallConfig;
import fr.communitydefender.paging.oncall.Person;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Replies to SMS pages through Twilio's inbound webhook ({@code POST /paging/sms/twilio}, form-encoded, signed with
 * {@code X-Twilio-Signature}: Base64 HMAC-SHA1, with the auth token, of the public URL followed by the sorted
 * parameters' names and values). « OK 1234 » (or « OK » for the latest) from a known on-call phone takes the
 * incident; the answer is TwiML. A wrong signature gets 403 and changes nothing.
 */
public final class TwilioReplyRouter {
  private static final Pattern REPLY = Pattern.compile("\\s*(?:ok|prends|je prends)\\s*(\\d{4})?\\s*[.!]?\\s*",
      Pattern.CASE_INSENSITIVE);

  private final OnCallConfig config;
  private final SmsReplies replies;
  private final Producer<String, IncidentCommand> commands;

  private TwilioReplyRouter(OnCallConfig config, SmsReplies replies, Producer<String, IncidentCommand> commands) {
    this.config = config;
    this.replies = replies;
    this.commands = commands;
  }

  public static Router create(Vertx vertx, OnCallConfig config, SmsReplies replies,
      Producer<String, IncidentCommand> commands) {
    TwilioReplyRouter r = new TwilioReplyRouter(config, replies, commands);
    Router router = Router.router(vertx);
    router.post("/paging/sms/twilio").handler(BodyHandler.create(false).setBodyLimit(16_384)).handler(r::handle);
    return router;
  }

  /** Twilio's request signature for {@code url} and the POST parameters. */
  public static String signature(String authToken, String url, MultiMap params) {
    StringBuilder data = new StringBuilder(url);
    TreeMap<String, String> sorted = new TreeMap<>();
    params.forEach(e -> sorted.put(e.getKey(), e.getValue()));
    sorted.forEach((k, v) -> data.append(k).append(v));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private void handle(RoutingContext ctx) {
    var twilio = config.channels().sms().twilio();
    MultiMap form = ctx.request().formAttributes();
    String given = ctx.request().getHeader("X-Twilio-Signature");
    String expected = signature(twilio.authToken().value(), twilio.inboundUrl(), form);
    if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8))) {
      ctx.response().setStatusCode(403).end();
      return;
    }
    String from = form.get("From");
    Person person = config.people().stream().filter(p -> from != null && from.equals(p.phone())).findFirst().orElse(null);
    if (person == null) {
      twiml(ctx, "Numéro inconnu de l'astreinte.");
      return;
    }
    Matcher m = REPLY.matcher(form.get("Body") == null ? "" : form.get("Body"));
    if (!m.matches()) {
      twiml(ctx, "Pour prendre un incident, répondez OK suivi de son code (ex. OK 1234).");
      return;
    }
    SmsReplies.Target target = replies.find(person.id(), m.group(1));
    if (target == null) {
      twiml(ctx, m.group(1) == null ? "Aucun incident à prendre." : "Code inconnu : " + m.group(1) + ".");
      return;
    }
    IncidentCommand command = new IncidentCommand(IncidentCommand.Type.ACKNOWLEDGE, target.watchId(),
        target.incidentId(), person.id() + " (SMS)", Instant.now(), null);
    String code = SmsReplies.code(target.incidentId());
    ctx.vertx().<Void>executeBlocking(() -> {
      commands.send(new ProducerRecord<>(Topics.INCIDENT_COMMANDS.name(), target.watchId(), command)).get();
      return null;
    }).onSuccess(v -> twiml(ctx, "C'est noté : l'incident " + code + " est à vous."))
        .onFailure(e -> ctx.response().setStatusCode(503).end());
  }

  private static void twiml(RoutingContext ctx, String message) {
    String escaped = message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    ctx.response().putHeader("Content-Type", "text/xml; charset=utf-8")
        .end("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>" + escaped + "</Message></Response>");
  }

}
