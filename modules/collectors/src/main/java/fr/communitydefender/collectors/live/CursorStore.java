package fr.communitydefender.collectors.live;

import fr.communitydefender.domain.collector.CollectorCursor;
import fr.communitydefender.domain.collector.CollectorHealth;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.json.JsonDecodeException;
import fr.communitydefender.domain.topic.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collectors' resume positions and health, in compacted topics keyed by collector id: read whole once at start,
 * then written by each collector (a cursor only after the mentions before it were acknowledged).
 */
public final class CursorStore {
  private static final Logger LOG = LoggerFactory.getLogger(CursorStore.class);

  private final Map<String, CollectorCursor> cursors = new ConcurrentHashMap<>();
  private final Producer<String, CollectorCursor> cursorProducer;
  private final Producer<String, CollectorHealth> healthProducer;

  private CursorStore(Map<String, CollectorCursor> loaded, Producer<String, CollectorCursor> cursorProducer,
      Producer<String, CollectorHealth> healthProducer) {
    this.cursors.putAll(loaded);
    this.cursorProducer = cursorProducer;
    this.healthProducer = healthProducer;
  }

  public static CursorStore load(String bootstrap, Producer<String, CollectorCursor> cursorProducer,
      Producer<String, CollectorHealth> healthProducer) {
    Map<String, CollectorCursor> loaded = new HashMap<>();
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.CLIENT_ID_CONFIG, "cd-collector-state"), new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = c.partitionsFor(Topics.COLLECTOR_STATE.name(), Duration.ofSeconds(60)).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> ends = c.endOffsets(parts);
      long deadline = System.currentTimeMillis() + 60_000;
      while (parts.stream().anyMatch(tp -> c.position(tp) < ends.get(tp))) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException("could not read " + Topics.COLLECTOR_STATE.name() + " within 60 s");
        }
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
          if (r.value() == null) {
            loaded.remove(r.key());
            continue;
          }
          try {
            loaded.put(r.key(), Json.read(r.value(), CollectorCursor.class));
          } catch (JsonDecodeException e) {
            LOG.atWarn().addKeyValue("collector", r.key()).addKeyValue("reason", e.getMessage())
                .log("unreadable cursor ignored, the collector starts afresh");
          }
        }
      }
    }
    LOG.atInfo().addKeyValue("cursors", loaded.size()).log("collector cursors loaded");
    return new CursorStore(loaded, cursorProducer, healthProducer);
  }

  /** The last saved position of a collector, or null. */
  public CollectorCursor get(String collector) {
    return cursors.get(collector);
  }

  public void save(CollectorCursor cursor) {
    CollectorCursor previous = cursors.put(cursor.collector(), cursor);
    if (previous == null || !previous.positions().equals(cursor.positions())) {
      cursorProducer.send(new ProducerRecord<>(Topics.COLLECTOR_STATE.name(), cursor.collector(), cursor));
    }
  }

  public void report(CollectorHealth health) {
    healthProducer.send(new ProducerRecord<>(Topics.COLLECTOR_HEALTH.name(), health.collector(), health));
  }
}
