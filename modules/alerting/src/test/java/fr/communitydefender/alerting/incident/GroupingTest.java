package fr.communitydefender.alerting.incident;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.alerting.AlertingMetrics;
import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.alerting.rules.NegativeShareRule;
import fr.communitydefender.alerting.rules.VolumeThresholdRule;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.json.JsonSerde;
import fr.communitydefender.domain.signal.VolumeSignal;
import fr.communitydefender.domain.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rules firing on one watch soon after each other make one incident. */
class GroupingTest {
  private static final Instant T0 = Instant.parse("2026-03-14T18:00:00Z");
  private TopologyTestDriver driver;
  private TestInputTopic<String, VolumeSignal> signals;
  private TestOutputTopic<String, IncidentEvent> incidents;

  private void start(Duration group) {
    VolumeThresholdRule volume = new VolumeThresholdRule("volume", "*", Duration.ofMinutes(5), 10L,
        Duration.ofMinutes(10), Severity.HIGH, "Pic", null, null, null, null, null, null, null);
    NegativeShareRule anger = new NegativeShareRule("colere", "*", Duration.ofMinutes(15), 0.6, 8L,
        Duration.ofMinutes(10), null, null, null, null, null, null, null, null, group);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "grouping-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(AlertTopology.build(new AlertRules(List.of(volume, anger)),
        new AlertingMetrics(new SimpleMeterRegistry())), props, T0);
    signals = driver.createInputTopic(Topics.SIGNALS_VOLUME.name(), Serdes.String().serializer(),
        JsonSerde.of(VolumeSignal.class).serializer());
    incidents = driver.createOutputTopic(Topics.INCIDENTS.name(), Serdes.String().deserializer(),
        JsonSerde.of(IncidentEvent.class).deserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  private void minute(int minute, long count, long negative) {
    Instant start = T0.plus(Duration.ofMinutes(minute));
    signals.pipeInput("ville", new VolumeSignal("ville", start, start.plus(Duration.ofMinutes(1)), count, count,
        negative, -negative, count, 0, 0), start.plusSeconds(59));
  }

  @Test
  void shouldJoinTheOpenIncidentWhenAnotherRuleFiresWithinTheGroupWindow() {
    start(null);
    minute(0, 12, 0); // the volume rule opens
    minute(3, 10, 10); // anger follows three minutes later: 10 negatives of 22
    minute(4, 10, 10); // 20 of 32 = 62 %
    List<IncidentEvent> events = incidents.readValuesToList();
    assertThat(events).extracting(IncidentEvent::type).containsOnlyOnce(IncidentEvent.Type.OPENED)
        .containsOnly(IncidentEvent.Type.OPENED, IncidentEvent.Type.UPDATED);
    assertThat(events).extracting(e -> e.incident().id()).containsOnly(events.get(0).incident().id());
    assertThat(events.get(events.size() - 1).incident().joinedRules()).containsExactly("colere");
  }

  @Test
  void shouldKeepTheGroupedIncidentOpenWhileTheJoinedRuleFires() {
    start(null);
    minute(0, 12, 0);
    minute(3, 10, 10);
    minute(4, 10, 10);
    for (int m = 5; m <= 18; m++) {
      minute(m, 2, 2); // volume quiet from 18:09; anger keeps firing on the last 15 minutes
    }
    assertThat(incidents.readValuesToList()).extracting(IncidentEvent::type)
        .doesNotContain(IncidentEvent.Type.RESOLVED);
  }

  @Test
  void shouldOpenItsOwnIncidentWhenGroupingIsOff() {
    start(Duration.ZERO);
    minute(0, 12, 0);
    minute(3, 10, 10);
    minute(4, 10, 10);
    List<IncidentEvent> opened = incidents.readValuesToList().stream()
        .filter(e -> e.type() == IncidentEvent.Type.OPENED).toList();
    assertThat(opened).extracting(e -> e.incident().ruleId()).containsExactly("volume", "colere");
  }
}
