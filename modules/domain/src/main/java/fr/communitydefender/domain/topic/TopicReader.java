package fr.communitydefender.domain.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a topic from the beginning without a consumer group: for tests, drills and tools. Committed records only:
 * most topics are written by exactly-once stages, whose aborted records must not be seen.
 */
public final class TopicReader {
  private TopicReader() {}

  private static Map<String, Object> props(String bootstrap) {
    return fr.communitydefender.domain.topic.KafkaClients.with(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
  }

  /**
   * Reads records until {@code done} accepts what was read so far, or the timeout passes; returns what was read.
   */
  public static <K, V> List<ConsumerRecord<K, V>> readUntil(String bootstrap, TopicSpec<K, V> topic,
      Predicate<List<ConsumerRecord<K, V>>> done, Duration timeout) {
    List<ConsumerRecord<K, V>> out = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props(bootstrap), topic.keySerde().deserializer(),
        topic.valueSerde().deserializer())) {
      assignFromStart(consumer, topic, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!done.test(out) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  /**
   * Reads everything currently in the topic: up to its end at the time of the call (the last stable offset: a
   * transaction's markers take offsets, so positions are compared, not record counts).
   */
  public static <K, V> List<ConsumerRecord<K, V>> readAll(String bootstrap, TopicSpec<K, V> topic, Duration timeout) {
    List<ConsumerRecord<K, V>> out = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props(bootstrap), topic.keySerde().deserializer(),
        topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions = assignFromStart(consumer, topic, timeout);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
          && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  private static List<TopicPartition> assignFromStart(KafkaConsumer<?, ?> consumer, TopicSpec<?, ?> topic,
      Duration timeout) {
    List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), timeout).stream()
        .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return partitions;
  }
}
