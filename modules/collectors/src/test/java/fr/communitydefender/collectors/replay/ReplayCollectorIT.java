package fr.communitydefender.collectors.replay;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.collectors.CollectorMetrics;
import fr.communitydefender.devservices.kafka.EmbeddedKafka;
import fr.communitydefender.domain.topic.TopicReader;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.mention.DeadLetter;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.topic.TopicProvisioner;
import fr.communitydefender.domain.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCollectorIT {
  @TempDir
  static Path dir;
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start(dir.resolve("data"), 0);
    TopicProvisioner.ensure(kafka.bootstrapServers(), 2, (short) 1);
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  private static <V> KafkaProducer<String, V> producer(org.apache.kafka.common.serialization.Serde<V> serde) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
        new org.apache.kafka.common.serialization.StringSerializer(), serde.serializer());
  }

  @Test
  void shouldPublishMentionsKeyedByIdWithEventTimeAndDeadLetterMalformedLines() throws Exception {
    List<String> lines = new ArrayList<>();
    Instant t0 = Instant.parse("2026-03-14T18:00:00Z");
    for (int i = 0; i < 50; i++) {
      lines.add(Json.write(new Mention("r-" + i, "drill", t0.plusSeconds(i), "texte " + i, null, null, null, 0,
          List.of())));
      if (i == 20) {
        lines.add("{\"id\": \"broken\", \"text\": \"no date\"}");
      }
    }
    Path file = Files.write(dir.resolve("drill.jsonl"), lines);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ReplayCollector.Result result;
    try (var mentions = producer(Topics.MENTIONS_RAW.valueSerde());
        var dead = producer(Topics.DEAD_LETTER.valueSerde())) {
      result = new ReplayCollector(mentions, dead, new CollectorMetrics(registry), System.err)
          .replay(new ReplayOptions(file, null, 0, false, List.of("ville"), false));
    }
    assertThat(result.published()).isEqualTo(50);
    assertThat(result.deadLettered()).isEqualTo(1);
    assertThat(registry.counter("cd.mentions.in", "source", "replay").count()).isEqualTo(50);

    List<ConsumerRecord<String, Mention>> published = TopicReader.readUntil(kafka.bootstrapServers(),
        Topics.MENTIONS_RAW, r -> r.size() >= 50, Duration.ofSeconds(30));
    assertThat(published).extracting(ConsumerRecord::partition).as("one replay, one partition: order kept")
        .containsOnly(published.get(0).partition());
    assertThat(published).extracting(r -> r.value().id()).as("in file order")
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).mapToObj(i -> "r-" + i).toList());
    assertThat(published).hasSize(50).allSatisfy(r -> {
      assertThat(r.key()).isEqualTo(r.value().id());
      // the broker stamps arrival time (retention counts from arrival); event time stays in the payload
      assertThat(r.timestampType()).isEqualTo(org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME);
      assertThat(r.value().publishedAt()).isEqualTo(t0.plusSeconds(Long.parseLong(r.key().substring(2))));
      assertThat(r.value().watches()).containsExactly("ville");
    });
    List<ConsumerRecord<String, DeadLetter>> dead = TopicReader.readUntil(kafka.bootstrapServers(),
        Topics.DEAD_LETTER, r -> !r.isEmpty(), Duration.ofSeconds(30));
    assertThat(dead).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo("drill.jsonl");
      assertThat(r.value().line()).isEqualTo(22);
      assertThat(r.value().reason()).isEqualTo("publishedAt: required (ISO-8601 instant)");
      assertThat(r.value().payload()).isEqualTo("{\"id\": \"broken\", \"text\": \"no date\"}");
    });
  }
}
