package fr.communitydefender.alerting.incident;

import fr.communitydefender.alerting.AlertingMetrics;
import fr.communitydefender.alerting.rules.AlertRule;
import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.domain.incident.IncidentEvent;
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

/** The real {@link AlertTopology} on a test driver, with helpers to send one watch's minute signals. */
final class AlertDriver implements AutoCloseable {
  final TopologyTestDriver driver;
  final TestInputTopic<String, VolumeSignal> signals;
  final TestOutputTopic<String, IncidentEvent> incidents;
  final TestInputTopic<String, fr.communitydefender.domain.collector.CollectorHealth> health;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Instant t0;

  /** {@code t0}: minute 0 of the signals and the driver's wall clock at start. */
  AlertDriver(Instant t0, AlertRule... rules) {
    this.t0 = t0;
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alert-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(AlertTopology.build(new AlertRules(List.of(rules)), new AlertingMetrics(registry)),
        props, t0);
    signals = driver.createInputTopic(Topics.SIGNALS_VOLUME.name(), Serdes.String().serializer(),
        JsonSerde.of(VolumeSignal.class).serializer());
    incidents = driver.createOutputTopic(Topics.INCIDENTS.name(), Serdes.String().deserializer(),
        JsonSerde.of(IncidentEvent.class).deserializer());
    health = driver.createInputTopic(Topics.COLLECTOR_HEALTH.name(), Serdes.String().serializer(),
        JsonSerde.of(fr.communitydefender.domain.collector.CollectorHealth.class).serializer());
  }

  /**
   * Sends the signal of minute {@code minute} of watch "ville", built from its window start and end, stamped at the
   * window's end (rules evaluate it at the minute's end).
   */
  void minute(long minute, SignalOf of) {
    Instant start = t0.plus(Duration.ofMinutes(minute));
    Instant end = start.plus(Duration.ofMinutes(1));
    signals.pipeInput("ville", of.at(start, end), end);
  }

  /** A volume-only minute. */
  void minute(long minute, long count) {
    minute(minute, (s, e) -> new VolumeSignal("ville", s, e, count));
  }

  List<IncidentEvent> events() {
    return incidents.readValuesToList();
  }

  List<IncidentEvent> opened() {
    return events().stream().filter(e -> e.type() == IncidentEvent.Type.OPENED).toList();
  }

  @Override
  public void close() {
    driver.close();
  }

  /** A signal for one window. */
  interface SignalOf {
    VolumeSignal at(Instant start, Instant end);
  }
}
