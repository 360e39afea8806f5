package fr.communitydefender.storage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import fr.communitydefender.domain.mention.DeadLetter;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.storage.internal.BulkWriter;
import fr.communitydefender.storage.internal.EsClientFactory;
import fr.communitydefender.storage.mentions.MentionDocument;
import fr.communitydefender.storage.mentions.Pseudonymizer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Helpers shared by the storage integration tests. */
final class EsTestSupport {
  static final Pseudonymizer PSEUDONYMIZER = new Pseudonymizer("0123456789abcdef-test".getBytes(StandardCharsets.UTF_8));

  private EsTestSupport() {}

  static ElasticsearchClient client(String url) {
    return EsClientFactory.create(StorageConfig.local(url, 90));
  }

  static Mention mention(String id, Instant at, String text, String author, List<String> watches) {
    return new Mention(id, "test", at, text, author, "https://example.org/" + id, "fr", 5, watches);
  }

  static void index(ElasticsearchClient client, Mention... mentions) throws Exception {
    BulkWriter writer = new BulkWriter(client, new StorageMetrics(new SimpleMeterRegistry()), Thread::sleep, 1000);
    List<BulkWriter.Doc> docs = java.util.Arrays.stream(mentions)
        .map(m -> MentionDocument.of(m, PSEUDONYMIZER, Instant.now()))
        .map(d -> new BulkWriter.Doc(d.index(), d.id(), d, "mention")).toList();
    if (!writer.write(docs).isEmpty()) {
      throw new IllegalStateException("refused: " + writer.write(docs));
    }
    refresh(client);
  }

  static void refresh(ElasticsearchClient client) throws IOException {
    client.indices().refresh(r -> r.index(MentionDocument.INDEX_PATTERN).ignoreUnavailable(true)
        .allowNoIndices(true));
  }

  static long count(ElasticsearchClient client) throws IOException {
    refresh(client);
    return client.count(c -> c.index(MentionDocument.INDEX_PATTERN).ignoreUnavailable(true).allowNoIndices(true))
        .count();
  }

  static KafkaProducer<String, Mention> mentionProducer(String bootstrap) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
        Topics.MENTIONS_ENRICHED.valueSerde().serializer());
  }

  static KafkaProducer<String, DeadLetter> deadLetterProducer(String bootstrap) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
        Topics.DEAD_LETTER.valueSerde().serializer());
  }

  static void send(KafkaProducer<String, Mention> producer, Mention m) throws Exception {
    producer.send(new ProducerRecord<>(Topics.MENTIONS_ENRICHED.name(), m.id(), m)).get();
  }
}
