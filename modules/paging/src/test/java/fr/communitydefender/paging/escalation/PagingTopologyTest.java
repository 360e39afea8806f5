package fr.communitydefender.paging.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.json.JsonSerde;
import fr.communitydefender.domain.paging.AckToken;
import fr.communitydefender.domain.paging.DeliveryAttempt;
import fr.communitydefender.domain.paging.Notification;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.paging.PagingMetrics;
import fr.communitydefender.paging.oncall.OnCallConfig;
import fr.communitydefender.paging.oncall.TestOnCall;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

/** The escalation timeline on a controllable wall clock: level 1 at once, level 2 after the delay, stop on ack. */
class PagingTopologyTest {
  /** Tuesday 10 November 2026, 15:00 Paris: Yanis's week, outside quiet hours. */
  private static final Instant T0 = Instant.parse("2026-11-10T14:00:00Z");
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path dir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, IncidentEvent> incidents;
  private TestOutputTopic<String, Notification> outbox;
  private TestOutputTopic<String, DeliveryAttempt> attempts;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private void start(Instant wallClock) throws Exception {
    OnCallConfig config = TestOnCall.load(dir);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "paging-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
    driver = new TopologyTestDriver(PagingTopology.build(config, KEY, new PagingMetrics(registry), Duration.ofSeconds(1)),
        props, wallClock);
    incidents = driver.createInputTopic(Topics.INCIDENTS.name(), Serdes.String().serializer(),
        JsonSerde.of(IncidentEvent.class).serializer());
    outbox = driver.createOutputTopic(Topics.PAGING_OUTBOX.name(), Serdes.String().deserializer(),
        JsonSerde.of(Notification.class).deserializer());
    attempts = driver.createOutputTopic(Topics.PAGING_ATTEMPTS.name(), Serdes.String().deserializer(),
        JsonSerde.of(DeliveryAttempt.class).deserializer());
  }

  @BeforeEach
  void setUp() throws Exception {
    start(T0);
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  private static Incident incident(String watch, Severity severity) {
    return new Incident("spike." + watch + ".1", "spike", watch, severity, "Pic de mentions", Incident.Status.OPEN,
        T0, T0, null, 40, 40, 20, Duration.ofMinutes(5), "40 mentions en 5m ; attendu ≈ 2");
  }

  private void event(IncidentEvent.Type type, Incident i) {
    incidents.pipeInput(i.id(), new IncidentEvent(type, T0, i));
  }

  @Test
  void shouldSignEveryPageWithTheInstallationKey() {
    event(IncidentEvent.Type.OPENED, incident("ville", Severity.HIGH));
    var record = outbox.readRecord();
    byte[] bytes = Topics.PAGING_OUTBOX.valueSerde().serializer().serialize(Topics.PAGING_OUTBOX.name(),
        record.value());
    assertThat(fr.communitydefender.domain.paging.OutboxSignature.valid(KEY, record.headers(), bytes)).isTrue();
    assertThat(fr.communitydefender.domain.paging.OutboxSignature.valid("another key, thirty-two bytes!!!"
        .getBytes(StandardCharsets.UTF_8), record.headers(), bytes)).isFalse();
  }

  @Test
  void shouldPageTheOnCallPersonAtOnceWithASignedAckLinkAndFallbacks() throws Exception {
    event(IncidentEvent.Type.OPENED, incident("ville", Severity.HIGH));
    List<Notification> pages = outbox.readValuesToList();
    assertThat(pages).singleElement().satisfies(n -> {
      assertThat(n.personId()).isEqualTo("yanis");
      assertThat(n.kind()).isEqualTo(Notification.Kind.OPENED);
      assertThat(n.channel()).isEqualTo(Notification.Channel.SMS);
      assertThat(n.address()).isEqualTo("+33622222222");
      assertThat(n.fallbacks()).containsExactly(Notification.Channel.EMAIL);
      assertThat(n.subject()).isEqualTo("[HAUTE] Pic de mentions — ville");
      assertThat(n.sms()).startsWith("CD HAUTE ville: Pic de mentions. 40 mentions en 5m");
      assertThat(n.ackUrl()).startsWith("https://defender.ville.example/ack/");
      AckToken token = AckToken.verify(n.ackUrl().substring(n.ackUrl().lastIndexOf('/') + 1), KEY, T0);
      assertThat(token.incidentId()).isEqualTo("spike.ville.1");
      assertThat(token.personId()).isEqualTo("yanis");
      assertThat(token.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(12)));
    });
  }

  @Test
  void shouldEscalateAfterTheDelayAndStopWhenAcknowledged() {
    Incident i = incident("ville", Severity.HIGH);
    event(IncidentEvent.Type.OPENED, i);
    outbox.readValuesToList();
    driver.advanceWallClockTime(Duration.ofMinutes(9).plusSeconds(58));
    assertThat(outbox.isEmpty()).as("still within level 1's delay").isTrue();
    driver.advanceWallClockTime(Duration.ofSeconds(3));
    assertThat(outbox.readValuesToList()).singleElement().satisfies(n -> {
      assertThat(n.personId()).isEqualTo("dircom");
      assertThat(n.kind()).isEqualTo(Notification.Kind.ESCALATED);
      assertThat(n.level()).isEqualTo(1);
      assertThat(n.channel()).as("dircom prefers email").isEqualTo(Notification.Channel.EMAIL);
      assertThat(n.body()).contains("Escalade (niveau 2)");
    });
    event(IncidentEvent.Type.ACKNOWLEDGED, i.acknowledged("Directrice", T0.plusSeconds(700), "je m'en occupe"));
    driver.advanceWallClockTime(Duration.ofHours(1));
    assertThat(outbox.isEmpty()).as("no page after the acknowledgement").isTrue();
    driver.advanceWallClockTime(Duration.ofHours(1));
    assertThat(outbox.readValuesToList()).singleElement().satisfies(n -> {
      assertThat(n.kind()).isEqualTo(Notification.Kind.REMINDER);
      assertThat(n.personId()).isEqualTo("dircom");
      assertThat(n.body()).contains("Pris par : Directrice — « je m'en occupe »")
          .contains("Si la crise est terminée, « Clore » dans la console.");
      assertThat(n.ackUrl()).isNull();
    });
    event(IncidentEvent.Type.RESOLVED, i.resolved(T0.plusSeconds(9000), "calme"));
    assertThat(outbox.readValuesToList()).extracting(Notification::personId, Notification::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple("yanis", Notification.Kind.RESOLVED),
        org.assertj.core.groups.Tuple.tuple("dircom", Notification.Kind.RESOLVED));
    driver.advanceWallClockTime(Duration.ofHours(3));
    assertThat(outbox.isEmpty()).isTrue();
  }

  @Test
  void shouldTellEveryonePagedWhenNobodyTookItAtTheEnd() {
    event(IncidentEvent.Type.OPENED, incident("ville", Severity.HIGH));
    driver.advanceWallClockTime(Duration.ofMinutes(10));
    driver.advanceWallClockTime(Duration.ofMinutes(15));
    List<Notification> all = outbox.readValuesToList();
    assertThat(all).extracting(Notification::kind).containsExactly(Notification.Kind.OPENED,
        Notification.Kind.ESCALATED, Notification.Kind.UNACKNOWLEDGED, Notification.Kind.UNACKNOWLEDGED);
    assertThat(all).extracting(Notification::id).doesNotHaveDuplicates();
    driver.advanceWallClockTime(Duration.ofHours(5));
    assertThat(outbox.isEmpty()).as("repeat: 0, escalation over").isTrue();
    assertThat(registry.counter("cd.paging.unacknowledged").count()).isEqualTo(1);
  }

  @Test
  void shouldPageTheWholeUrgentLevelForACriticalFlood() {
    event(IncidentEvent.Type.OPENED, incident("crue", Severity.CRITICAL));
    assertThat(outbox.readValuesToList()).extracting(Notification::personId).containsExactly("yanis", "dircom", "dgs");
  }

  @Test
  void shouldOnlyEmailAndHoldTheSmsInQuietHoursBelowTheSeverity() throws Exception {
    driver.close();
    start(Instant.parse("2026-11-10T22:30:00Z"));
    event(IncidentEvent.Type.OPENED, incident("ville", Severity.MEDIUM));
    assertThat(outbox.readValuesToList()).singleElement().satisfies(n -> {
      assertThat(n.channel()).isEqualTo(Notification.Channel.EMAIL);
      assertThat(n.fallbacks()).isEmpty();
    });
    assertThat(attempts.readValuesToList()).singleElement().satisfies(a -> {
      assertThat(a.outcome()).isEqualTo(DeliveryAttempt.Outcome.HELD);
      assertThat(a.channel()).isEqualTo(Notification.Channel.SMS);
      assertThat(a.maskedAddress()).isEqualTo("+336••••2222");
    });
  }

  @Test
  void shouldPageNobodyForASilencedIncidentAndAgainWithNewIdsWhenReopened() throws Exception {
    Incident silenced = new Incident("spike.ville.2", "spike", "ville", Severity.HIGH, "Pic", Incident.Status.OPEN,
        T0, T0, null, 40, 40, 20, Duration.ofMinutes(5), "r", null, null, "silence-1", null, null, null);
    event(IncidentEvent.Type.OPENED, silenced);
    assertThat(outbox.isEmpty()).isTrue();
    Incident i = incident("ville", Severity.HIGH);
    event(IncidentEvent.Type.OPENED, i);
    Notification first = outbox.readValuesToList().get(0);
    event(IncidentEvent.Type.RESOLVED, i.resolved(T0.plusSeconds(60), "calme"));
    outbox.readValuesToList();
    incidents.pipeInput(i.id(), new IncidentEvent(IncidentEvent.Type.REOPENED, T0.plusSeconds(600), i));
    assertThat(outbox.readValuesToList()).singleElement().satisfies(n -> {
      assertThat(n.id()).isNotEqualTo(first.id());
      AckToken before = AckToken.verify(first.ackUrl().substring(first.ackUrl().lastIndexOf('/') + 1), KEY, T0);
      AckToken after = AckToken.verify(n.ackUrl().substring(n.ackUrl().lastIndexOf('/') + 1), KEY, T0);
      assertThat(after.nonce()).as("a reopened incident gets fresh link codes (the first link was used)")
          .isNotEqualTo(before.nonce());
    });
  }
}
