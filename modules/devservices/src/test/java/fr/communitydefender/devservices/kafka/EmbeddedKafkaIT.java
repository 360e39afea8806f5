package fr.communitydefender.devservices.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.domain.mention.DeadLetter;
import fr.communitydefender.domain.topic.TopicProvisioner;
import fr.communitydefender.domain.topic.TopicReader;
import fr.communitydefender.domain.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {
  @TempDir
  Path dataDir;

  @Test
  void shouldKeepTopicsAndRecordsWhenBrokerRestartsOnSameDirectory() throws Exception {
    String clusterId;
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
      assertThat(Files.exists(dataDir.resolve("kafka/meta.properties"))).isTrue();
      clusterId = Files.readString(dataDir.resolve("kafka/meta.properties"));
      TopicProvisioner.ensure(kafka.bootstrapServers(), 2, (short) 1);
      try (KafkaProducer<String, DeadLetter> producer = new KafkaProducer<>(
          Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
          Topics.DEAD_LETTER.keySerde().serializer(), Topics.DEAD_LETTER.valueSerde().serializer())) {
        for (int i = 0; i < 5; i++) {
          producer.send(new ProducerRecord<>(Topics.DEAD_LETTER.name(), "k" + i,
              new DeadLetter("it", i, "reason " + i, "payload", Instant.EPOCH))).get();
        }
      }
    }
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
      assertThat(Files.readString(dataDir.resolve("kafka/meta.properties"))).isEqualTo(clusterId);
      TopicProvisioner.ensure(kafka.bootstrapServers(), 2, (short) 1); // already there: no error
      List<ConsumerRecord<String, DeadLetter>> records =
          TopicReader.readAll(kafka.bootstrapServers(), Topics.DEAD_LETTER, Duration.ofSeconds(30));
      assertThat(records).extracting(r -> r.value().reason())
          .containsExactlyInAnyOrder("reason 0", "reason 1", "reason 2", "reason 3", "reason 4");
    }
  }

  @Test
  void shouldStampArrivalTimeOnExpiringTopicsAndAlignExistingOnesWhenProvisioning() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0);
        org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
            Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      // an older installation created the raw topic with event-time stamps and 30 days
      admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(Topics.MENTIONS_RAW.name(), 1,
          (short) 1).configs(Map.of("retention.ms", "2592000000")))).all().get();
      TopicProvisioner.ensure(kafka.bootstrapServers(), 1, (short) 1);
      for (var spec : List.of(Topics.MENTIONS_RAW, Topics.MENTIONS_ENRICHED, Topics.SIGNALS_VOLUME, Topics.INCIDENTS)) {
        var resource = new org.apache.kafka.common.config.ConfigResource(
            org.apache.kafka.common.config.ConfigResource.Type.TOPIC, spec.name());
        // KRaft: the controller has committed the change; the broker applies it a moment later
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> {
          var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
          assertThat(config.get("retention.ms").value()).as(spec.name())
              .isEqualTo(spec.retention() == null ? "-1" : Long.toString(spec.retention().toMillis()));
          assertThat(config.get("message.timestamp.type").value()).as(spec.name())
              .isEqualTo(spec.retention() == null ? "CreateTime" : "LogAppendTime");
        });
      }
    }
  }
}
