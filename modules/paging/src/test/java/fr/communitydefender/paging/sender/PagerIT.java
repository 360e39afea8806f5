package fr.communitydefender.paging.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.communitydefender.devservices.kafka.EmbeddedKafka;
import fr.communitydefender.domain.topic.TopicReader;
import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.paging.DeliveryAttempt;
import fr.communitydefender.domain.paging.Notification;
import fr.communitydefender.domain.topic.Producers;
import fr.communitydefender.domain.topic.TopicProvisioner;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.paging.PagingMetrics;
import fr.communitydefender.paging.channel.ChannelSender;
import fr.communitydefender.paging.channel.EmailSender;
import fr.communitydefender.paging.channel.TwilioSender;
import fr.communitydefender.paging.escalation.PagingTopology;
import fr.communitydefender.paging.oncall.OnCallConfig;
import fr.communitydefender.paging.oncall.TestOnCall;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pager and the escalation on a real broker: a provider down falls back to email (GreenMail receives it), a page
 * already delivered is not sent again after a restart, and an escalation interrupted by a restart (state restored
 * from the changelog) pages the next level on time.
 */
class PagerIT {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  @TempDir
  static Path dir;
  private static EmbeddedKafka kafka;
  private static GreenMail mail;
  private static Vertx vertx;
  private static int twilioPort;

  @BeforeAll
  static void start() throws Exception {
    kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
    TopicProvisioner.ensure(kafka.bootstrapServers(), 2, (short) 1);
    mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    vertx = Vertx.vertx();
    twilioPort = vertx.createHttpServer().requestHandler(req -> req.response().setStatusCode(503)
            .end("{\"code\":20503,\"message\":\"Service Unavailable\",\"status\":503}"))
        .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
  }

  @AfterAll
  static void stop() {
    vertx.close();
    mail.stop();
    kafka.close();
  }

  private static OnCallConfig config(String name) throws Exception {
    Path sub = java.nio.file.Files.createDirectories(dir.resolve(name));
    return OnCallConfig.load(TestOnCall.write(sub, s -> s.replace("port: 3025", "port: " + mail.getSmtp().getPort())
        .replace("http://127.0.0.1:1", "http://127.0.0.1:" + twilioPort).replace("delay: 10m", "delay: 3s")
        .replace("https://defender.ville.example", "http://127.0.0.1:" + twilioPort)));
  }

  /** Runs a pager on its own thread until {@code until} returns (it waits or asserts), then stops it. */
  private static void runUntil(OnCallConfig config, KafkaProducer<String, DeliveryAttempt> attempts,
      KafkaProducer<String, Notification> outbox, Runnable until) throws InterruptedException {
    try (Pager pager = pager(config, attempts, outbox)) {
      Thread t = Thread.ofPlatform().start(pager);
      until.run();
      pager.close();
      t.join(10_000);
    }
  }

  private static Pager pager(OnCallConfig config, KafkaProducer<String, DeliveryAttempt> attempts,
      KafkaProducer<String, Notification> outbox) {
    Map<Notification.Channel, ChannelSender> senders = Map.of(
        Notification.Channel.EMAIL, new EmailSender(vertx, config.channels().email()),
        Notification.Channel.SMS, new TwilioSender(vertx, config.channels().sms().twilio()));
    return new Pager(kafka.bootstrapServers(), senders, config, attempts, outbox,
        new PagingMetrics(new SimpleMeterRegistry()), 2, Duration.ofMillis(100), new fr.communitydefender.paging.inbound.SmsReplies(),
        new IncidentWhy(vertx, config.consoleUrl()), KEY);
  }

  private static List<jakarta.mail.internet.MimeMessage> to(String recipient) {
    return java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals(recipient);
      } catch (jakarta.mail.MessagingException e) {
        return false;
      }
    }).toList();
  }

  private static List<DeliveryAttempt> attemptsFor(String notificationPrefix, int atLeast) {
    return TopicReader.readUntil(kafka.bootstrapServers(), Topics.PAGING_ATTEMPTS,
        l -> l.stream().filter(r -> r.value().notificationId().startsWith(notificationPrefix)).count() >= atLeast,
        Duration.ofSeconds(30)).stream().map(ConsumerRecord::value)
        .filter(a -> a.notificationId().startsWith(notificationPrefix)).toList();
  }

  @Test
  void shouldFallBackToEmailWhenTheSmsProviderIsDownAndNeverSendTwice() throws Exception {
    OnCallConfig config = config("fallback");
    Notification page = new Notification("inc-a:1:0:camille:SMS", "inc-a", "ville", Notification.Kind.OPENED, 0,
        Severity.HIGH, "camille", "Camille", Notification.Channel.SMS, "+33611111111", "fr",
        "[HAUTE] Pic — ville", "Nouvel incident", "CD HAUTE ville: Pic", null,
        List.of(Notification.Channel.EMAIL), Instant.now());
    try (var attempts = Producers.forTopic(kafka.bootstrapServers(), Topics.PAGING_ATTEMPTS, "t-attempts");
        var outbox = Producers.forTopic(kafka.bootstrapServers(), Topics.PAGING_OUTBOX, "t-outbox",
            fr.communitydefender.domain.paging.OutboxSignature.serializer(KEY))) {
      outbox.send(new ProducerRecord<>(Topics.PAGING_OUTBOX.name(), page.incidentId(), page)).get();
      runUntil(config, attempts, outbox,
          () -> await().atMost(Duration.ofSeconds(30)).until(() -> to("camille@ville.example").size() == 1));

      assertThat(attemptsFor("inc-a:", 4)).extracting(DeliveryAttempt::channel, DeliveryAttempt::outcome)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(Notification.Channel.SMS, DeliveryAttempt.Outcome.FAILED),
              org.assertj.core.groups.Tuple.tuple(Notification.Channel.SMS, DeliveryAttempt.Outcome.FAILED),
              org.assertj.core.groups.Tuple.tuple(Notification.Channel.SMS, DeliveryAttempt.Outcome.GAVE_UP),
              org.assertj.core.groups.Tuple.tuple(Notification.Channel.EMAIL, DeliveryAttempt.Outcome.SENT));

      Notification emailAgain = page.fallingBackTo(Notification.Channel.EMAIL, "camille@ville.example");
      outbox.send(new ProducerRecord<>(Topics.PAGING_OUTBOX.name(), page.incidentId(), emailAgain)).get();
      runUntil(config, attempts, outbox, () -> assertThat(attemptsFor("inc-a:", 5)).last().satisfies(a -> {
        assertThat(a.outcome()).isEqualTo(DeliveryAttempt.Outcome.DUPLICATE);
        assertThat(a.maskedAddress()).isEqualTo("c•••@ville.example");
      }));
      assertThat(to("camille@ville.example")).as("not sent twice").hasSize(1);
    }
  }

  @Test
  void shouldSendNothingAnyoneWroteToTheOutboxWithoutTheKey() throws Exception {
    OnCallConfig config = config("unsigned");
    Notification forged = new Notification("inc-f:1:0:camille:EMAIL", "inc-f", "ville", Notification.Kind.OPENED, 0,
        Severity.HIGH, "camille", "Camille", Notification.Channel.EMAIL, "victime@ailleurs.example", "fr",
        "Message de la mairie", "Cliquez ici", null, null, List.of(), Instant.now());
    try (var attempts = Producers.forTopic(kafka.bootstrapServers(), Topics.PAGING_ATTEMPTS, "t-attempts-f");
        var unsigned = Producers.forTopic(kafka.bootstrapServers(), Topics.PAGING_OUTBOX, "t-outbox-f");
        var wrongKey = Producers.forTopic(kafka.bootstrapServers(), Topics.PAGING_OUTBOX, "t-outbox-w",
            fr.communitydefender.domain.paging.OutboxSignature.serializer("another key, thirty-two bytes!!!"
                .getBytes(StandardCharsets.UTF_8)))) {
      unsigned.send(new ProducerRecord<>(Topics.PAGING_OUTBOX.name(), forged.incidentId(), forged)).get();
      wrongKey.send(new ProducerRecord<>(Topics.PAGING_OUTBOX.name(), forged.incidentId(), forged)).get();
      runUntil(config, attempts, unsigned, () -> assertThat(attemptsFor("inc-f:", 2)).hasSize(2).allSatisfy(a -> {
        assertThat(a.outcome()).isEqualTo(DeliveryAttempt.Outcome.GAVE_UP);
        assertThat(a.detail()).startsWith("refused: not signed by the escalation stage");
      }));
      assertThat(to("victime@ailleurs.example")).as("nothing sent").isEmpty();
    }
  }

  private static KafkaStreams streams(OnCallConfig config, Path state) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "paging-it");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    KafkaStreams s = new KafkaStreams(PagingTopology.build(config, KEY, new PagingMetrics(new SimpleMeterRegistry()),
        Duration.ofMillis(200)), p);
    s.start();
    return s;
  }

  private static List<Notification> pages(String incident, int atLeast) {
    return TopicReader.readUntil(kafka.bootstrapServers(), Topics.PAGING_OUTBOX,
        l -> l.stream().filter(r -> r.key().equals(incident)).count() >= atLeast, Duration.ofSeconds(60)).stream()
        .filter(r -> r.key().equals(incident)).map(ConsumerRecord::value).toList();
  }

  @Test
  void shouldCarryOnAnEscalationAfterARestart() throws Exception {
    OnCallConfig config = config("restart");
    KafkaStreams first = streams(config, dir.resolve("state-1"));
    Incident incident = new Incident("spike.ville.restart", "spike", "ville", Severity.HIGH, "Pic de mentions",
        Incident.Status.OPEN, Instant.now(), Instant.now(), null, 40, 40, 20, Duration.ofMinutes(5), "40 en 5m");
    try (var producer = Producers.forTopic(kafka.bootstrapServers(), Topics.INCIDENTS, "t-incidents")) {
      producer.send(new ProducerRecord<>(Topics.INCIDENTS.name(), incident.id(),
          new IncidentEvent(IncidentEvent.Type.OPENED, Instant.now(), incident))).get();
    }
    assertThat(pages(incident.id(), 1)).singleElement()
        .satisfies(n -> assertThat(n.kind()).isEqualTo(Notification.Kind.OPENED));
    first.close(org.apache.kafka.streams.CloseOptions.groupMembershipOperation(
        org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(20)));
    KafkaStreams second = streams(config, dir.resolve("state-2"));
    try {
      List<Notification> all = pages(incident.id(), 2);
      assertThat(all).extracting(Notification::kind)
          .containsExactly(Notification.Kind.OPENED, Notification.Kind.ESCALATED);
      assertThat(all.get(1).personId()).isEqualTo("dircom");
      assertThat(all.get(1).createdAt()).isAfterOrEqualTo(all.get(0).createdAt().plusSeconds(3));
    } finally {
      second.close(Duration.ofSeconds(20));
    }
  }

  @Test
  void shouldTakeTheIncidentWhenTheOnCallPersonRepliesOkToTheSms() throws Exception {
    Path sub = java.nio.file.Files.createDirectories(dir.resolve("replies"));
    OnCallConfig config = OnCallConfig.load(TestOnCall.write(sub, s -> s.replace("from: \"+33700000000\"}",
        "from: \"+33700000000\", inbound_url: \"https://defender.ville.example/api/paging/sms/twilio\"}")));
    assertThat(config.channels().smsReplies()).isTrue();
    fr.communitydefender.paging.inbound.SmsReplies replies = new fr.communitydefender.paging.inbound.SmsReplies();
    replies.register("camille", "spike.ville.7", "ville", Instant.now().minusSeconds(60));
    replies.register("camille", "spike.crue.8", "crue", Instant.now());
    String code = fr.communitydefender.paging.inbound.SmsReplies.code("spike.ville.7");
    try (var commands = Producers.forTopic(kafka.bootstrapServers(), Topics.INCIDENT_COMMANDS, "t-replies")) {
      io.vertx.ext.web.Router router = io.vertx.ext.web.Router.router(vertx);
      router.route("/api/*").subRouter(fr.communitydefender.paging.inbound.TwilioReplyRouter.create(vertx, config,
          replies, commands));
      int port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS)
          .actualPort();
      io.vertx.ext.web.client.WebClient http = io.vertx.ext.web.client.WebClient.create(vertx);
      String url = "https://defender.ville.example/api/paging/sms/twilio";
      java.util.function.BiFunction<io.vertx.core.MultiMap, String, String> post = (params, signature) -> {
        StringBuilder body = new StringBuilder();
        params.forEach(e -> body.append(body.isEmpty() ? "" : "&").append(e.getKey()).append('=')
            .append(java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)));
        var resp = http.post(port, "127.0.0.1", "/api/paging/sms/twilio")
            .putHeader("Content-Type", "application/x-www-form-urlencoded").putHeader("X-Twilio-Signature", signature)
            .sendBuffer(io.vertx.core.buffer.Buffer.buffer(body.toString())).toCompletionStage().toCompletableFuture()
            .join();
        return resp.statusCode() + " " + resp.bodyAsString();
      };
      io.vertx.core.MultiMap ok = io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("From", "+33611111111")
          .add("To", "+33700000000").add("Body", "Ok " + code).add("MessageSid", "SM1").add("AccountSid", "AC123");
      String signed = fr.communitydefender.paging.inbound.TwilioReplyRouter.signature("tw-s3cret", url, ok);
      assertThat(post.apply(ok, "forged")).startsWith("403");
      assertThat(post.apply(ok, signed)).isEqualTo("200 <?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"
          + "C'est noté : l'incident " + code + " est à vous.</Message></Response>");
      io.vertx.core.MultiMap bare = io.vertx.core.MultiMap.caseInsensitiveMultiMap().addAll(ok).set("Body", "OK");
      assertThat(post.apply(bare, fr.communitydefender.paging.inbound.TwilioReplyRouter.signature("tw-s3cret", url,
          bare))).contains("l'incident " + fr.communitydefender.paging.inbound.SmsReplies.code("spike.crue.8"));
      io.vertx.core.MultiMap stranger = io.vertx.core.MultiMap.caseInsensitiveMultiMap().addAll(ok)
          .set("From", "+33799999999");
      assertThat(post.apply(stranger, fr.communitydefender.paging.inbound.TwilioReplyRouter.signature("tw-s3cret", url,
          stranger))).contains("Numéro inconnu de l'astreinte.");
      List<ConsumerRecord<String, fr.communitydefender.domain.incident.IncidentCommand>> sent = TopicReader.readUntil(
          kafka.bootstrapServers(), Topics.INCIDENT_COMMANDS, l -> l.size() >= 2, Duration.ofSeconds(30));
      assertThat(sent).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("ville", "crue");
      assertThat(sent).allSatisfy(r -> assertThat(r.value().by()).isEqualTo("camille (SMS)"));
    }
  }

  @Test
  void shouldCompleteEmailsWithTheIncidentsExplanationFromTheConsole() throws Exception {
    int consolePort = vertx.createHttpServer().requestHandler(req -> {
      if (req.path().equals("/api/incidents/inc-why/explanation")) {
        req.response().putHeader("Content-Type", "application/json").end(new io.vertx.core.json.JsonObject()
            .put("sampleSize", 42).put("summary", "42 mentions, surtout négatives : digue, crue.")
            .put("terms", new io.vertx.core.json.JsonArray().add(new io.vertx.core.json.JsonObject()
                .put("key", "digue").put("count", 12)).add(new io.vertx.core.json.JsonObject().put("key", "crue")
                .put("count", 9)))
            .put("topPosts", new io.vertx.core.json.JsonArray().add(new io.vertx.core.json.JsonObject()
                .put("id", "m1").put("text", "La digue de Sainte-Aure   cède <b>vite</b>").put("source", "x")
                .put("reach", 18200))).encode());
      } else {
        req.response().setStatusCode(404).end();
      }
    }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
    Path sub = java.nio.file.Files.createDirectories(dir.resolve("why"));
    OnCallConfig config = OnCallConfig.load(TestOnCall.write(sub, s -> s
        .replace("port: 3025", "port: " + mail.getSmtp().getPort())
        .replace("https://defender.ville.example", "http://127.0.0.1:" + consolePort)));
    Notification page = new Notification("inc-why:1:0:yanis:EMAIL", "inc-why", "ville", Notification.Kind.OPENED, 0,
        Severity.HIGH, "yanis", "Yanis", Notification.Channel.EMAIL, "yanis@ville.example", "fr",
        "[HAUTE] Pic — ville", "Nouvel incident\n", "sms", null, List.of(), Instant.now());
    try (var attempts = Producers.forTopic(kafka.bootstrapServers(), Topics.PAGING_ATTEMPTS, "t-attempts-why");
        var outbox = Producers.forTopic(kafka.bootstrapServers(), Topics.PAGING_OUTBOX, "t-outbox-why",
            fr.communitydefender.domain.paging.OutboxSignature.serializer(KEY))) {
      outbox.send(new ProducerRecord<>(Topics.PAGING_OUTBOX.name(), page.incidentId(), page)).get();
      runUntil(config, attempts, outbox,
          () -> await().atMost(Duration.ofSeconds(30)).until(() -> to("yanis@ville.example").size() == 1));
    }
    String body = (String) to("yanis@ville.example").get(0).getContent();
    assertThat(body).contains("Ce qui s'en dit (42 mentions récentes) :")
        .contains("Termes : digue (12), crue (9)")
        .contains("- [x, audience 18200] La digue de Sainte-Aure cède <b>vite</b>");
  }
}
