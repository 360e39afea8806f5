package fr.communitydefender.app.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.alerting.rules.VolumeThresholdRule;
import fr.communitydefender.collectors.replay.ReplayOptions;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.watch.Watch;
import fr.communitydefender.domain.watch.WatchesConfig;
import java.io.IOException;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console page in headless Chromium (Debian package): hostile mention text stays text in the live feed and in
 * search results, and the search marks the matched words.
 */
class ConsolePageIT {
  private static final String XSS = "Regardez <img src=x onerror=alert(1)> inondation <script>alert('x')</script>";
  @TempDir
  static Path dir;
  private static LocalRuntime core;

  @BeforeAll
  static void start() throws Exception {
    assertThat(Path.of(Chromium.BINARY)).as("Chromium is installed by scripts/test (Debian package chromium)").exists();
    WatchesConfig watches = new WatchesConfig(List.of(new Watch("ville", null, List.of("sainte-aure"), null,
        null)));
    AlertRules rules = new AlertRules(List.of(new VolumeThresholdRule("spike", "ville", Duration.ofMinutes(5), 5L,
        Duration.ofMinutes(10), Severity.HIGH, "Pic de mentions")));
    core = LocalRuntime.start(new RuntimeOptions(EnumSet.of(Role.PROCESS, Role.ALERT, Role.INDEX, Role.CONSOLE),
        dir.resolve("core"), null, 0, "127.0.0.1", 0, 1, null, watches, rules, null, null, null, null));
    List<String> lines = new ArrayList<>();
    Instant t0 = Instant.now().minusSeconds(600);
    for (int i = 0; i < 8; i++) {
      lines.add(Json.write(new Mention("c-" + i, "drill", t0.plusSeconds(10L * i), "Sainte-Aure : inondation rue "
          + i, "habitant_" + i, null, "fr", 1, List.of())));
    }
    lines.add(Json.write(new Mention("c-xss", "drill", t0.plusSeconds(90), XSS + " Sainte-Aure", "troll", null,
        "fr", 1, List.of())));
    Path drill = Files.write(dir.resolve("drill.jsonl"), lines);
    try (LocalRuntime collector = LocalRuntime.start(new RuntimeOptions(EnumSet.of(Role.COLLECT),
        dir.resolve("collector"), core.bootstrapServers(), 0, "127.0.0.1", 0, 1, null, watches, rules,
        new ReplayOptions(drill, null, 0, false, List.of(), false), null, null, null))) {
      collector.awaitReplay(60_000);
    }
    HttpClient http = HttpClient.newHttpClient();
    await().atMost(Duration.ofSeconds(90)).until(() -> http.send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + core.consolePort() + "/api/search?q=regardez")).build(),
        HttpResponse.BodyHandlers.ofString()).body().contains("c-xss"));
    http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + core.consolePort() + "/api/silences"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"watch\":\"*\",\"by\":\"dircom\",\"duration\":\"2h\",\"reason\":\"<b onmouseover=x>exercice</b>\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(30)).until(() -> http.send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + core.consolePort() + "/api/silences")).build(), HttpResponse.BodyHandlers.ofString())
        .body().contains("exercice"));
  }

  @AfterAll
  static void stop() {
    if (core != null) {
      core.close();
    }
  }

  private static String dumpDom(String path) throws IOException, InterruptedException {
    return Chromium.dumpDom(dir, core.consolePort(), path);
  }

  @Test
  void shouldShowHostileMentionAsTextInTheLiveFeed() throws Exception {
    String dom = dumpDom("/");
    assertThat(dom).contains("<p class=\"mention-text\">Regardez &lt;img src=x onerror=alert(1)&gt; inondation "
        + "&lt;script&gt;alert('x')&lt;/script&gt; Sainte-Aure</p>");
    assertThat(dom).doesNotContain("<img src=\"x\"").doesNotContain("<script>alert");
    assertThat(dom).contains("class=\"incident-title\">Pic de mentions</strong>");
    assertThat(dom).contains("<span class=\"sentiment sentiment-negative\" title=\"mots : inondation\">négatif</span>");
    assertThat(dom).contains("<span id=\"status\" class=\"status status-live\">en direct</span>");
    assertThat(dom).contains("<span class=\"silence-reason\">&lt;b onmouseover=x&gt;exercice&lt;/b&gt;</span>")
        .doesNotContain("<b onmouseover");
  }

  @Test
  void shouldOfferToCloseAnIncidentOnceSomeoneTookIt() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + core.consolePort() + "/api/incidents";
    String id = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(base)).build(),
        HttpResponse.BodyHandlers.ofString()).body()).get(0).get("id").asText();
    assertThat(dumpDom("/")).contains(">Je prends</button>").doesNotContain(">Clore</button>");
    http.send(HttpRequest.newBuilder(URI.create(base + "/" + id + "/ack")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"by\":\"astreinte\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(30)).until(() -> http.send(HttpRequest.newBuilder(URI.create(base + "/" + id))
        .build(), HttpResponse.BodyHandlers.ofString()).body().contains("ACKNOWLEDGED"));
    assertThat(dumpDom("/")).contains("class=\"resolve\"").contains(">Clore</button>")
        .contains("pris en charge par astreinte");
  }

  @Test
  void shouldMarkMatchedWordsAndKeepHostileTextInertInSearchResults() throws Exception {
    String dom = dumpDom("/?q=regardez");
    assertThat(dom).contains("1 résultat(s)");
    assertThat(dom).contains("<mark>Regardez</mark> &lt;img src=x onerror=alert(1)&gt;");
    assertThat(dom).doesNotContain("<img src=\"x\"");
  }
}
