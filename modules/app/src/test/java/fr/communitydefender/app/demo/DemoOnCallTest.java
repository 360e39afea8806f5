package fr.communitydefender.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.paging.AckToken;
import fr.communitydefender.domain.paging.Notification;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.paging.PagingMetrics;
import fr.communitydefender.paging.escalation.PagingTopology;
import fr.communitydefender.paging.oncall.OnCallConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo's on-call (two people taking weekly turns from Monday 5 January 2026, 09:00 Paris, then the communications
 * director) paged through the real escalation topology with its wall clock set to each of {@code AnyDay}'s instants.
 */
class DemoOnCallTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @TempDir
  Path dir;

  /** Computed apart from {@code Schedule}: whole weeks since the first hand-over, counted in Paris local dates. */
  static String onCallAt(Instant at) {
    ZonedDateTime local = at.atZone(PARIS);
    LocalDate handover = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    if (handover.equals(local.toLocalDate()) && local.toLocalTime().isBefore(LocalTime.of(9, 0))) {
      handover = handover.minusWeeks(1);
    }
    return ChronoUnit.WEEKS.between(LocalDate.of(2026, 1, 5), handover) % 2 == 0 ? "astreinte" : "remplacant";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fr.communitydefender.domain.time.AnyDay#instants")
  void shouldPageWhoTheRotationPutsOnCallThenEscalateOnTheWallClock(String label, Instant now) throws Exception {
    OnCallConfig demo = DemoOnCall.load(dir, 2525, "http://127.0.0.1:8080");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "demo-oncall-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
    try (TopologyTestDriver driver = new TopologyTestDriver(PagingTopology.build(demo, KEY,
        new PagingMetrics(new SimpleMeterRegistry()), Duration.ofSeconds(1)), props, now)) {
      TestInputTopic<String, IncidentEvent> incidents = driver.createInputTopic(Topics.INCIDENTS.name(),
          Topics.INCIDENTS.keySerde().serializer(), Topics.INCIDENTS.valueSerde().serializer());
      TestOutputTopic<String, Notification> outbox = driver.createOutputTopic(Topics.PAGING_OUTBOX.name(),
          Topics.PAGING_OUTBOX.keySerde().deserializer(), Topics.PAGING_OUTBOX.valueSerde().deserializer());
      Incident incident = new Incident("spike.ville.1", "spike", "ville", Severity.HIGH, "Pic de mentions",
          Incident.Status.OPEN, now.minusSeconds(90), now.minusSeconds(30), null, 40, 40, 20, Duration.ofMinutes(5),
          "40 mentions en 5m ; attendu ≈ 2");
      incidents.pipeInput(incident.id(), new IncidentEvent(IncidentEvent.Type.OPENED, now, incident));

      String expected = onCallAt(now);
      List<Notification> first = outbox.readValuesToList();
      assertThat(first).singleElement().satisfies(n -> {
        assertThat(n.personId()).isEqualTo(expected);
        assertThat(n.address()).isEqualTo(expected + "@commune.example");
        assertThat(n.createdAt()).isEqualTo(now);
        String token = n.ackUrl().substring(n.ackUrl().lastIndexOf('/') + 1);
        assertThat(AckToken.verify(token, KEY, now.plus(Duration.ofHours(12)).minusSeconds(1)).personId())
            .isEqualTo(expected);
        assertThatThrownBy(() -> AckToken.verify(token, KEY, now.plus(Duration.ofHours(12))))
            .hasMessage("link expired");
      });

      driver.advanceWallClockTime(Duration.ofMinutes(1).plusSeconds(58));
      assertThat(outbox.isEmpty()).as("within the first level's 2 minutes").isTrue();
      driver.advanceWallClockTime(Duration.ofSeconds(3));
      assertThat(outbox.readValuesToList()).singleElement().satisfies(n -> {
        assertThat(n.personId()).isEqualTo("dircom");
        assertThat(n.kind()).isEqualTo(Notification.Kind.ESCALATED);
        assertThat(n.createdAt()).isBetween(now.plusSeconds(120), now.plusSeconds(122));
      });
    }
  }
}
