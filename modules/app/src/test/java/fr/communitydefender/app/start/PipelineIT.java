package fr.communitydefender.app.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.alerting.rules.VolumeThresholdRule;
import fr.communitydefender.collectors.replay.ReplayOptions;
import fr.communitydefender.domain.topic.TopicReader;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.mention.DeadLetter;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.domain.watch.Watch;
import fr.communitydefender.domain.watch.WatchesConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on the real embedded broker: a collect-only process replays a drill into the cluster of a
 * process/alert/console process; the incident appears on the topic and the API, the feed reaches a WebSocket client,
 * the malformed line reaches the dead-letter topic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {

  private static final int N = 60;
  /** Plus one English mention of high reach, which the deep tier analyses and the indexer merges into its document. */
  private static final int TOTAL = N + 1;
  private static final Instant T0 = Instant.parse("2026-03-14T18:00:00Z");
  @TempDir
  static Path dir;
  private static Assembly core;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final List<String> WS_MESSAGES = new CopyOnWriteArrayList<>();
  private static WebSocket socket;
  private static ConsoleClient viewer;
  private static ConsoleClient oncall;
  private static ConsoleClient dircom;

  private static final WatchesConfig WATCHES = new WatchesConfig(List.of(
      new Watch("ville", null, List.of("sainte-aure"), null, null)));
  private static final AlertRules RULES = new AlertRules(List.of(new VolumeThresholdRule("spike", "ville",
      Duration.ofMinutes(5), 20L, Duration.ofMinutes(10), Severity.HIGH, "Pic de mentions")));

  @BeforeAll
  static void startCore() throws Exception {
    core = Assembly.start(new RuntimeOptions(EnumSet.of(Role.PROCESS, Role.DEEP, Role.ALERT, Role.INDEX,
        Role.CONSOLE), dir.resolve("core"), null, 0, "127.0.0.1", 0, 2, null, WATCHES, RULES, null, null, null, null));
    viewer = ConsoleClient.signIn(core, "lecteur", fr.communitydefender.domain.access.Role.VIEWER);
    oncall = ConsoleClient.signIn(core, "astreinte.martin", fr.communitydefender.domain.access.Role.DRAFTER);
    dircom = ConsoleClient.signIn(core, "dircom.leroy", fr.communitydefender.domain.access.Role.DRAFTER, fr.communitydefender.domain.access.Role.ADMIN);
    socket = viewer.webSocket(
        new WebSocket.Listener() {
          private final StringBuilder partial = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              WS_MESSAGES.add(partial.toString());
              partial.setLength(0);
            }
            ws.request(1);
            return null;
          }
        });
    await().atMost(Duration.ofSeconds(20)).until(() -> !WS_MESSAGES.isEmpty());

    List<String> lines = new ArrayList<>();
    lines.add("# synthetic drill for PipelineIT");
    for (int i = 0; i < N; i++) {
      lines.add(Json.write(new Mention("p-" + i, "drill", T0.plusSeconds(3L * i), "Alerte à Sainte-Aure n°" + i,
          "habitant_" + i, null, "fr", 1, List.of())));
      if (i == 10) {
        lines.add("{\"id\": \"p-bad\", \"publishedAt\": \"hier soir\", \"text\": \"Sainte-Aure\"}");
      }
    }
    lines.add(Json.write(new Mention("e-1", "drill", T0.plusSeconds(200), "The Sainte-Aure flood response is a "
        + "terrible mess and the officials are useless.", "journalist", null, "en", 250_000, List.of())));
    Path drill = Files.write(dir.resolve("drill.jsonl"), lines);
    try (Assembly collector = Assembly.start(new RuntimeOptions(EnumSet.of(Role.COLLECT),
        dir.resolve("collector"), core.bootstrapServers(), 0, "127.0.0.1", 0, 2, null, WATCHES, RULES,
        new ReplayOptions(drill, null, 0, false, List.of(), false), null, null, null))) {
      assertThat(collector.awaitReplay(60_000)).isNotNull()
          .satisfies(r -> assertThat(r.published()).isEqualTo(TOTAL))
          .satisfies(r -> assertThat(r.deadLettered()).isEqualTo(1));
    }
  }

  @AfterAll
  static void stop() {
    if (socket != null) {
      socket.abort();
    }
    if (core != null) {
      core.close();
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return viewer.get(path);
  }

  @Test
  void shouldOpenOneIncidentOnTheIncidentsTopicWhenReplayedVolumeCrossesTheRule() {
    List<ConsumerRecord<String, IncidentEvent>> events = TopicReader.readUntil(core.bootstrapServers(),
        Topics.INCIDENTS, r -> !r.isEmpty(), Duration.ofSeconds(60));
    assertThat(events).isNotEmpty();
    IncidentEvent opened = events.get(0).value();
    assertThat(opened.type()).isEqualTo(IncidentEvent.Type.OPENED);
    assertThat(opened.incident().watchId()).isEqualTo("ville");
    assertThat(opened.incident().ruleId()).isEqualTo("spike");
    assertThat(opened.incident().currentCount()).isGreaterThanOrEqualTo(20);
    assertThat(events).extracting(r -> r.value().type()).containsOnlyOnce(IncidentEvent.Type.OPENED);
  }

  @Test
  void shouldListTheIncidentOnTheApiWhenItIsOpen() throws Exception {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      HttpResponse<String> r = get("/api/incidents");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
      assertThat(r.body()).contains("\"ruleId\":\"spike\"").contains("\"watchId\":\"ville\"");
    });
  }

  /** The mentions a live message carries: one ({@code mention}) or a batch ({@code mentions}); none for the others. */
  private static long mentionsIn(String message) {
    io.vertx.core.json.JsonObject m = new io.vertx.core.json.JsonObject(message);
    return switch (m.getString("type")) {
      case "mention" -> 1;
      case "mentions" -> m.getJsonArray("mentions").size();
      default -> 0;
    };
  }

  @Test
  void shouldPushMentionsAndIncidentToWebSocketClientWhenTheyArrive() {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(WS_MESSAGES).anySatisfy(m -> assertThat(m).startsWith("{\"type\":\"snapshot\""));
      assertThat(WS_MESSAGES.stream().mapToLong(PipelineIT::mentionsIn).sum()).as("one message per mention, or "
          + "several mentions per message when they arrive together").isEqualTo(TOTAL);
      assertThat(WS_MESSAGES).anySatisfy(m -> assertThat(m).contains("\"type\":\"incident\"")
          .contains("\"OPENED\""));
    });
    assertThat(WS_MESSAGES).anySatisfy(m -> assertThat(m).contains("Alerte à Sainte-Aure n°42")
        .contains("\"watches\":[\"ville\"]"));
  }

  @Test
  void shouldDeadLetterTheMalformedLineWithItsNumberWhenReplayed() {
    List<ConsumerRecord<String, DeadLetter>> dead = TopicReader.readUntil(core.bootstrapServers(),
        Topics.DEAD_LETTER, r -> !r.isEmpty(), Duration.ofSeconds(30));
    assertThat(dead).singleElement().satisfies(r -> {
      assertThat(r.value().line()).isEqualTo(13);
      assertThat(r.value().reason()).startsWith("publishedAt: ");
    });
  }

  @Test
  void shouldExposeCountersOnMetricsWhenMentionsWereProcessed() throws Exception {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      String metrics = get("/metrics").body();
      assertThat(metrics).contains("cd_mentions_processed_total{matched=\"true\"} " + TOTAL + ".0")
          .contains("cd_incidents_total{event=\"opened\"} 1.0")
          .contains("cd_signals_total{kind=\"volume\"}");
    });
  }

  @Test
  void shouldAnswerJsonErrorsWhenRequestIsWrong() throws Exception {
    HttpResponse<String> bad = get("/api/incidents?status=maybe");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).isEqualTo(
        "{\"error\":{\"status\":400,\"message\":\"status: expected open or resolved, got 'maybe'\"}}");
    HttpResponse<String> missing = get("/api/nothing-here");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo(
        "{\"error\":{\"status\":404,\"message\":\"no such resource: /api/nothing-here\"}}");
    HttpResponse<String> unknown = get("/api/incidents/nope");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("no incident with id 'nope'");
  }

  @Test
  void shouldReportHealthOfEveryRoleWhenRunning() throws Exception {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      HttpResponse<String> r = get("/api/health");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo(
          "{\"status\":\"UP\",\"checks\":{\"kafka\":\"UP\",\"elasticsearch\":\"UP\",\"index\":\"UP\","
              + "\"process\":\"UP\",\"deep\":\"UP\",\"alert\":\"UP\"},\"collectors\":[]}");
    });
  }

  @Test
  void shouldServeThePageWithStrictContentSecurityPolicy() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Community Defender");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'"));
    for (String module : List.of("/js/main.js", "/js/api.js", "/js/ws.js", "/js/views/feed.js",
        "/js/views/incidents.js", "/js/views/search.js", "/js/views/silences.js", "/js/views/admin.js")) {
      HttpResponse<String> js = get(module);
      assertThat(js.statusCode()).as(module).isEqualTo(200);
      assertThat(js.body()).as(module).doesNotContain("innerHTML").doesNotContain("insertAdjacentHTML");
    }
  }


  @Test
  void shouldFindTheReplayedMentionsInElasticsearchWhenSearching() throws Exception {
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
      HttpResponse<String> r = get("/api/search?q=alertes&watch=ville&size=100");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).startsWith("{\"total\":" + N + ",");
    });
    HttpResponse<String> one = get("/api/search?q=%22n%C2%B042%22&size=5");
    assertThat(one.body()).contains("\"id\":\"p-42\"").contains("\"authorKey\":\"a_")
        .doesNotContain("habitant_42");
    HttpResponse<String> histogram = get("/api/search/histogram?interval=minute&watch=ville");
    assertThat(histogram.statusCode()).isEqualTo(200);
    assertThat(histogram.body()).startsWith("{\"interval\":\"minute\",\"buckets\":[{\"t\":\"2026-03-14T18:00:00Z\","
        + "\"count\":20}");
    HttpResponse<String> bad = get("/api/search?page=0");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).isEqualTo("{\"error\":{\"status\":400,\"message\":\"page: must be at least 1\"}}");
    HttpResponse<String> badField = get("/api/search/top?field=passwords");
    assertThat(badField.statusCode()).isEqualTo(400);
    assertThat(badField.body()).contains("field: expected one of [terms, authors, sources, watches, languages, sentiments, drivers]");
  }

  @Test
  void shouldMergeTheDeepTiersVerdictIntoTheStoredMentionWhenItsAuthorHasHighReach() throws Exception {
    await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
        assertThat(get("/api/search?q=useless").body()).contains("\"id\":\"e-1\"")
            .contains("\"deep\":{\"sentimentLabel\":\"negative\"").contains("\"tier\":\"deep-rntn\""));
    assertThat(get("/metrics").body()).contains("cd_mentions_deep_analysed_total{sentiment=\"negative\"} 1.0");
  }

  @Test
  void shouldExplainTheIncidentWithItsTermsAndEntitiesWhenAsked() throws Exception {
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
        assertThat(get("/api/search?watch=ville&size=1").body()).startsWith("{\"total\":" + TOTAL + ","));
    String id = Json.MAPPER.readTree(get("/api/incidents").body()).get(0).get("id").asText();
    HttpResponse<String> r = get("/api/incidents/" + id + "/explanation");
    assertThat(r.statusCode()).isEqualTo(200);
    var x = Json.MAPPER.readTree(r.body());
    assertThat(x.get("sampleSize").asInt()).isEqualTo(TOTAL);
    assertThat(r.body()).contains("{\"key\":\"alerte\",\"count\":" + N + "}")
        .contains("{\"key\":\"sainte-aure\",\"count\":" + TOTAL + "}");
    assertThat(x.get("entities").toString()).contains("\"text\":\"Sainte-Aure\"");
    assertThat(x.get("summary").asText()).startsWith("Sur " + TOTAL + " mentions : ");
    assertThat(get("/api/incidents/nope/explanation").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(Integer.MAX_VALUE - 1)
  void shouldAcknowledgeThenCloseThroughTheApiAndRefuseEachASecondTime() throws Exception {
    String id = Json.MAPPER.readTree(get("/api/incidents").body()).get(0).get("id").asText();
    HttpResponse<String> bad = viewer.post("/api/incidents/" + id + "/ack", "{}");
    assertThat(bad.statusCode()).as("a viewer cannot take an incident").isEqualTo(403);
    HttpResponse<String> ok = oncall.post("/api/incidents/" + id + "/ack", "{\"by\": \"quelqu'un d'autre\"}");
    assertThat(ok.statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(get("/api/incidents/" + id).body()).contains("\"status\":\"ACKNOWLEDGED\"")
            .contains("\"acknowledgedBy\":\"astreinte.martin\""));
    HttpResponse<String> again = dircom.post("/api/incidents/" + id + "/ack", "{}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("incident is acknowledged (by astreinte.martin)");
    assertThat(WS_MESSAGES).anySatisfy(m -> assertThat(m).contains("\"ACKNOWLEDGED\""));
    awaitAudit("incident.acknowledged", "astreinte.martin"); // the main courante names who took it
    HttpResponse<String> stored = HTTP.send(HttpRequest.newBuilder(URI.create(core.elasticsearchUrl()
        + "/cd-incidents/_doc/" + id)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(stored.body()).contains("\"acknowledgedBy\":\"astreinte.martin\"");
    HttpResponse<String> close = dircom.post("/api/incidents/" + id + "/resolve", "{\"comment\": \"communiqué publié\"}");
    assertThat(close.statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(get("/api/incidents/" + id).body()).contains("\"status\":\"RESOLVED\"")
            .contains("clos par dircom.leroy : communiqué publié"));
    HttpResponse<String> closeAgain = dircom.post("/api/incidents/" + id + "/resolve", "{}");
    assertThat(closeAgain.statusCode()).isEqualTo(409);
    assertThat(closeAgain.body()).contains("incident is resolved");
    awaitAudit("incident.resolved", "dircom.leroy"); // and who closed it
  }

  /** Waits until the main courante (cd-audit) holds {@code action} by {@code actor}. */
  private static void awaitAudit(String action, String actor) {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      HttpResponse<String> audit = HTTP.send(HttpRequest.newBuilder(URI.create(core.elasticsearchUrl()
          + "/cd-audit/_search?q=action:" + action)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(audit.body()).contains("\"actor\":\"" + actor + "\"");
    });
  }

  @Test
  void shouldCreateListEndAndAuditASilenceThroughTheApi() throws Exception {
    HttpResponse<String> bad = dircom.post("/api/silences", "{\"watch\":\"ville\",\"reason\":\"x\","
        + "\"duration\":\"soon\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("duration: invalid 'soon'");
    HttpResponse<String> created = dircom.post("/api/silences", "{\"watch\":\"ville\","
        + "\"reason\":\"exercice annoncé <b>demain</b>\",\"duration\":\"2h\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = Json.MAPPER.readTree(created.body()).get("id").asText();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(get("/api/silences").body()).contains("\"id\":\"" + id + "\"").contains("dircom.leroy"));
    HttpResponse<String> ended = dircom.delete("/api/silences/" + id);
    assertThat(ended.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      HttpResponse<String> again = dircom.delete("/api/silences/" + id);
      assertThat(again.statusCode()).isEqualTo(409);
    });
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      HttpResponse<String> audit = HTTP.send(HttpRequest.newBuilder(URI.create(core.elasticsearchUrl()
          + "/cd-audit/_search?q=actor:dircom.leroy&size=10")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(audit.body()).contains("silence.created").contains("silence.ended");
    });
  }


  @Test
  @Order(Integer.MAX_VALUE) // last: it removes a mention the other tests count
  void shouldEraseOneAuthorsStoredMentionsThroughTheApiWhenRequested() throws Exception {
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
        assertThat(get("/api/search?q=%22n%C2%B07%22").body()).contains("\"id\":\"p-7\""));
    assertThat(viewer.post("/api/gdpr/erasure", "{\"author\": \"@Habitant_7\"}").statusCode())
        .as("erasure is for admins").isEqualTo(403);
    HttpResponse<String> erased = dircom.post("/api/gdpr/erasure", "{\"author\": \"@Habitant_7\"}");
    assertThat(erased.statusCode()).isEqualTo(200);
    assertThat(erased.body()).isEqualTo("{\"deleted\":1}");
    assertThat(get("/api/search?q=%22n%C2%B07%22").body()).doesNotContain("\"id\":\"p-7\"");
    HttpResponse<String> bad = dircom.post("/api/gdpr/erasure", "nope");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("body: expected JSON");
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      HttpResponse<String> audit = HTTP.send(HttpRequest.newBuilder(URI.create(core.elasticsearchUrl()
          + "/cd-audit/_search?q=action:gdpr.erasure&size=10")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(audit.body()).as("the erasure is in the main courante, with who and how many, not whose")
          .contains("\"actor\":\"dircom.leroy\"").contains("\"status\":200").contains("1 mention(s) effacée(s)")
          .doesNotContain("abitant_7");
    });
  }
}
