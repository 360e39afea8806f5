package fr.communitydefender.alerting.incident;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.alerting.AlertingMetrics;
import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.alerting.rules.VolumeThresholdRule;
import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentCommand;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.incident.Silence;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertTopologyTest {
  private static final Instant T0 = Instant.parse("2026-03-14T18:00:00Z");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TopologyTestDriver driver;
  private TestInputTopic<String, VolumeSignal> signals;
  private TestOutputTopic<String, IncidentEvent> incidents;
  private TestInputTopic<String, IncidentCommand> commands;

  @BeforeEach
  void setUp() {
    AlertRules rules = new AlertRules(List.of(new VolumeThresholdRule("spike", "*", Duration.ofMinutes(5), 10L,
        Duration.ofMinutes(10), Severity.HIGH, "Pic")));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alert-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(AlertTopology.build(rules, new AlertingMetrics(registry)), props,
        T0.minusSeconds(3600));
    signals = driver.createInputTopic(Topics.SIGNALS_VOLUME.name(), Serdes.String().serializer(),
        JsonSerde.of(VolumeSignal.class).serializer());
    commands = driver.createInputTopic(Topics.INCIDENT_COMMANDS.name(), Serdes.String().serializer(),
        JsonSerde.of(IncidentCommand.class).serializer());
    incidents = driver.createOutputTopic(Topics.INCIDENTS.name(), Serdes.String().deserializer(),
        JsonSerde.of(IncidentEvent.class).deserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  /** The signal of one minute, stamped at its end (rules then evaluate it at the minute's end). */
  private void signal(String watch, int minute, long count) {
    signal(watch, minute, count, Duration.ofMinutes(1));
  }

  /** The signal of one minute whose latest mention came {@code latest} after the minute began. */
  private void signal(String watch, int minute, long count, Duration latest) {
    Instant start = T0.plus(Duration.ofMinutes(minute));
    signals.pipeInput(watch, new VolumeSignal(watch, start, start.plus(Duration.ofMinutes(1)), count),
        start.plus(latest));
  }

  @Test
  void shouldOpenAtTheTippingMentionsTimeWhenItCameBeforeTheMinuteEnded() {
    signal("ville", 3, 12, Duration.ofSeconds(5)); // the 12th mention at 18:03:05
    assertThat(incidents.readValuesToList()).singleElement().satisfies(e -> {
      assertThat(e.at()).isEqualTo(T0.plus(Duration.ofMinutes(3)).plusSeconds(5));
      assertThat(e.incident().openedAt()).isEqualTo(e.at());
    });
  }

  @Test
  void shouldNotOpenWhenTrailingWindowStaysBelowThreshold() {
    for (int m = 0; m < 20; m++) {
      signal("ville", m, 1);
    }
    assertThat(incidents.isEmpty()).isTrue();
  }

  @Test
  void shouldOpenOnceAndUpdateWhenRuleKeepsFiring() {
    signal("ville", 0, 4);
    signal("ville", 1, 5);
    assertThat(incidents.isEmpty()).isTrue();
    signal("ville", 2, 3); // 12 in the last 5 minutes
    signal("ville", 2, 6); // same window grows: 15
    signal("ville", 3, 2); // 17
    signal("ville", 3, 2); // re-emitted unchanged: no event
    List<IncidentEvent> events = incidents.readValuesToList();
    assertThat(events).extracting(IncidentEvent::type).containsExactly(
        IncidentEvent.Type.OPENED, IncidentEvent.Type.UPDATED, IncidentEvent.Type.UPDATED);
    assertThat(events).extracting(e -> e.incident().id()).containsOnly(events.get(0).incident().id());
    Incident opened = events.get(0).incident();
    assertThat(opened.openedAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
    assertThat(opened.currentCount()).isEqualTo(12);
    assertThat(opened.reason()).isEqualTo("12 mentions en 5m (seuil 10)");
    assertThat(events.get(2).incident().peakCount()).isEqualTo(17);
    assertThat(registry.counter("cd.incidents", "event", "opened").count()).isEqualTo(1);
  }

  @Test
  void shouldResolveAfterQuietPeriodInEventTimeWhenSignalsKeepComing() {
    signal("ville", 0, 12); // fires from the end of minute 0 while [0,1) is in the 5-minute trail: until 18:05
    for (int m = 1; m <= 13; m++) {
      signal("ville", m, 0);
    }
    assertThat(incidents.readValuesToList()).extracting(IncidentEvent::type).containsExactly(IncidentEvent.Type.OPENED);
    signal("ville", 14, 0); // clock 18:15 = last firing 18:05 + quiet 10m
    List<IncidentEvent> events = incidents.readValuesToList();
    assertThat(events).extracting(IncidentEvent::type).containsExactly(IncidentEvent.Type.RESOLVED);
    IncidentEvent resolved = events.get(0);
    assertThat(resolved.incident().status()).isEqualTo(Incident.Status.RESOLVED);
    assertThat(resolved.incident().lastFiringAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(resolved.incident().resolvedAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    assertThat(resolved.incident().reason()).isEqualTo("calme depuis 10m (pic 12)");
  }

  @Test
  void shouldOpenANewIncidentWhenRuleFiresAgainAfterResolution() {
    signal("ville", 0, 12);
    signal("ville", 20, 0);
    signal("ville", 30, 11);
    List<IncidentEvent> events = incidents.readValuesToList();
    assertThat(events).extracting(IncidentEvent::type).containsExactly(IncidentEvent.Type.OPENED,
        IncidentEvent.Type.RESOLVED, IncidentEvent.Type.OPENED);
    assertThat(events.get(2).incident().id()).isNotEqualTo(events.get(0).incident().id());
  }

  @Test
  void shouldReopenTheSameIncidentUnacknowledgedWhenItRelapsesWithinTheQuietPeriod() {
    signal("ville", 0, 12);
    ack("ville", events -> events.get(0).incident().id());
    signal("ville", 16, 0); // resolved at 18:15
    signal("ville", 18, 11); // relapse at 18:19, before 18:15 + quiet 10m
    List<IncidentEvent> events = incidents.readValuesToList();
    assertThat(events).extracting(IncidentEvent::type).containsExactly(IncidentEvent.Type.RESOLVED,
        IncidentEvent.Type.REOPENED);
    Incident reopened = events.get(1).incident();
    assertThat(reopened.id()).isEqualTo(events.get(0).incident().id());
    assertThat(reopened.status()).isEqualTo(Incident.Status.OPEN);
    assertThat(reopened.acknowledgedBy()).as("whoever took it may be off duty now").isNull();
    assertThat(reopened.openedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
  }

  @Test
  void shouldAcknowledgeOnceAndKeepTheAcknowledgementWhileItFires() {
    signal("ville", 0, 12);
    IncidentEvent acked = ack("ville", events -> events.get(0).incident().id());
    assertThat(acked.type()).isEqualTo(IncidentEvent.Type.ACKNOWLEDGED);
    assertThat(acked.incident().status()).isEqualTo(Incident.Status.ACKNOWLEDGED);
    assertThat(acked.incident().acknowledgedBy()).isEqualTo("astreinte.dupont");
    commands.pipeInput("ville", new IncidentCommand(IncidentCommand.Type.ACKNOWLEDGE, "ville",
        acked.incident().id(), "autre", T0.plusSeconds(200)), T0.plusSeconds(200));
    commands.pipeInput("ville", new IncidentCommand(IncidentCommand.Type.ACKNOWLEDGE, "ville", "nope", "autre",
        T0.plusSeconds(201)), T0.plusSeconds(201));
    signal("ville", 1, 9); // grows: updated, still acknowledged by the first person
    List<IncidentEvent> events = incidents.readValuesToList();
    assertThat(events).extracting(IncidentEvent::type).containsExactly(IncidentEvent.Type.UPDATED);
    assertThat(events.get(0).incident().status()).isEqualTo(Incident.Status.ACKNOWLEDGED);
    assertThat(events.get(0).incident().acknowledgedBy()).isEqualTo("astreinte.dupont");
  }

  @Test
  void shouldCloseTheIncidentWhenSomeoneDeclaresTheCrisisOverAndReopenItOnARelapse() {
    signal("ville", 0, 12);
    IncidentEvent acked = ack("ville", events -> events.get(0).incident().id());
    commands.pipeInput("ville", new IncidentCommand(IncidentCommand.Type.RESOLVE, "ville", acked.incident().id(),
        "dircom.leroy", T0.plusSeconds(300), "point presse fait"), T0.plusSeconds(300));
    List<IncidentEvent> closed = incidents.readValuesToList();
    assertThat(closed).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(IncidentEvent.Type.RESOLVED);
      assertThat(e.at()).isEqualTo(T0.plusSeconds(300));
      assertThat(e.incident().reason()).isEqualTo("clos par dircom.leroy : point presse fait");
      assertThat(e.by()).isEqualTo("dircom.leroy");
    });
    commands.pipeInput("ville", new IncidentCommand(IncidentCommand.Type.RESOLVE, "ville", acked.incident().id(),
        "autre", T0.plusSeconds(301)), T0.plusSeconds(301));
    assertThat(incidents.readValuesToList()).as("already closed: ignored").isEmpty();
    signal("ville", 6, 30);
    assertThat(incidents.readValuesToList()).extracting(IncidentEvent::type)
        .containsExactly(IncidentEvent.Type.REOPENED);
  }

  @Test
  void shouldRecordButMarkSilencedWhenAnActiveSilenceMatches() {
    Instant wall = T0.minusSeconds(3600); // the driver's wall clock
    TestInputTopic<String, Silence> silences = driver.createInputTopic(Topics.SILENCES.name(),
        Serdes.String().serializer(), JsonSerde.of(Silence.class).serializer());
    silences.pipeInput("s1", new Silence("s1", "ville", null, "dircom.leroy", "exercice de crue annoncé", wall,
        wall.plus(Duration.ofHours(1))));
    signal("ville", 0, 12);
    signal("crue", 0, 12);
    List<IncidentEvent> events = incidents.readValuesToList();
    assertThat(events).extracting(e -> e.incident().watchId() + ":" + e.incident().silencedBy())
        .containsExactly("ville:s1", "crue:null");
    driver.advanceWallClockTime(Duration.ofMinutes(61)); // the silence expires; the ville incident resolves
    signal("ville", 40, 12);
    List<IncidentEvent> later = incidents.readValuesToList().stream()
        .filter(e -> e.type() == IncidentEvent.Type.OPENED).toList();
    assertThat(later).singleElement().satisfies(e -> assertThat(e.incident().silencedBy()).isNull());
  }

  /** Acknowledges the incident {@code pick} chooses among the events so far; returns the ACKNOWLEDGED event. */
  private IncidentEvent ack(String watch, java.util.function.Function<List<IncidentEvent>, String> pick) {
    String id = pick.apply(incidents.readValuesToList());
    commands.pipeInput(watch, new IncidentCommand(IncidentCommand.Type.ACKNOWLEDGE, watch, id, "astreinte.dupont",
        T0.plusSeconds(150)), T0.plusSeconds(150));
    List<IncidentEvent> events = incidents.readValuesToList();
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  @Test
  void shouldResolveByWallClockWhenNoSignalArrivesAnyMore() {
    signal("ville", 0, 12);
    assertThat(incidents.readValuesToList()).hasSize(1);
    driver.advanceWallClockTime(Duration.ofMinutes(5));
    assertThat(incidents.isEmpty()).isTrue();
    driver.advanceWallClockTime(Duration.ofMinutes(11));
    List<IncidentEvent> events = incidents.readValuesToList();
    assertThat(events).extracting(IncidentEvent::type).containsExactly(IncidentEvent.Type.RESOLVED);
  }

  @Test
  void shouldKeepWatchesApartWhenSeveralSpike() {
    signal("ville", 0, 12);
    signal("crue", 0, 3);
    signal("crue", 1, 9);
    List<IncidentEvent> events = incidents.readValuesToList();
    assertThat(events).extracting(e -> e.incident().watchId()).containsExactly("ville", "crue");
  }
}
