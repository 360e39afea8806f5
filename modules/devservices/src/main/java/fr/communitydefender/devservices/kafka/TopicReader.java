package fr.communitydefender.devservices.kafka;

import fr.communitydefender.domain.topic.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads a topic from the beginning without a consumer group: for tests, drills and tools. */
public final class TopicReader {
  private TopicReader() {}

  /**
   * Reads records until {@code done} accepts what was read so far, or the timeout passes; returns what was read.
   */
  public static <K, V> List<ConsumerRecord<K, V>> readUntil(String bootstrap, TopicSpec<K, V> topic,
      Predicate<List<ConsumerRecord<K, V>>> done, Duration timeout) {
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<K, V>> out = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(fr.communitydefender.domain.topic.KafkaClients.with(props), topic.keySerde().deserializer(),
        topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), timeout).stream()
          .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!done.test(out) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  /** Reads everything currently in the topic (up to its end offsets at the time of the call). */
  public static <K, V> List<ConsumerRecord<K, V>> readAll(String bootstrap, TopicSpec<K, V> topic, Duration timeout) {
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    long total;
    try (KafkaConsumer<byte[], byte[]> probe = new KafkaConsumer<>(fr.communitydefender.domain.topic.KafkaClients.with(props),
        new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
        new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      List<TopicPartition> partitions = probe.partitionsFor(topic.name(), timeout).stream()
          .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
      Map<TopicPartition, Long> ends = probe.endOffsets(partitions, timeout);
      Map<TopicPartition, Long> begins = probe.beginningOffsets(partitions, timeout);
      total = partitions.stream().mapToLong(tp -> ends.get(tp) - begins.get(tp)).sum();
    }
    return readUntil(bootstrap, topic, read -> read.size() >= total, timeout);
  }
}
