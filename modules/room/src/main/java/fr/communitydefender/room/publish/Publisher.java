package fr.communitydefender.room.publish;

import fr.communitydefender.domain.room.Publication;
import fr.communitydefender.domain.room.RoomCommand;
import fr.communitydefender.domain.topic.ConsumerLoop;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.room.RoomMetrics;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes approved versions: reads the publications topic (committed records only), posts each to its network
 * (retrying transient failures with the same idempotency key, so nothing is posted twice), and reports the result
 * to the room as a {@code published} or {@code publish-failed} command, before committing its offset. A crash
 * between the post and the report posts again with the same key: the network returns the first post.
 */
public final class Publisher extends ConsumerLoop {
  private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
  private static final String ACTOR = "system:publisher";
  private final Map<String, SocialClient> clients;
  private final Producer<String, RoomCommand> commands;
  private final RoomMetrics metrics;
  private final Clock clock;
  private final int attempts;
  private final Duration backoff;

  /** {@code clients}: by channel id (mastodon, bluesky); a channel without a client fails with a clear reason. */
  public Publisher(String bootstrap, Map<String, SocialClient> clients, Producer<String, RoomCommand> commands,
      RoomMetrics metrics, Clock clock, int attempts, Duration backoff) {
    super("publisher", Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "cd-publisher",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10));
    this.clients = Map.copyOf(clients);
    this.commands = Objects.requireNonNull(commands, "commands");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.attempts = attempts;
    this.backoff = backoff;
  }

  @Override
  protected void onStart(KafkaConsumer<byte[], byte[]> consumer) {
    consumer.subscribe(List.of(Topics.PUBLICATIONS.name()));
  }

  @Override
  protected void onRecords(KafkaConsumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records)
      throws InterruptedException {
    for (ConsumerRecord<byte[], byte[]> r : records) {
      Publication p;
      try {
        p = Topics.PUBLICATIONS.valueSerde().deserializer().deserialize(r.topic(), r.value());
      } catch (RuntimeException e) {
        LOG.atWarn().addKeyValue("offset", r.offset()).addKeyValue("reason", e.getMessage())
            .log("unreadable publication skipped");
        continue;
      }
      if (p != null) {
        report(p, publish(p));
      }
    }
    commands.flush();
    consumer.commitSync();
  }

  private Object publish(Publication p) throws InterruptedException {
    SocialClient client = clients.get(p.channel());
    if (client == null) {
      return "no " + p.channel() + " account configured (publishing.yaml)";
    }
    String last = null;
    for (int i = 1; i <= attempts; i++) {
      try {
        return client.post(p);
      } catch (SocialClient.Refused e) {
        return e.getMessage();
      } catch (IOException e) {
        last = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        LOG.atWarn().addKeyValue("publication", p.id()).addKeyValue("attempt", i).addKeyValue("reason", last)
            .log("publication failed, will retry");
        if (i < attempts) {
          Thread.sleep(backoff.toMillis() * i);
        }
      }
    }
    return "gave up after " + attempts + " attempts: " + last;
  }

  private void report(Publication p, Object result) {
    boolean ok = result instanceof SocialClient.Posted;
    Map<String, String> args = ok
        ? Map.of("draft", p.draftId(), "version", String.valueOf(p.version()),
            "url", ((SocialClient.Posted) result).url(), "postId", ((SocialClient.Posted) result).id())
        : Map.of("draft", p.draftId(), "version", String.valueOf(p.version()), "reason", String.valueOf(result));
    RoomCommand c = new RoomCommand(UUID.randomUUID().toString(), p.incidentId(),
        ok ? RoomCommand.Type.PUBLISHED : RoomCommand.Type.PUBLISH_FAILED, ACTOR, null, clock.instant(), args);
    commands.send(new ProducerRecord<>(Topics.ROOM_COMMANDS.name(), p.incidentId(), c));
    metrics.published(p.channel(), ok ? "published" : "failed");
    LOG.atInfo().addKeyValue("publication", p.id()).addKeyValue("channel", p.channel())
        .addKeyValue("outcome", ok ? "published" : "failed").log("publication done");
  }
}
