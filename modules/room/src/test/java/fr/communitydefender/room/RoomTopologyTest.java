package fr.communitydefender.room;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.domain.access.Role;
import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.paging.Notification;
import fr.communitydefender.domain.paging.OutboxSignature;
import fr.communitydefender.domain.room.CouranteEntry;
import fr.communitydefender.domain.room.Courante;
import fr.communitydefender.domain.room.Draft;
import fr.communitydefender.domain.room.Publication;
import fr.communitydefender.domain.room.PublishingSwitch;
import fr.communitydefender.domain.room.RoomCommand;
import fr.communitydefender.domain.room.RoomOutcome;
import fr.communitydefender.domain.room.RoomState;
import fr.communitydefender.domain.topic.TopicSpec;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.room.chains.ApprovalChains;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoomTopologyTest {
  static final byte[] KEY = "une clé de test de trente-deux octets".getBytes();
  static final Instant T0 = Instant.parse("2026-12-02T21:00:00Z");
  TopologyTestDriver driver;
  TestInputTopic<String, RoomCommand> commands;
  Instant now = T0;

  @BeforeEach
  void start() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "room-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    ApprovalChains chains = fr.communitydefender.domain.config.YamlConfigLoader.parse("chains.yaml", """
        groups: {dircom: [validateur]}
        people: [{username: validateur, name: Camille, email: dircom@ville.example, phone: "+33600000010"}]
        chains: [{id: courant, steps: [{name: dircom, any_of: dircom}]}]
        """, ApprovalChains.class);
    driver = new TopologyTestDriver(RoomTopology.build(new RoomConfig(chains, KEY,
        "https://console.example", Duration.ofSeconds(1)), new RoomMetrics(new SimpleMeterRegistry())), p, T0);
    commands = input(Topics.ROOM_COMMANDS);
    Incident incident = new Incident("inc-1", "crue-volume", "crue", Severity.HIGH, "Crue de la Loire",
        Incident.Status.OPEN, T0, T0, null, 120, 120, 50, Duration.ofMinutes(10), "120 mentions en 10 min");
    input(Topics.INCIDENTS).pipeInput("inc-1", new IncidentEvent(IncidentEvent.Type.OPENED, T0, incident), T0);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  <V> TestInputTopic<String, V> input(TopicSpec<String, V> t) {
    return driver.createInputTopic(t.name(), t.keySerde().serializer(), t.valueSerde().serializer());
  }

  <V> TestOutputTopic<String, V> output(TopicSpec<String, V> t) {
    return driver.createOutputTopic(t.name(), t.keySerde().deserializer(), t.valueSerde().deserializer());
  }

  RoomOutcome send(String actor, Set<Role> roles, RoomCommand.Type type, String... kv) {
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      args.put(kv[i], kv[i + 1]);
    }
    now = now.plusSeconds(1);
    String id = UUID.randomUUID().toString();
    commands.pipeInput("inc-1", new RoomCommand(id, "inc-1", type, actor, roles, now, args), now);
    List<RoomOutcome> outcomes = output(Topics.ROOM_OUTCOMES).readValuesToList();
    return outcomes.stream().filter(o -> o.commandId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void shouldChainEveryStepFromDetectionToPublishingAndAnswerEachCommand() {
    assertThat(send("redacteur", Set.of(Role.DRAFTER), RoomCommand.Type.DRAFT_CREATE, "channel", "mastodon", "text",
        "Point de situation").ok()).isTrue();
    assertThat(send("redacteur", Set.of(Role.DRAFTER), RoomCommand.Type.SUBMIT, "draft", "d1", "version", "1").ok())
        .isTrue();
    RoomOutcome own = send("redacteur", Set.of(Role.DRAFTER, Role.APPROVER), RoomCommand.Type.APPROVE, "draft", "d1",
        "version", "1");
    assertThat(own.status()).isEqualTo(403);
    assertThat(send("validateur", Set.of(Role.APPROVER), RoomCommand.Type.APPROVE, "draft", "d1", "version", "1")
        .ok()).isTrue();
    assertThat(send("redacteur", Set.of(Role.DRAFTER), RoomCommand.Type.PUBLISH, "draft", "d1", "version", "1").ok())
        .isTrue();

    List<Publication> pubs = output(Topics.PUBLICATIONS).readValuesToList();
    assertThat(pubs).singleElement().extracting(Publication::text).isEqualTo("Point de situation");
    List<CouranteEntry> entries = output(Topics.MAIN_COURANTE).readValuesToList();
    assertThat(entries).extracting(CouranteEntry::type).containsExactly("incident-opened", "draft", "version",
        "submitted", "approved", "publish");
    RoomState state = driver.<String, RoomState>getKeyValueStore(RoomTopology.STATES).get("inc-1");
    assertThat(Courante.verify("inc-1", entries, state.seq(), state.head()).intact()).isTrue();
    Draft draft = output(Topics.ROOM_DRAFTS).readKeyValuesToMap().get("inc-1/d1");
    assertThat(draft.state()).isEqualTo(Draft.State.PUBLISHING);
  }

  @Test
  void shouldSendASignedApprovalRequestToTheApproversOfTheFirstStep() {
    send("redacteur", Set.of(Role.DRAFTER), RoomCommand.Type.DRAFT_CREATE, "channel", "bluesky", "text", "Texte");
    send("redacteur", Set.of(Role.DRAFTER), RoomCommand.Type.SUBMIT, "draft", "d1", "version", "1");
    TestOutputTopic<String, byte[]> outbox = driver.createOutputTopic(Topics.PAGING_OUTBOX.name(),
        new StringDeserializer(), new ByteArrayDeserializer());
    List<TestRecord<String, byte[]>> pages = outbox.readRecordsToList();
    assertThat(pages).hasSize(2);
    for (TestRecord<String, byte[]> r : pages) {
      assertThat(OutboxSignature.valid(KEY, r.headers(), r.value())).isTrue();
      Notification n = Topics.PAGING_OUTBOX.valueSerde().deserializer().deserialize("t", r.value());
      assertThat(n.kind()).isEqualTo(Notification.Kind.APPROVAL);
      assertThat(n.personId()).isEqualTo("validateur");
      assertThat(n.ackUrl()).isEqualTo("https://console.example/room.html?incident=inc-1&draft=d1&sig="
          + fr.communitydefender.domain.room.ApprovalLink.signature(KEY, "inc-1", "d1"));
      assertThat(fr.communitydefender.domain.room.ApprovalLink.valid(KEY, "inc-1", "d1",
          n.ackUrl().substring(n.ackUrl().indexOf("sig=") + 4))).isTrue();
      assertThat(fr.communitydefender.domain.room.ApprovalLink.valid(KEY, "inc-1", "d2",
          n.ackUrl().substring(n.ackUrl().indexOf("sig=") + 4))).as("another draft").isFalse();
      assertThat(n.body()).contains("Texte");
    }
    assertThat(pages).extracting(r -> Topics.PAGING_OUTBOX.valueSerde().deserializer().deserialize("t", r.value())
        .channel()).containsExactlyInAnyOrder(Notification.Channel.EMAIL, Notification.Channel.SMS);
  }

  @Test
  void shouldAnswer404ForARoomThatDoesNotExist() {
    String id = UUID.randomUUID().toString();
    commands.pipeInput("nope", new RoomCommand(id, "nope", RoomCommand.Type.NOTE, "redacteur",
        Set.of(Role.DRAFTER), now, Map.of("text", "x")), now);
    assertThat(output(Topics.ROOM_OUTCOMES).readValuesToList()).singleElement()
        .satisfies(o -> assertThat(o.status()).isEqualTo(404));
  }

  @Test
  void shouldPublishAScheduledDraftWhenItsTimeComesUnlessTheSwitchCancelledIt() {
    send("redacteur", Set.of(Role.DRAFTER), RoomCommand.Type.DRAFT_CREATE, "channel", "mastodon", "text", "Plus tard");
    send("redacteur", Set.of(Role.DRAFTER), RoomCommand.Type.SUBMIT, "draft", "d1", "version", "1");
    send("validateur", Set.of(Role.APPROVER), RoomCommand.Type.APPROVE, "draft", "d1", "version", "1");
    assertThat(send("redacteur", Set.of(Role.DRAFTER), RoomCommand.Type.SCHEDULE, "draft", "d1", "version", "1", "at",
        T0.plusSeconds(600).toString()).ok()).isTrue();
    driver.advanceWallClockTime(Duration.ofSeconds(300));
    assertThat(output(Topics.PUBLICATIONS).readValuesToList()).isEmpty();

    input(Topics.PUBLISHING_SWITCH).pipeInput(PublishingSwitch.KEY, new PublishingSwitch(true, "deuil", "admin", now),
        now);
    assertThat(send("system:console", Set.of(), RoomCommand.Type.SWITCH, "suspended", "true", "reason", "deuil",
        "by", "admin").ok()).isTrue();
    driver.advanceWallClockTime(Duration.ofSeconds(400));
    assertThat(output(Topics.PUBLICATIONS).readValuesToList()).isEmpty();
    assertThat(output(Topics.MAIN_COURANTE).readValuesToList()).extracting(CouranteEntry::type)
        .endsWith("scheduled", "switch", "schedule-cancelled");
    assertThat(send("redacteur", Set.of(Role.DRAFTER), RoomCommand.Type.SCHEDULE, "draft", "d1", "version", "1", "at",
        T0.plusSeconds(3600).toString()).status()).isEqualTo(409);

    input(Topics.PUBLISHING_SWITCH).pipeInput(PublishingSwitch.KEY, new PublishingSwitch(false, null, "admin", now),
        now);
    send("redacteur", Set.of(Role.DRAFTER), RoomCommand.Type.SCHEDULE, "draft", "d1", "version", "1", "at",
        T0.plusSeconds(1000).toString());
    driver.advanceWallClockTime(Duration.ofSeconds(400));
    assertThat(output(Topics.PUBLICATIONS).readValuesToList()).singleElement().extracting(Publication::text)
        .isEqualTo("Plus tard");
  }
}
