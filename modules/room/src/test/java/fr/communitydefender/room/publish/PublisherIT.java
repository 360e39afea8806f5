package fr.communitydefender.room.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.communitydefender.devservices.kafka.EmbeddedKafka;
import fr.communitydefender.domain.topic.TopicReader;
import fr.communitydefender.devservices.social.BlueskyStandIn;
import fr.communitydefender.devservices.social.MastodonStandIn;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.room.Publication;
import fr.communitydefender.domain.room.RoomCommand;
import fr.communitydefender.domain.topic.Producers;
import fr.communitydefender.domain.topic.TopicProvisioner;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.room.RoomMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherIT {
  static final Instant AT = Instant.parse("2026-12-02T21:00:00Z");
  @TempDir
  static Path dir;
  static EmbeddedKafka kafka;
  static MastodonStandIn mastodon;
  static BlueskyStandIn bluesky;
  static Publisher publisher;
  static Thread thread;
  static KafkaProducer<String, RoomCommand> commands;

  @BeforeAll
  static void start() {
    kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
    TopicProvisioner.ensure(kafka.bootstrapServers(), 2, (short) 1);
    mastodon = MastodonStandIn.start(0, "jeton-de-test");
    bluesky = BlueskyStandIn.start("ville.test", "mot-de-passe-app");
    commands = Producers.forTopic(kafka.bootstrapServers(), Topics.ROOM_COMMANDS, "test-publisher");
    publisher = new Publisher(kafka.bootstrapServers(), Map.of(
        "mastodon", new MastodonClient(URI.create(mastodon.baseUrl()), "jeton-de-test"),
        "bluesky", new BlueskyClient(URI.create(bluesky.baseUrl()), "ville.test", "mot-de-passe-app")),
        commands, new RoomMetrics(new SimpleMeterRegistry()), Clock.fixed(AT, ZoneOffset.UTC), 3,
        Duration.ofMillis(50));
    thread = Thread.ofPlatform().name("publisher").start(publisher);
  }

  @AfterAll
  static void stop() throws Exception {
    publisher.close();
    thread.join(5_000);
    commands.close();
    mastodon.close();
    bluesky.close();
    kafka.close();
  }

  static void publish(Publication p) throws Exception {
    try (var producer = Producers.forTopic(kafka.bootstrapServers(), Topics.PUBLICATIONS, "test-room")) {
      producer.send(new ProducerRecord<>(Topics.PUBLICATIONS.name(), p.incidentId(), p)).get();
    }
  }

  static RoomCommand report(String incident) {
    List<ConsumerRecord<String, RoomCommand>> read = TopicReader.readUntil(kafka.bootstrapServers(),
        Topics.ROOM_COMMANDS, l -> l.stream().anyMatch(r -> r.key().equals(incident)), Duration.ofSeconds(30));
    return read.stream().filter(r -> r.key().equals(incident)).findFirst().orElseThrow().value();
  }

  @Test
  void shouldPostExactlyTheApprovedTextOnceWhenMastodonFailsFirst() throws Exception {
    mastodon.failNext(1);
    String text = "Point de situation 21 h : la Loire est à 4,20 m. Évitez les quais. <b>pas du HTML</b> & « guillemets »";
    publish(new Publication("inc-m/d1/3", "inc-m", "d1", 3, "mastodon", text, "109000000000000001", "redacteur", AT));
    RoomCommand report = report("inc-m");
    assertThat(report.type()).isEqualTo(RoomCommand.Type.PUBLISHED);
    assertThat(report.actor()).isEqualTo("system:publisher");
    assertThat(mastodon.statuses()).singleElement().satisfies(s -> {
      assertThat(s.text()).isEqualTo(text);
      assertThat(s.inReplyToId()).isEqualTo("109000000000000001");
      assertThat(s.idempotencyKey()).isEqualTo("inc-m/d1/3");
    });
    assertThat(report.args()).containsEntry("url", mastodon.baseUrl() + "/@ville/" + mastodon.statuses().get(0).id());

    // the same publication again (a crash before the offset commit): the same status, not a second one
    publish(new Publication("inc-m/d1/3", "inc-m2", "d1", 3, "mastodon", text, "109000000000000001", "redacteur", AT));
    await().atMost(Duration.ofSeconds(30)).until(() -> report("inc-m2") != null);
    assertThat(mastodon.statuses()).hasSize(1);
  }

  @Test
  void shouldReplyOnBlueskyWithTheParentsRefsAndNotPostTwice() throws Exception {
    ObjectNode resident = Json.MAPPER.createObjectNode().put("$type", "app.bsky.feed.post")
        .put("text", "Encore une coupure d'eau à Sainte-Aure ?").put("createdAt", AT.toString());
    String parent = bluesky.put("did:plc:habitant", "3lbcdefghij22", resident);
    Publication p = new Publication("inc-b/d2/1", "inc-b", "d2", 1, "bluesky", "Bonjour, l'eau revient vers 18 h.",
        parent, "redacteur", AT);
    publish(p);
    assertThat(report("inc-b").type()).isEqualTo(RoomCommand.Type.PUBLISHED);
    publish(new Publication(p.id(), "inc-b2", p.draftId(), 1, "bluesky", p.text(), parent, "redacteur", AT));
    assertThat(report("inc-b2").type()).isEqualTo(RoomCommand.Type.PUBLISHED);
    var ours = bluesky.records().entrySet().stream().filter(e -> e.getKey().startsWith("at://" + BlueskyStandIn.DID))
        .toList();
    assertThat(ours).singleElement().satisfies(e -> {
      assertThat(e.getValue().path("value").path("text").asText()).isEqualTo("Bonjour, l'eau revient vers 18 h.");
      assertThat(e.getValue().path("value").path("reply").path("parent").path("uri").asText()).isEqualTo(parent);
      assertThat(e.getValue().path("value").path("reply").path("root").path("uri").asText()).isEqualTo(parent);
      assertThat(e.getValue().path("value").path("reply").path("parent").path("cid").asText()).startsWith("bafyrei");
    });
  }

  @Test
  void shouldReportAFailureWithItsReasonWhenNoAccountIsConfigured() throws Exception {
    publish(new Publication("inc-x/d1/1", "inc-x", "d1", 1, "website", "x", null, "redacteur", AT));
    RoomCommand report = report("inc-x");
    assertThat(report.type()).isEqualTo(RoomCommand.Type.PUBLISH_FAILED);
    assertThat(report.args().get("reason")).contains("no website account");
  }
}
