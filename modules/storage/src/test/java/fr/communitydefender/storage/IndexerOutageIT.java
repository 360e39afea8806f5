package fr.communitydefender.storage;

import static fr.communitydefender.storage.EsTestSupport.PSEUDONYMIZER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import fr.communitydefender.devservices.elasticsearch.EmbeddedElasticsearch;
import fr.communitydefender.devservices.kafka.EmbeddedKafka;
import fr.communitydefender.domain.mention.DeadLetter;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.topic.TopicProvisioner;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.storage.internal.BulkWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Elasticsearch stops in the middle of indexing and comes back: every produced mention is stored, once. */
class IndexerOutageIT {
  @TempDir
  Path dir;

  @Test
  void shouldStoreEveryMentionOnceWhenTheNodeStopsMidIndexingAndComesBack() throws Exception {
    int before = 3000;
    int during = 2000;
    var starting = EmbeddedElasticsearch.launch(null, dir.resolve("es"), 0);
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
      TopicProvisioner.ensure(kafka.bootstrapServers(), 3, (short) 1);
      EmbeddedElasticsearch es = starting.await();
      int port = URI.create(es.url()).getPort();
      ElasticsearchClient client = EsTestSupport.client(es.url());
      IndexSetup.install(client, 0);
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      StorageMetrics metrics = new StorageMetrics(registry);
      Instant t0 = Instant.parse("2026-03-14T18:00:00Z");
      try (KafkaProducer<String, Mention> producer = EsTestSupport.mentionProducer(kafka.bootstrapServers());
          KafkaProducer<String, DeadLetter> dlq = EsTestSupport.deadLetterProducer(kafka.bootstrapServers());
          StorageIndexer indexer = new StorageIndexer(kafka.bootstrapServers(),
              w -> new BulkWriter(client, metrics, w, 1000), PSEUDONYMIZER, dlq, metrics, new fr.communitydefender.storage.gdpr.Erasure(client, PSEUDONYMIZER))) {
        Thread thread = Thread.ofPlatform().start(indexer);
        for (int i = 0; i < before; i++) {
          Mention m = EsTestSupport.mention("o" + i, t0.plusSeconds(i * 30L), "message " + i, "u" + i % 50,
              List.of("ville"));
          producer.send(new ProducerRecord<>(Topics.MENTIONS_ENRICHED.name(), m.id(), m));
        }
        producer.flush();
        await().atMost(Duration.ofSeconds(60)).until(() -> EsTestSupport.count(client) > 0);
        es.close();                                 // the node goes away mid-stream
        for (int i = before; i < before + during; i++) {
          Mention m = EsTestSupport.mention("o" + i, t0.plusSeconds(i * 30L), "message " + i, "u" + i % 50,
              List.of("ville"));
          producer.send(new ProducerRecord<>(Topics.MENTIONS_ENRICHED.name(), m.id(), m));
        }
        producer.flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> registry.get("cd.storage.paused").gauge().value() == 1);
        es = EmbeddedElasticsearch.launch(null, dir.resolve("es"), port).await();   // same data, same port
        EmbeddedElasticsearch restarted = es;
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
            .until(() -> EsTestSupport.count(client) == before + during);
        assertThat(registry.get("cd.storage.paused").gauge().value()).isZero();
        assertThat(registry.get("cd.storage.bulk.retries").counter().count()).isPositive();
        indexer.close();
        thread.join(10_000);
        restarted.close();
      }
    }
  }
}
