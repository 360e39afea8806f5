package fr.communitydefender.paging.sender;

import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.paging.DeliveryAttempt;
import fr.communitydefender.domain.paging.Notification;
import fr.communitydefender.domain.topic.ConsumerLoop;
import fr.communitydefender.domain.topic.TopicSnapshot;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.paging.PagingMetrics;
import fr.communitydefender.paging.channel.ChannelSender;
import fr.communitydefender.paging.inbound.SmsReplies;
import fr.communitydefender.paging.oncall.OnCallConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the escalation stage put in the outbox, in order per incident (emails completed with the incident's
 * explanation from the console when it answers): each try is recorded in the attempts
 * topic (the incident's timeline); a retryable failure is retried with exponential backoff, then the page falls back
 * to the person's next channel (a new outbox record), while the escalation goes on by its own clock. Ids already
 * delivered (read back from the attempts topic at start) are not sent again, so a crash between "opened" and "sent"
 * neither loses a page (the offset is committed after the attempt is recorded) nor, in all but a narrow window
 * between the provider's answer and the record, doubles it.
 */
public final class Pager extends ConsumerLoop {
  private static final Logger LOG = LoggerFactory.getLogger(Pager.class);
  public static final String GROUP_ID = "cd-pager";

  private final String bootstrap;
  private final Map<Notification.Channel, ChannelSender> senders;
  private final OnCallConfig config;
  private final Producer<String, DeliveryAttempt> attempts;
  private final Producer<String, Notification> outbox;
  private final PagingMetrics metrics;
  private final int maxTries;
  private final Duration firstBackoff;
  private final Set<String> delivered = new HashSet<>();
  private final SmsReplies replies;
  private final IncidentWhy why;
  private final byte[] key;

  /**
   * {@code key}: the installation key pages are signed with ({@link fr.communitydefender.domain.paging.OutboxSignature});
   * {@code outbox} must sign with it too (fallbacks go back to the outbox).
   */
  public Pager(String bootstrap, Map<Notification.Channel, ChannelSender> senders, OnCallConfig config,
      Producer<String, DeliveryAttempt> attempts, Producer<String, Notification> outbox, PagingMetrics metrics,
      int maxTries, Duration firstBackoff, SmsReplies replies, IncidentWhy why, byte[] key) {
    super("pager", Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50, ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 900_000));
    this.bootstrap = bootstrap;
    this.senders = Map.copyOf(senders);
    this.config = config;
    this.attempts = attempts;
    this.outbox = outbox;
    this.metrics = metrics;
    this.maxTries = maxTries;
    this.firstBackoff = firstBackoff;
    this.replies = replies;
    this.why = why;
    this.key = java.util.Objects.requireNonNull(key, "key");
  }

  public boolean healthy() {
    return healthy(Duration.ofMinutes(2));
  }

  @Override
  protected void onStart(KafkaConsumer<byte[], byte[]> c) {
    loadDelivered();
    c.subscribe(List.of(Topics.PAGING_OUTBOX.name()));
  }

  /** The ids sent (or held on purpose) before this start, from the attempts topic. */
  private void loadDelivered() {
    TopicSnapshot.read(bootstrap, Topics.PAGING_ATTEMPTS.name(), "cd-pager-attempts-read", Duration.ofSeconds(60),
        r -> {
          try {
            DeliveryAttempt a = Json.read(r.value(), DeliveryAttempt.class);
            if (a.outcome() == DeliveryAttempt.Outcome.SENT) {
              delivered.add(a.notificationId());
              if (a.channel() == Notification.Channel.SMS && ackable(a.kind())) {
                replies.register(a.personId(), a.incidentId(), a.watchId(), a.at());
              }
            }
          } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("offset", r.offset()).log("unreadable delivery attempt skipped");
          }
        });
    LOG.atInfo().addKeyValue("delivered", delivered.size()).log("pager ready");
  }

  @Override
  protected void onRecords(KafkaConsumer<byte[], byte[]> c, ConsumerRecords<byte[], byte[]> records)
      throws InterruptedException {
    for (ConsumerRecord<byte[], byte[]> r : records) {
      Notification n;
      try {
        n = Json.read(r.value(), Notification.class);
      } catch (RuntimeException e) {
        LOG.atWarn().addKeyValue("offset", r.offset()).addKeyValue("reason", e.getMessage())
            .log("unreadable outbox record skipped");
        continue;
      }
      if (!fr.communitydefender.domain.paging.OutboxSignature.valid(key, r.headers(), r.value())) {
        record(n, "-", null, DeliveryAttempt.Outcome.GAVE_UP,
            "refused: not signed by the escalation stage (a page written to Kafka by someone else)");
        continue;
      }
      deliver(n);
      polled();
    }
    attempts.flush();
    outbox.flush();
    c.commitSync();
  }

  private void deliver(Notification n) throws InterruptedException {
    if (delivered.contains(n.id())) {
      record(n, "-", null, DeliveryAttempt.Outcome.DUPLICATE, "already sent before a restart, not sent again");
      return;
    }
    ChannelSender sender = senders.get(n.channel());
    if (sender == null) {
      record(n, "-", null, DeliveryAttempt.Outcome.GAVE_UP, "channel " + n.channel().id() + " not configured");
      fallBack(n);
      return;
    }
    if (why != null && n.channel() == Notification.Channel.EMAIL && n.kind() != Notification.Kind.RESOLVED) {
      String lines = why.lines(n.incidentId(), n.lang());
      if (!lines.isEmpty()) {
        n = n.withBody(n.body() + "\n" + lines);
      }
    }
    long backoff = firstBackoff.toMillis();
    for (int attempt = 1; attempt <= maxTries && running(); attempt++) {
      try {
        String providerId = sender.send(n);
        delivered.add(n.id());
        if (n.channel() == Notification.Channel.SMS && ackable(n.kind())) {
          replies.register(n.personId(), n.incidentId(), n.watchId(), Instant.now());
        }
        record(n, sender.provider(), providerId, DeliveryAttempt.Outcome.SENT, "try " + attempt);
        attempts.flush();
        return;
      } catch (ChannelSender.SendException e) {
        record(n, sender.provider(), null, DeliveryAttempt.Outcome.FAILED, "try " + attempt + ": " + e.getMessage());
        if (!e.retryable()) {
          break;
        }
        if (attempt < maxTries) {
          Thread.sleep(backoff);
          backoff *= 2;
        }
      }
    }
    record(n, sender.provider(), null, DeliveryAttempt.Outcome.GAVE_UP, "no more tries on " + n.channel().id());
    fallBack(n);
  }

  private static boolean ackable(Notification.Kind kind) {
    return kind == Notification.Kind.OPENED || kind == Notification.Kind.ESCALATED;
  }

  private void fallBack(Notification n) {
    if (n.fallbacks().isEmpty()) {
      LOG.atWarn().addKeyValue("notification", n.id()).log("page not delivered and no fallback left");
      return;
    }
    Notification.Channel next = n.fallbacks().get(0);
    String address = config.person(n.personId()).map(p -> p.address(next)).orElse(null);
    if (address == null) {
      return;
    }
    outbox.send(new ProducerRecord<>(Topics.PAGING_OUTBOX.name(), n.incidentId(), n.fallingBackTo(next, address)));
  }

  private void record(Notification n, String provider, String providerId, DeliveryAttempt.Outcome outcome,
      String detail) {
    metrics.attempt(n.channel().id(), provider, outcome.name().toLowerCase(java.util.Locale.ROOT));
    LOG.atInfo().addKeyValue("incident", n.incidentId()).addKeyValue("notification", n.id())
        .addKeyValue("channel", n.channel().id()).addKeyValue("outcome", outcome).addKeyValue("detail", detail)
        .log("page attempt");
    attempts.send(new ProducerRecord<>(Topics.PAGING_ATTEMPTS.name(), n.incidentId(), new DeliveryAttempt(n.id(),
        n.incidentId(), n.kind(), n.level(), n.personId(), n.channel(), DeliveryAttempt.mask(n.address()), provider,
        providerId, outcome, detail, Instant.now(), n.watchId())));
  }
}
