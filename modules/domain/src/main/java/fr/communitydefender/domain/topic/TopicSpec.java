package fr.communitydefender.domain.topic;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic of the pipeline with the serdes of its keys and values and how long it keeps records (null: forever);
 * a {@code compacted} topic keeps the latest record per key (state such as cursors), forever.
 */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Duration retention,
    boolean compacted) {
  public TopicSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name: required");
    }
    if (compacted && retention != null) {
      throw new IllegalArgumentException("retention: a compacted topic keeps its latest records");
    }
  }

  public TopicSpec(String name, Serde<K> keySerde, Serde<V> valueSerde, Duration retention) {
    this(name, keySerde, valueSerde, retention, false);
  }
}
