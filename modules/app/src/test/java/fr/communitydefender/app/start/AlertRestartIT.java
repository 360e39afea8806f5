package fr.communitydefender.app.start;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.alerting.rules.VolumeSpikeRule;
import fr.communitydefender.domain.topic.TopicReader;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.signal.VolumeSignal;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.domain.watch.Watch;
import fr.communitydefender.domain.watch.WatchesConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learned baseline survives a restart of the alert role (state directory and changelog on the real broker): a
 * count that a watch without history would alert on is ordinary for one that has learned 5 mentions a minute.
 */
class AlertRestartIT {
  private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
  private static final WatchesConfig WATCHES = new WatchesConfig(List.of(
      new Watch("ville", null, List.of("sainte-aure"), null, null)));
  private static final AlertRules RULES = new AlertRules(List.of(new VolumeSpikeRule("spike", "*", null, null,
      null, null, null, null, null, Duration.ofMinutes(10), null, null)));

  @TempDir
  Path dir;

  private Assembly start() {
    return Assembly.start(new RuntimeOptions(EnumSet.of(Role.ALERT), dir.resolve("data"), null, 0, "127.0.0.1",
        0, 1, null, WATCHES, RULES, null, null, null, null));
  }

  private static void send(String bootstrap, int fromMinute, int toMinute, long perMinute) throws Exception {
    try (KafkaProducer<String, VolumeSignal> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrap), new StringSerializer(), Topics.SIGNALS_VOLUME.valueSerde().serializer())) {
      for (int m = fromMinute; m < toMinute; m++) {
        Instant start = T0.plus(Duration.ofMinutes(m));
        p.send(new ProducerRecord<>(Topics.SIGNALS_VOLUME.name(), null, start.plusSeconds(59).toEpochMilli(),
            "ville", new VolumeSignal("ville", start, start.plus(Duration.ofMinutes(1)), perMinute)));
      }
      p.flush();
    }
  }

  private static List<IncidentEvent> opened(String bootstrap, int atLeast) {
    return TopicReader.readUntil(bootstrap, Topics.INCIDENTS, r -> r.stream()
            .filter(x -> x.value().type() == IncidentEvent.Type.OPENED).count() >= atLeast, Duration.ofSeconds(20))
        .stream().map(ConsumerRecord::value).filter(e -> e.type() == IncidentEvent.Type.OPENED).toList();
  }

  @Test
  void shouldKeepTheLearnedBaselineWhenTheAlertRoleRestarts() throws Exception {
    try (Assembly first = start()) {
      send(first.bootstrapServers(), 0, 180, 5); // three hours at 5 a minute: the first minutes open one incident
      assertThat(opened(first.bootstrapServers(), 1)).hasSize(1);
      Thread.sleep(3_000); // let the state reach the changelog (commit interval 500 ms)
    }
    try (Assembly second = start()) {
      send(second.bootstrapServers(), 180, 185, 6); // 30 in 5 minutes: news for a new watch, ordinary here
      send(second.bootstrapServers(), 185, 190, 0);
      List<IncidentEvent> all = opened(second.bootstrapServers(), 2);
      assertThat(all).as("no incident after the restart: the baseline came back").hasSize(1);
    }
  }
}
