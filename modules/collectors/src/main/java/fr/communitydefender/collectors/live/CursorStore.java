package fr.communitydefender.collectors.live;

import fr.communitydefender.domain.collector.CollectorCursor;
import fr.communitydefender.domain.collector.CollectorHealth;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.json.JsonDecodeException;
import fr.communitydefender.domain.topic.TopicSnapshot;
import fr.communitydefender.domain.topic.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
    TopicSnapshot.read(bootstrap, Topics.COLLECTOR_STATE.name(), "cd-collector-state", Duration.ofSeconds(60), r -> {
      String key = r.key() == null ? null : new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
      if (r.value() == null) {
        loaded.remove(key);
        return;
      }
      try {
        loaded.put(key, Json.read(r.value(), CollectorCursor.class));
      } catch (JsonDecodeException e) {
        LOG.atWarn().addKeyValue("collector", key).addKeyValue("reason", e.getMessage())
            .log("unreadable cursor ignored, the collector starts afresh");
      }
    });
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
