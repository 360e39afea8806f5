package fr.communitydefender.app.start;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.devservices.kafka.EmbeddedKafka;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.room.CouranteEntry;
import fr.communitydefender.domain.room.RoomState;
import fr.communitydefender.domain.topic.TopicProvisioner;
import fr.communitydefender.domain.topic.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code courante verify} on a real broker, the entries written in transactions as the room stage writes them: an
 * aborted transaction (a crash) is not part of the main courante, a committed forged entry is found.
 */
class CouranteCommandIT {
  @TempDir
  Path dir;

  @Test
  void shouldIgnoreAbortedEntriesAndFindACommittedForgery() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0)) {
      TopicProvisioner.ensure(kafka.bootstrapServers(), 1, (short) 1);
      List<CouranteEntry> chain = new ArrayList<>();
      String prev = CouranteEntry.GENESIS;
      for (int i = 1; i <= 3; i++) {
        CouranteEntry e = CouranteEntry.chained("inc-1", i, Instant.parse("2026-12-02T21:00:00Z").plusSeconds(i),
            "redacteur", "note", "note " + i, Map.of(), prev);
        chain.add(e);
        prev = e.hash();
      }
      RoomState state = new RoomState("inc-1", "Crue", "crue", Severity.HIGH, "open", Map.of(), List.of(), List.of(),
          3, prev, null);
      try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
          kafka.bootstrapServers(), ProducerConfig.TRANSACTIONAL_ID_CONFIG, "cd-room-test"), new StringSerializer(),
          new ByteArraySerializer())) {
        p.initTransactions();
        p.beginTransaction();
        for (CouranteEntry e : chain) {
          p.send(record(Topics.MAIN_COURANTE.name(), e, Topics.MAIN_COURANTE.valueSerde().serializer()));
        }
        p.send(record(Topics.ROOM_STATES.name(), state, Topics.ROOM_STATES.valueSerde().serializer()));
        p.commitTransaction();
        p.beginTransaction(); // a crash before the commit: these entries never happened
        p.send(record(Topics.MAIN_COURANTE.name(), CouranteEntry.chained("inc-1", 4, Instant.parse(
            "2026-12-02T21:10:00Z"), "redacteur", "note", "jamais validée", Map.of(), prev),
            Topics.MAIN_COURANTE.valueSerde().serializer()));
        p.flush();
        p.abortTransaction();

        assertThat(verify(kafka)).contains("inc-1: intact, 3 entries");

        CouranteEntry forged = new CouranteEntry("inc-1", 4, Instant.parse("2026-12-02T21:11:00Z"), "inconnu", "note",
            "ajoutée après coup", Map.of(), "0".repeat(64), "f".repeat(64));
        p.beginTransaction();
        p.send(record(Topics.MAIN_COURANTE.name(), forged, Topics.MAIN_COURANTE.valueSerde().serializer()));
        p.commitTransaction();
      }
      assertThat(verify(kafka)).contains("inc-1: BROKEN at entry 4");
    }
  }

  private static <V> ProducerRecord<String, byte[]> record(String topic, V value,
      org.apache.kafka.common.serialization.Serializer<V> serializer) {
    return new ProducerRecord<>(topic, "inc-1", serializer.serialize(topic, value));
  }

  private static String verify(EmbeddedKafka kafka) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CouranteCommand.verify(kafka.bootstrapServers(), null, new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }
}
