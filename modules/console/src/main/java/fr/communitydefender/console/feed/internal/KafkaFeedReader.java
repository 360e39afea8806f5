package fr.communitydefender.console.feed.internal;

import fr.communitydefender.console.incidents.IncidentView;
import fr.communitydefender.console.silences.SilenceView;
import fr.communitydefender.domain.incident.Silence;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.json.JsonDecodeException;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.topic.ConsumerLoop;
import fr.communitydefender.domain.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the incidents, silences, collector-health and page-attempts topics from the beginning (every console instance builds the whole view) and the enriched
 * mentions from the last {@code recent} per partition, on its own thread, handing each item to the console.
 */
public final class KafkaFeedReader extends ConsumerLoop {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaFeedReader.class);

  private final IncidentView view;
  private final SilenceView silences;
  private final Consumer<Mention> onMention;
  private final Consumer<IncidentEvent> onIncident;
  private final int recent;

  private final fr.communitydefender.console.ops.CollectorHealthView collectors;
  private final fr.communitydefender.console.paging.PagesView pages;
  private final List<ReadWhole<?>> wholes;

  /** A topic read whole from the beginning, each record (key, value or null for a tombstone) handed to {@code apply}. */
  public record ReadWhole<V>(fr.communitydefender.domain.topic.TopicSpec<String, V> topic,
      java.util.function.BiConsumer<String, V> apply, boolean fromEnd) {
    public ReadWhole(fr.communitydefender.domain.topic.TopicSpec<String, V> topic,
        java.util.function.BiConsumer<String, V> apply) {
      this(topic, apply, false);
    }

    void handle(ConsumerRecord<byte[], byte[]> r) {
      String key = r.key() == null ? null : new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
      apply.accept(key, r.value() == null ? null : topic.valueSerde().deserializer().deserialize(topic.name(), r.value()));
    }
  }

  public KafkaFeedReader(String bootstrap, IncidentView view, SilenceView silences,
      fr.communitydefender.console.ops.CollectorHealthView collectors,
      fr.communitydefender.console.paging.PagesView pages, Consumer<Mention> onMention,
      Consumer<IncidentEvent> onIncident, int recent, List<ReadWhole<?>> wholes) {
    super("console-feed", Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.CLIENT_ID_CONFIG, "cd-console-feed",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
    this.view = view;
    this.silences = silences;
    this.collectors = collectors;
    this.pages = pages;
    this.onMention = onMention;
    this.onIncident = onIncident;
    this.recent = recent;
    this.wholes = List.copyOf(wholes);
  }

  /** True while the reader polls Kafka successfully. */
  public boolean healthy() {
    return healthy(Duration.ofSeconds(30));
  }

  @Override
  protected void onStart(KafkaConsumer<byte[], byte[]> c) {
    List<TopicPartition> incidents = partitions(c, Topics.INCIDENTS.name());
    List<TopicPartition> mentions = partitions(c, Topics.MENTIONS_ENRICHED.name());
    List<TopicPartition> silenced = partitions(c, Topics.SILENCES.name());
    List<TopicPartition> health = partitions(c, Topics.COLLECTOR_HEALTH.name());
    List<TopicPartition> attempts = partitions(c, Topics.PAGING_ATTEMPTS.name());
    List<TopicPartition> all = new ArrayList<>(incidents);
    all.addAll(mentions);
    all.addAll(silenced);
    all.addAll(health);
    all.addAll(attempts);
    List<TopicPartition> whole = new ArrayList<>();
    List<TopicPartition> tail = new ArrayList<>();
    for (ReadWhole<?> w : wholes) {
      (w.fromEnd() ? tail : whole).addAll(partitions(c, w.topic().name()));
    }
    all.addAll(whole);
    all.addAll(tail);
    c.assign(all);
    c.seekToBeginning(whole);
    c.seekToEnd(tail);
    c.seekToBeginning(incidents);
    c.seekToBeginning(silenced);
    c.seekToBeginning(health);
    c.seekToBeginning(attempts);
    Map<TopicPartition, Long> ends = c.endOffsets(mentions);
    Map<TopicPartition, Long> begins = c.beginningOffsets(mentions);
    for (TopicPartition tp : mentions) {
      c.seek(tp, Math.max(begins.get(tp), ends.get(tp) - recent));
    }
  }

  @Override
  protected void onRecords(KafkaConsumer<byte[], byte[]> c, ConsumerRecords<byte[], byte[]> records) {
    for (ConsumerRecord<byte[], byte[]> r : records) {
      handle(r);
    }
  }

  private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> c, String topic) {
    while (running()) {
      List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(30));
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      }
      LOG.atInfo().addKeyValue("topic", topic).log("waiting for topic");
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
      }
    }
    return List.of();
  }

  private void handle(ConsumerRecord<byte[], byte[]> r) {
    try {
      for (ReadWhole<?> w : wholes) {
        if (w.topic().name().equals(r.topic())) {
          w.handle(r);
          return;
        }
      }
      if (r.value() == null) {
        return;
      }
      if (r.topic().equals(Topics.PAGING_ATTEMPTS.name())) {
        pages.apply(Json.read(r.value(), fr.communitydefender.domain.paging.DeliveryAttempt.class));
      } else if (r.topic().equals(Topics.COLLECTOR_HEALTH.name())) {
        collectors.apply(Json.read(r.value(), fr.communitydefender.domain.collector.CollectorHealth.class));
      } else if (r.topic().equals(Topics.SILENCES.name())) {
        silences.apply(Json.read(r.value(), Silence.class));
      } else if (r.topic().equals(Topics.INCIDENTS.name())) {
        IncidentEvent event = Json.read(r.value(), IncidentEvent.class);
        view.apply(event);
        onIncident.accept(event);
      } else {
        onMention.accept(Json.read(r.value(), Mention.class));
      }
    } catch (JsonDecodeException | org.apache.kafka.common.errors.SerializationException e) {
      LOG.atWarn().addKeyValue("topic", r.topic()).addKeyValue("offset", r.offset())
          .addKeyValue("reason", e.getMessage()).log("skipped undecodable record");
    } catch (RuntimeException e) { // one bad record must not stop the console's view of every topic
      LOG.atError().setCause(e).addKeyValue("topic", r.topic()).addKeyValue("offset", r.offset())
          .log("skipped a record the console could not apply");
    }
  }
}
