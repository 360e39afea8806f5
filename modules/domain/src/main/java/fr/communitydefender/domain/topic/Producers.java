package fr.communitydefender.domain.topic;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Producers for the registry's topics: idempotent, acks=all, batched and lz4-compressed. */
public final class Producers {
  private Producers() {}

  public static <K, V> KafkaProducer<K, V> forTopic(String bootstrap, TopicSpec<K, V> topic, String clientId) {
    return forTopic(bootstrap, topic, clientId, topic.valueSerde().serializer());
  }

  /** With another value serializer (one that signs the record, for instance). */
  public static <K, V> KafkaProducer<K, V> forTopic(String bootstrap, TopicSpec<K, V> topic, String clientId,
      org.apache.kafka.common.serialization.Serializer<V> values) {
    Map<String, Object> props = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.CLIENT_ID_CONFIG, clientId,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 20,
        ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024,
        ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return new KafkaProducer<>(KafkaClients.with(props), topic.keySerde().serializer(), values);
  }
}
