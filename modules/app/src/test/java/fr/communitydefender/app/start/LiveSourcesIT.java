package fr.communitydefender.app.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.collectors.live.CollectorsConfig;
import fr.communitydefender.domain.watch.Watch;
import fr.communitydefender.domain.watch.WatchesConfig;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live collectors the way {@code scripts/start --collectors FILE} runs them: a collect-role process reading a YAML
 * file (a feed at a local URL, a webhook intake with a token file), a core process indexing and serving the console.
 */
class LiveSourcesIT {
  @TempDir
  static Path dir;
  private static Assembly core;
  private static Assembly collect;
  private static HttpServer feedServer;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final WatchesConfig WATCHES = new WatchesConfig(List.of(
      new Watch("ville", null, List.of("sainte-aure"), null, null)));

  @BeforeAll
  static void start() throws Exception {
    feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    feedServer.createContext("/rss", ex -> {
      byte[] body = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>L'Écho</title>"
          + "<link>https://echo.example/</link><description>d</description><language>fr</language><item>"
          + "<title>Sainte-Aure : la digue a tenu</title><link>https://echo.example/digue</link>"
          + "<pubDate>Sun, 29 Nov 2026 09:30:00 +0100</pubDate></item></channel></rss>")
          .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    feedServer.start();
    Files.writeString(dir.resolve("intake.token"), "jeton-de-test\n");
    Path yaml = Files.writeString(dir.resolve("collectors.yaml"), """
        collectors:
          - type: feed
            id: presse
            url: http://127.0.0.1:%d/rss
            interval: 2s
            allow_private: true
          - type: webhook
            id: formulaire
            token: {file: %s}
        """.formatted(feedServer.getAddress().getPort(), dir.resolve("intake.token")));
    core = Assembly.start(new RuntimeOptions(EnumSet.of(Role.PROCESS, Role.INDEX, Role.CONSOLE),
        dir.resolve("core"), null, 0, "127.0.0.1", 0, 2, null, WATCHES, new AlertRules(List.of()), null, null, null,
        null));
    collect = Assembly.start(new RuntimeOptions(EnumSet.of(Role.COLLECT), dir.resolve("collect"),
        core.bootstrapServers(), 0, "127.0.0.1", 0, 2, null, WATCHES, new AlertRules(List.of()), null, null, null,
        null, CollectorsConfig.load(yaml)));
  }

  @AfterAll
  static void stop() {
    if (collect != null) {
      collect.close();
    }
    if (core != null) {
      core.close();
    }
    feedServer.stop(0);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return ConsoleClient.signIn(core, "lecteur", fr.communitydefender.domain.access.Role.VIEWER).get(path);
  }

  @Test
  void shouldIndexAFeedItemAndReportTheCollectorsHealth() throws Exception {
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
        assertThat(get("/api/search?q=digue&watch=ville").body()).startsWith("{\"total\":1,")
            .contains("\"source\":\"presse\""));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(get("/api/health").body()).contains("\"collector\":\"presse\",\"type\":\"feed\",\"connected\":true"));
  }

  @Test
  void shouldTakeAMentionThroughTheAuthenticatedIntakeToTheIndex() throws Exception {
    assertThat(collect.intakePort()).isPositive();
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + collect.intakePort()
            + "/api/intake/formulaire")).header("Authorization", "Bearer jeton-de-test")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"f-1\",\"publishedAt\":\"2026-11-29T10:00:00Z\","
            + "\"text\":\"Sainte-Aure : lampadaire tombé rue Haute\",\"author\":\"citoyen-42\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
        assertThat(get("/api/search?q=lampadaire").body()).startsWith("{\"total\":1,")
            .contains("\"id\":\"webhook:formulaire:f-1\"").doesNotContain("citoyen-42"));
    HttpResponse<String> denied = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + collect.intakePort() + "/api/intake/formulaire")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(denied.statusCode()).isEqualTo(401);
    assertThat(denied.body()).isEqualTo("{\"error\":{\"status\":401,\"message\":\"missing bearer token\"}}");
  }
}
