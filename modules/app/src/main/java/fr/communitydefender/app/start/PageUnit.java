package fr.communitydefender.app.start;

import fr.communitydefender.app.internal.StreamsApp;
import fr.communitydefender.domain.paging.Notification;
import fr.communitydefender.domain.paging.OutboxSignature;
import fr.communitydefender.domain.topic.Producers;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.paging.PagingMetrics;
import fr.communitydefender.paging.channel.ChannelSender;
import fr.communitydefender.paging.channel.EmailSender;
import fr.communitydefender.paging.channel.OvhSender;
import fr.communitydefender.paging.channel.SmppSender;
import fr.communitydefender.paging.channel.TwilioSender;
import fr.communitydefender.paging.channel.WebhookSender;
import fr.communitydefender.paging.escalation.PagingTopology;
import fr.communitydefender.paging.inbound.SmsReplies;
import fr.communitydefender.paging.inbound.TwilioReplyRouter;
import fr.communitydefender.paging.oncall.Channels;
import fr.communitydefender.paging.oncall.OnCallConfig;
import fr.communitydefender.paging.sender.IncidentWhy;
import fr.communitydefender.paging.sender.Pager;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Role {@code page}: escalation (Streams app {@code cd-paging}) and the pager (consumer group {@code cd-pager}) with
 * the channels of the on-call file; SMS replies (Twilio) as an HTTP route.
 */
final class PageUnit implements Unit {
  private final OnCallConfig oncall;
  private final byte[] key;
  private final Resources resources = new Resources("page");
  private StreamsApp app;
  private Pager pager;
  private Function<Vertx, Router> replyRoutes;

  PageUnit(OnCallConfig oncall, byte[] key) {
    this.oncall = Objects.requireNonNull(oncall, "oncall");
    this.key = Objects.requireNonNull(key, "key");
  }

  @Override
  public String name() {
    return "page";
  }

  @Override
  public void start(UnitContext c) {
    PagingMetrics metrics = new PagingMetrics(c.registry());
    app = resources.add(StreamsApp.start("cd-paging", PagingTopology.build(oncall, key, metrics,
        Duration.ofSeconds(1)), c.bootstrap(), c.stateDir(), c.registry()));
    Vertx vertx = c.vertx().get();
    var attempts = resources.add(Producers.forTopic(c.bootstrap(), Topics.PAGING_ATTEMPTS, "cd-pager-attempts"));
    var outbox = resources.add(Producers.forTopic(c.bootstrap(), Topics.PAGING_OUTBOX, "cd-pager-outbox",
        OutboxSignature.serializer(key)));
    SmsReplies replies = new SmsReplies();
    if (oncall.channels().smsReplies()) {
      var commands = resources.add(Producers.forTopic(c.bootstrap(), Topics.INCIDENT_COMMANDS, "cd-pager-replies"));
      replyRoutes = v -> TwilioReplyRouter.create(v, oncall, replies, commands);
    }
    pager = new Pager(c.bootstrap(), senders(vertx), oncall, attempts, outbox, metrics, 4, Duration.ofSeconds(2),
        replies, new IncidentWhy(vertx, oncall.consoleUrl()), key);
    Pager running = pager;
    Thread thread = Thread.ofPlatform().name("cd-pager").start(running);
    resources.add(() -> {
      running.close();
      thread.join(10_000);
    });
  }

  /** One sender per channel of the on-call file; the SMS provider chosen by {@code channels.sms.provider}. */
  private Map<Notification.Channel, ChannelSender> senders(Vertx vertx) {
    Map<Notification.Channel, ChannelSender> senders = new EnumMap<>(Notification.Channel.class);
    Channels ch = oncall.channels();
    if (ch.email() != null) {
      senders.put(Notification.Channel.EMAIL, new EmailSender(vertx, ch.email()));
    }
    if (ch.sms() != null) {
      senders.put(Notification.Channel.SMS, switch (ch.sms().provider()) {
        case "ovh" -> new OvhSender(vertx, ch.sms().ovh());
        case "twilio" -> new TwilioSender(vertx, ch.sms().twilio());
        default -> resources.add(new SmppSender(ch.sms().smpp()));
      });
    }
    if (ch.webhook() != null) {
      senders.put(Notification.Channel.WEBHOOK, new WebhookSender(vertx, ch.webhook()));
    }
    return senders;
  }

  /** The SMS replies' route, or null when replies are not configured. */
  Function<Vertx, Router> replyRoutes() {
    return replyRoutes;
  }

  @Override
  public boolean healthy() {
    return app != null && app.running() && pager.healthy();
  }

  @Override
  public void stop() {
    resources.closeAll();
  }
}
