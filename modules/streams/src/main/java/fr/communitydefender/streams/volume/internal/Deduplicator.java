package fr.communitydefender.streams.volume.internal;

import fr.communitydefender.streams.PipelineMetrics;
import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Drops repeats of a mention id (a collector's catch-up overlapping its stream, a restart resending what was not yet
 * acknowledged): the same version again is dropped; a changed text or edit time goes on as an edit (stored again, not
 * counted again); a deletion goes on only for a mention that went through. Remembers ids for {@code memory} (wall
 * clock; the raw topic keeps 7 days), in a changelogged store keyed like the raw topic.
 */
public final class Deduplicator implements FixedKeyProcessor<String, ParsedMention, ParsedMention> {
  private final String storeName;
  private final Duration memory;
  private final PipelineMetrics metrics;
  private FixedKeyProcessorContext<String, ParsedMention> context;
  private KeyValueStore<String, String> seen;

  public Deduplicator(String storeName, Duration memory, PipelineMetrics metrics) {
    this.storeName = storeName;
    this.memory = memory;
    this.metrics = metrics;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, ParsedMention> context) {
    this.context = context;
    this.seen = context.getStateStore(storeName);
    context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::forget);
  }

  @Override
  public void process(FixedKeyRecord<String, ParsedMention> record) {
    ParsedMention p = record.value();
    String key = record.key();
    if (p.malformed() || key == null) {
      context.forward(record);
      return;
    }
    String previous = seen.get(key);
    if (p.deleted()) {
      if (previous != null) {
        seen.put(key, "deleted:" + context.currentSystemTimeMs());
        context.forward(record);
      }
      return;
    }
    String version = Integer.toHexString(p.mention().version());
    String prior = previous == null ? null : previous.substring(0, previous.indexOf(':'));
    if (version.equals(prior) || "deleted".equals(prior)) {
      metrics.duplicate();
      return;
    }
    seen.put(key, version + ":" + context.currentSystemTimeMs());
    context.forward(previous == null ? record : record.withValue(p.asEdit()));
  }

  private void forget(long now) {
    long cutoff = now - memory.toMillis();
    java.util.List<String> old = new java.util.ArrayList<>();
    try (KeyValueIterator<String, String> it = seen.all()) {
      while (it.hasNext()) {
        KeyValue<String, String> kv = it.next();
        if (Long.parseLong(kv.value.substring(kv.value.indexOf(':') + 1)) < cutoff) {
          old.add(kv.key);
        }
      }
    }
    old.forEach(seen::delete);
  }
}
