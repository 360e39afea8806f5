package fr.communitydefender.app.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.alerting.rules.VolumeThresholdRule;
import fr.communitydefender.collectors.replay.ReplayOptions;
import fr.communitydefender.app.demo.DemoOnCall;
import fr.communitydefender.domain.topic.TopicReader;
import fr.communitydefender.devservices.mail.MailCatcher;
import fr.communitydefender.domain.paging.DeliveryAttempt;
import fr.communitydefender.domain.paging.Notification;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.paging.oncall.OnCallConfig;
import fr.communitydefender.paging.oncall.Person;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.watch.Watch;
import fr.communitydefender.domain.watch.WatchesConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Local mode's paging, end to end: a replayed spike opens an incident, the demo on-call person is paged through the
 * in-process mail catcher (shown by the console), and the personal link in the email takes the incident once.
 */
class PagingIT {
  @TempDir
  static Path dir;
  private static Assembly core;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final WatchesConfig WATCHES = new WatchesConfig(List.of(
      new Watch("ville", null, List.of("sainte-aure"), null, null)));
  private static final AlertRules RULES = new AlertRules(List.of(new VolumeThresholdRule("spike", "ville",
      Duration.ofMinutes(5), 20L, Duration.ofMinutes(10), Severity.HIGH, "Pic de mentions")));

  @BeforeAll
  static void start() throws Exception {
    core = Assembly.start(new RuntimeOptions(EnumSet.of(Role.PROCESS, Role.ALERT, Role.PAGE, Role.CONSOLE),
        dir.resolve("core"), null, 0, "127.0.0.1", 0, 2, null, WATCHES, RULES, null, null, null, null, null,
        new PagingOptions(null, dir.resolve("ack.key"), 0)));
    List<String> lines = new ArrayList<>();
    Instant t0 = Instant.now().minusSeconds(600);
    for (int i = 0; i < 40; i++) {
      lines.add(Json.write(new Mention("pg-" + i, "drill", t0.plusSeconds(5L * i), "Alerte à Sainte-Aure n°" + i,
          "habitant_" + i, null, "fr", 1, List.of())));
    }
    Path drill = Files.write(dir.resolve("drill.jsonl"), lines);
    try (Assembly collector = Assembly.start(new RuntimeOptions(EnumSet.of(Role.COLLECT),
        dir.resolve("collector"), core.bootstrapServers(), 0, "127.0.0.1", 0, 2, null, WATCHES, RULES,
        new ReplayOptions(drill, null, 0, false, List.of(), false), null, null, null))) {
      assertThat(collector.awaitReplay(60_000)).isNotNull();
    }
  }

  @AfterAll
  static void stop() {
    if (core != null) {
      core.close();
    }
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + core.consolePort() + path;
  }

  /**
   * Who the demo rotation puts on call when the escalation decided (the first page's {@code createdAt}, read back from
   * the outbox topic), computed from the same schedule: {@code astreinte} one week, {@code remplacant} the next.
   */
  private static Person expectedOnCall() {
    Notification first = TopicReader.readUntil(core.bootstrapServers(), Topics.PAGING_OUTBOX,
        rs -> !rs.isEmpty(), Duration.ofSeconds(90)).stream().map(ConsumerRecord::value)
        .filter(n -> n.kind() == Notification.Kind.OPENED).findFirst().orElseThrow();
    OnCallConfig demo = DemoOnCall.load(dir.resolve("expected"), 25, "http://127.0.0.1");
    List<Person> people = demo.resolve(demo.policies().get(0).levels().get(0), first.createdAt());
    assertThat(people).hasSize(1);
    assertThat(first.personId()).isEqualTo(people.get(0).id());
    return people.get(0);
  }

  @Test
  void shouldPageTheOnCallPersonByEmailAndTakeTheIncidentOnceThroughTheLink() throws Exception {
    MailCatcher mail = core.mailCatcher();
    await().atMost(Duration.ofSeconds(90)).until(() -> !mail.messages().isEmpty());
    MailCatcher.Message page = mail.messages().get(0);
    Person onCall = expectedOnCall();
    assertThat(page.to()).containsExactly(onCall.email());
    assertThat(page.subject()).isEqualTo("[HAUTE] Pic de mentions — ville");
    assertThat(page.body()).contains("Veille : ville").contains("Pourquoi :");
    ConsoleClient admin = ConsoleClient.signIn(core, "admin", fr.communitydefender.domain.access.Role.ADMIN);
    assertThat(send(HttpRequest.newBuilder(URI.create(url("/api/dev/mailbox")))).statusCode())
        .as("the mailbox holds personal links: admins only").isEqualTo(401);
    HttpResponse<String> mailbox = admin.get("/api/dev/mailbox");
    assertThat(mailbox.body()).contains("\"subject\":\"[HAUTE] Pic de mentions — ville\"");

    String link = page.body().lines().filter(l -> l.contains("/ack/")).findFirst().orElseThrow();
    String token = link.substring(link.indexOf("/ack/") + 5).trim();
    String ack = url("/ack/" + token);
    HttpResponse<String> confirm = send(HttpRequest.newBuilder(URI.create(ack)));
    assertThat(confirm.statusCode()).isEqualTo(200);
    assertThat(confirm.body()).contains("Je prends l'incident").contains("<form method=\"post\">");
    String id = "spike.ville.";
    assertThat(admin.get("/api/incidents").body()).contains("\"status\":\"OPEN\"");

    int sig = token.indexOf('.') + 1; // the signature's first character: all six of its bits count (the last one's may not)
    String tampered = token.substring(0, sig) + (token.charAt(sig) == 'A' ? 'B' : 'A') + token.substring(sig + 1);
    assertThat(send(HttpRequest.newBuilder(URI.create(url("/ack/" + tampered))).POST(
        HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(403);

    HttpResponse<String> taken = send(HttpRequest.newBuilder(URI.create(ack))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("comment=je+regarde+%3Cb%3E")));
    assertThat(taken.statusCode()).isEqualTo(202);
    assertThat(send(HttpRequest.newBuilder(URI.create(ack)).POST(HttpRequest.BodyPublishers.noBody())).statusCode())
        .as("a link works once").isEqualTo(410);
    assertThat(TopicReader.readUntil(core.bootstrapServers(), Topics.ACK_LINKS_USED, rs -> !rs.isEmpty(),
        Duration.ofSeconds(30))).as("its use is recorded for every console instance and restarts").singleElement()
        .satisfies(r -> assertThat(r.value().personId()).isEqualTo(onCall.id()));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin.get("/api/incidents").body())
        .contains("\"status\":\"ACKNOWLEDGED\"").contains("\"acknowledgedBy\":\"" + onCall.id() + " (lien)\"")
        .contains("\"ackComment\":\"je regarde <b>\"").contains(id));
    String incidentId = Json.MAPPER.readTree(admin.get("/api/incidents").body())
        .get(0).get("id").asText();
    assertThat(admin.get("/api/incidents/" + incidentId + "/pages").body())
        .contains("\"outcome\":\"SENT\"")
        .contains("\"maskedAddress\":\"" + DeliveryAttempt.mask(onCall.email()) + "\"")
        .doesNotContain(onCall.email());
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin.get("/api/health").body())
        .contains("\"page\":\"UP\""));
  }

  @Test
  void shouldShowTheCaughtEmailsOnTheMailboxPageToAnAdmin() throws Exception {
    ConsoleClient.signIn(core, "admin", fr.communitydefender.domain.access.Role.ADMIN);
    await().atMost(Duration.ofSeconds(90)).until(() -> !core.mailCatcher().messages().isEmpty());
    String to = expectedOnCall().email();
    try (Browser b = Browser.open(dir, core.consolePort())) {
      b.go("/mailbox.html");
      b.waitText(By.id("mailbox-status"), "réservé aux administrateurs");
      b.go("/");
      b.signIn("admin", ConsoleClient.PASSWORD);
      b.go("/mailbox.html");
      b.waitText(By.id("mailbox"), "[HAUTE] Pic de mentions — ville");
      assertThat(b.driver.findElement(By.cssSelector("#mailbox .mail-subject")).getText())
          .isEqualTo("[HAUTE] Pic de mentions — ville");
      assertThat(b.driver.findElement(By.id("mailbox")).getText()).contains("à " + to)
          .contains("Je prends (lien personnel, à usage unique)");
    }
  }
}
