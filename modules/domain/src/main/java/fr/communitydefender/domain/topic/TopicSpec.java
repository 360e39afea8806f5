package fr.communitydefender.domain.topic;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;

/** A topic of the pipeline with the serdes of its keys and values and how long it keeps records (null: forever). */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Duration retention) {
  public TopicSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name: required");
    }
  }
}
