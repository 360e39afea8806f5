package fr.communitydefender.console.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.communitydefender.console.ConsoleConfig;
import fr.communitydefender.console.ConsoleVerticle;
import fr.communitydefender.devservices.kafka.EmbeddedKafka;
import fr.communitydefender.domain.topic.TopicReader;
import fr.communitydefender.domain.access.AuditEntry;
import fr.communitydefender.domain.access.Role;
import fr.communitydefender.domain.topic.TopicProvisioner;
import fr.communitydefender.domain.topic.Topics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Console access on the real broker, with the console's clock in the test's hands: the authorization matrix (every
 * route of the permission table × anonymous, viewer, drafter, approver, admin), CSRF and Host checks, session
 * fixation, lock-out, idle and absolute expiry, situation links (valid, expired, revoked, altered), the audit trail.
 */
class ConsoleAccessIT {
  /** A clock the test moves. */
  static final class TestClock extends Clock {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T11:00:00Z"));

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }
  }

  @TempDir
  static Path dir;
  static EmbeddedKafka kafka;
  static Vertx vertx;
  static int port;
  static final TestClock CLOCK = new TestClock();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String PASSWORD = "un mot de passe de test";
  static final List<String> USERS = List.of("viewer", "drafter", "approver", "admin");
  static OidcProviderStandIn provider;

  @BeforeAll
  static void start() throws Exception {
    kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
    TopicProvisioner.ensure(kafka.bootstrapServers(), 1, (short) 1);
    List<AccountAdmin.NewAccount> accounts = new ArrayList<>();
    for (String u : USERS) {
      accounts.add(new AccountAdmin.NewAccount(u, u, Set.of(Role.of(u)), PASSWORD));
    }
    accounts.add(new AccountAdmin.NewAccount("second-admin", "Second", Set.of(Role.ADMIN), PASSWORD));
    accounts.add(new AccountAdmin.NewAccount("locked", "Locked", Set.of(Role.VIEWER), PASSWORD));
    accounts.add(new AccountAdmin.NewAccount("idle", "Idle", Set.of(Role.VIEWER), PASSWORD));
    AccountAdmin.createMissing(kafka.bootstrapServers(), accounts, "test");
    vertx = Vertx.vertx();
    provider = new OidcProviderStandIn(vertx, "console-test");
    OidcConfig oidc = new OidcConfig(provider.issuer(), "console-test", null, "groups",
        Map.of("cellule-crise", Set.of(Role.DRAFTER, Role.APPROVER), "observateurs", Set.of(Role.VIEWER)), null);
    ConsoleVerticle console = new ConsoleVerticle(new ConsoleConfig("127.0.0.1", 0, kafka.bootstrapServers(), 50,
        "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8),
        new AccessConfig(null, List.of(), null, null, false, oidc, CLOCK), null, dir.resolve("models")),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Map.of(), null, null);
    vertx.deployVerticle(console).await(30, TimeUnit.SECONDS);
    port = console.actualPort();
    await().atMost(Duration.ofSeconds(30)).until(() -> login("admin", PASSWORD).statusCode() == 200);
  }

  @AfterAll
  static void stop() throws Exception {
    if (vertx != null) {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  static String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  static String origin() {
    return "http://127.0.0.1:" + port;
  }

  static HttpResponse<String> send(HttpRequest r) throws Exception {
    return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> login(String user, String password) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url("/api/session"))).header("Content-Type", "application/json")
        .header("Origin", origin())
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
        .build());
  }

  static String cookie(HttpResponse<?> r) {
    return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(Sessions.COOKIE + "="))
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
  }

  static String session(String user) throws Exception {
    HttpResponse<String> r = login(user, PASSWORD);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return cookie(r);
  }

  /** A request as the console's page makes it: same origin, JSON, the session cookie (null: anonymous). */
  static HttpResponse<String> call(String cookie, String method, String path, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("Origin", origin());
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    return send(b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json)).build());
  }

  @Test
  void shouldAnswerTheAuthorizationMatrix() throws Exception {
    Map<String, String> sessions = new LinkedHashMap<>();
    sessions.put("anonymous", null);
    for (String u : USERS) {
      sessions.put(u, session(u));
    }
    // method path body → expected status for anonymous, viewer, drafter, approver, admin
    String[][] matrix = {
        {"GET", "/api/session", null, "401 200 200 200 200"},
        {"GET", "/api/health", null, "401 200 200 200 200"},
        {"GET", "/api/incidents", null, "401 200 200 200 200"},
        {"GET", "/api/incidents/nope", null, "401 404 404 404 404"},
        {"GET", "/api/incidents/nope/explanation", null, "401 404 404 404 404"},
        {"GET", "/api/incidents/nope/pages", null, "401 200 200 200 200"},
        {"POST", "/api/incidents/nope/ack", "{}", "401 403 404 404 404"},
        {"POST", "/api/incidents/nope/resolve", "{}", "401 403 404 404 404"},
        {"GET", "/api/incidents/nope/report?format=pdf", null, "401 503 503 503 503"},
        {"GET", "/api/incidents/nope/summary", null, "401 200 200 200 200"},
        {"PUT", "/api/incidents/nope/summary", "{\"text\":\"x\"}", "401 403 404 404 404"},
        {"GET", "/api/silences", null, "401 200 200 200 200"},
        {"POST", "/api/silences", "{\"watch\":\"x\",\"reason\":\"r\",\"duration\":\"1h\"}", "401 403 403 403 201"},
        {"DELETE", "/api/silences/nope", null, "401 403 403 403 404"},
        {"POST", "/api/mentions/nope/correction", "{\"sentiment\":\"negative\"}", "401 403 404 404 404"},
        {"POST", "/api/mentions/nope/correction", "{\"sentiment\":\"furious\"}", "401 403 400 400 400"},
        {"GET", "/api/corrections", null, "401 200 200 200 200"},
        {"GET", "/api/models", null, "401 200 200 200 200"},
        {"POST", "/api/models/de/rebuild", "{}", "401 403 403 403 400"},
        {"POST", "/api/models/en/rollback", "{}", "401 403 403 403 409"},
        {"GET", "/api/search?q=x", null, "401 503 503 503 503"},
        {"GET", "/api/search/histogram", null, "401 503 503 503 503"},
        {"GET", "/api/search/top", null, "401 503 503 503 503"},
        {"POST", "/api/gdpr/erasure", "{\"author\":\"x\"}", "401 403 403 403 503"},
        {"GET", "/api/accounts", null, "401 403 403 403 200"},
        {"POST", "/api/accounts", "{\"username\":\"x\"}", "401 403 403 403 400"},
        {"PATCH", "/api/accounts/nope", "{}", "401 403 403 403 404"},
        {"POST", "/api/accounts/nope/password", "{}", "401 403 403 403 404"},
        {"GET", "/api/situation-links", null, "401 403 403 403 200"},
        {"POST", "/api/situation-links", "{\"label\":\"x\",\"hours\":0}", "401 403 403 403 400"},
        {"DELETE", "/api/situation-links/nope", null, "401 403 403 403 404"},
        {"GET", "/api/dev/mailbox", null, "401 403 403 403 404"},
        {"GET", "/api/unknown", null, "401 404 404 404 404"},
        {"GET", "/ack/garbage", null, "403 403 403 403 403"},
        {"GET", "/situation/garbage/data", null, "403 403 403 403 403"},
        {"GET", "/healthz", null, "200 200 200 200 200"},
        {"GET", "/", null, "200 200 200 200 200"},
    };
    List<String> wrong = new ArrayList<>();
    StringBuilder table = new StringBuilder();
    for (String[] row : matrix) {
      String[] expected = row[3].split(" ");
      StringBuilder got = new StringBuilder();
      int i = 0;
      for (Map.Entry<String, String> s : sessions.entrySet()) {
        int status = call(s.getValue(), row[0], row[1], row[2]).statusCode();
        got.append(status).append(' ');
        if (status != Integer.parseInt(expected[i])) {
          wrong.add(row[0] + " " + row[1] + " as " + s.getKey() + ": " + status + ", expected " + expected[i]);
        }
        i++;
      }
      table.append(String.format("%-7s %-34s %s%n", row[0], row[1], got.toString().strip()));
    }
    System.out.println("authorization matrix (anonymous viewer drafter approver admin):\n" + table);
    assertThat(wrong).isEmpty();
    // every non-public row of the permission table refuses anonymous callers
    for (PermissionTable.Row row : PermissionTable.ROWS) {
      if (row.method().equals(PermissionTable.WS) || row.exempt() || row.permission() == Permission.PUBLIC
          || row.path().equals("/ws")) {
        continue;
      }
      String path = row.path().replaceAll(":[a-zA-Z]+", "x");
      String body = row.method().name().equals("GET") || row.method().name().equals("DELETE") ? null : "{}";
      assertThat(call(null, row.method().name(), path, body).statusCode()).as(row.method() + " " + path)
          .isEqualTo(401);
    }
  }

  @Test
  void shouldRefuseCrossSiteAndPlainTextWritesAndForeignHosts() throws Exception {
    String admin = session("admin");
    String silence = "{\"watch\":\"*\",\"duration\":\"8h\",\"reason\":\"x\",\"by\":\"maire\"}";
    HttpResponse<String> plain = send(HttpRequest.newBuilder(URI.create(url("/api/silences")))
        .header("Cookie", admin).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(silence)).build());
    assertThat(plain.statusCode()).isEqualTo(415);
    HttpResponse<String> foreign = send(HttpRequest.newBuilder(URI.create(url("/api/silences")))
        .header("Cookie", admin).header("Content-Type", "application/json").header("Origin", "https://evil.example")
        .POST(HttpRequest.BodyPublishers.ofString(silence)).build());
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.body()).contains("\"error\":{\"status\":403,\"message\":\"cross-origin request refused\"}");
    HttpResponse<String> crossSite = send(HttpRequest.newBuilder(URI.create(url("/api/silences/x")))
        .header("Cookie", admin).header("Sec-Fetch-Site", "cross-site").DELETE().build());
    assertThat(crossSite.statusCode()).isEqualTo(403);
    HttpResponse<String> multipart = send(HttpRequest.newBuilder(URI.create(url("/api/silences")))
        .header("Cookie", admin).header("Content-Type", "multipart/form-data; boundary=x").header("Origin", origin())
        .POST(HttpRequest.BodyPublishers.ofString("--x--")).build());
    assertThat(multipart.statusCode()).isEqualTo(415);

    HttpResponse<String> ok = call(admin, "POST", "/api/silences", silence);
    assertThat(ok.statusCode()).isEqualTo(201);
    assertThat(ok.body()).as("the actor comes from the session, not the body").contains("\"createdBy\":\"admin\"")
        .doesNotContain("maire");

    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream out = s.getOutputStream();
      out.write("GET /api/session HTTP/1.1\r\nHost: rebind.evil.example\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(head).isEqualTo("HTTP/1.1 403");
    }

    CompletionException ws = org.assertj.core.api.Assertions.catchThrowableOfType(CompletionException.class,
        () -> HTTP.newWebSocketBuilder().header("Cookie", admin).header("Origin", "https://evil.example")
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {}).join());
    assertThat(ws).as("a WebSocket from another origin is refused").isNotNull();
    WebSocket mine = HTTP.newWebSocketBuilder().header("Cookie", admin).header("Origin", origin())
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {}).join();
    mine.abort();
    assertThat(catchWs(null)).as("no WebSocket without a session").isNotNull();

    await().atMost(Duration.ofSeconds(20)).until(() -> TopicReader.readAll(kafka.bootstrapServers(), Topics.AUDIT,
        Duration.ofSeconds(10)).stream().map(r -> r.value()).anyMatch(ConsoleAccessIT::isSilenceByAdmin));
  }

  @Test
  void shouldTakeCorrectionsFromTheFeedAndRebuildAndRollBackTheCommunesModel() throws Exception {
    // 36 invented-word mentions the lexicons cannot score, as the pipeline would have put them in the feed
    String[][] words = {{"negative", "zorglub"}, {"neutral", "plimpf"}, {"positive", "miraxe"}};
    try (var producer = fr.communitydefender.domain.topic.Producers.forTopic(kafka.bootstrapServers(),
        Topics.MENTIONS_ENRICHED, "test-mentions")) {
      for (int i = 0; i < 36; i++) {
        String id = "corr-" + i;
        producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.MENTIONS_ENRICHED.name(), id,
            new fr.communitydefender.domain.mention.Mention(id, "test", CLOCK.instant(), "la place " + words[i % 3][1]
                + " ce soir " + i, "@habitant" + i, null, "fr", 0, List.of("w"),
                new fr.communitydefender.domain.mention.MentionAnalysis("fr", "neutral", 0, List.of(), "fast-lexicon",
                    null))));
      }
    }
    String drafter = session("drafter");
    String viewer = session("viewer");
    await().atMost(Duration.ofSeconds(30)).until(() -> call(drafter, "POST", "/api/mentions/corr-0/correction",
        "{\"sentiment\":\"negative\"}").statusCode() == 201);
    assertThat(call(viewer, "POST", "/api/mentions/corr-1/correction", "{\"irrelevant\":true}").statusCode())
        .as("a viewer cannot correct").isEqualTo(403);
    for (int i = 1; i < 36; i++) {
      HttpResponse<String> r = call(drafter, "POST", "/api/mentions/corr-" + i + "/correction",
          "{\"sentiment\":\"" + words[i % 3][0] + "\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      assertThat(r.body()).contains("\"by\":\"drafter\"").doesNotContain("habitant").doesNotContain("la place");
    }
    assertThat(call(drafter, "POST", "/api/mentions/corr-35/correction", "{\"irrelevant\":true}").body())
        .contains("\"irrelevant\":true");
    await().atMost(Duration.ofSeconds(20)).until(() -> call(viewer, "GET", "/api/corrections", null).body()
        .contains("\"total\":36"));
    assertThat(call(viewer, "GET", "/api/corrections", null).body()).contains("\"irrelevant\":1", "\"fr.negative\":12");

    String admin = session("admin");
    HttpResponse<String> rebuilt = call(admin, "POST", "/api/models/fr/rebuild", "{}");
    assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
    assertThat(rebuilt.body()).contains("\"activated\":true", "fast tier", "\"corrections\":35");
    assertThat(call(viewer, "GET", "/api/models", null).body()).contains("\"fr\":{\"active\":1");
    HttpResponse<String> again = call(admin, "POST", "/api/models/fr/rebuild", "{}");
    assertThat(again.statusCode()).as("nothing new to compare with version 1").isEqualTo(409);
    assertThat(again.body()).contains("since version 1");
    assertThat(call(admin, "POST", "/api/models/fr/rollback", "{}").body()).contains("\"active\":0");
    assertThat(call(viewer, "GET", "/api/models", null).body()).contains("\"fr\":{\"active\":0", "rolled-back");

    await().atMost(Duration.ofSeconds(20)).until(() -> TopicReader.readAll(kafka.bootstrapServers(), Topics.AUDIT,
        Duration.ofSeconds(10)).stream().map(r -> r.value()).map(e -> e.action() + "/" + e.actor()).toList()
        .containsAll(List.of("mention.correct/drafter", "model.rebuild/admin", "model.rollback/admin")));
  }

  private static boolean isSilenceByAdmin(AuditEntry e) {
    return e.action().equals("silence.create") && e.actor().equals("admin") && e.roles().equals(List.of("admin"))
        && e.address().equals("127.0.0.1") && e.status() == 201;
  }

  private static CompletionException catchWs(String cookie) {
    return org.assertj.core.api.Assertions.catchThrowableOfType(CompletionException.class, () -> {
      WebSocket.Builder b = HTTP.newWebSocketBuilder().header("Origin", origin());
      if (cookie != null) {
        b.header("Cookie", cookie);
      }
      b.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {}).join();
    });
  }

  @Test
  void shouldGiveANewSessionIdAtLoginAndEndItAtLogout() throws Exception {
    String planted = Sessions.COOKIE + "=attacker-chosen-id";
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url("/api/session")))
        .header("Content-Type", "application/json").header("Origin", origin()).header("Cookie", planted)
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"viewer\",\"password\":\"" + PASSWORD + "\"}"))
        .build());
    assertThat(r.statusCode()).isEqualTo(200);
    String issued = cookie(r);
    assertThat(issued).isNotEqualTo(planted);
    assertThat(r.headers().allValues("set-cookie").get(0)).containsIgnoringCase("HttpOnly").contains("SameSite=Strict")
        .contains("Path=/");
    assertThat(call(planted, "GET", "/api/session", null).statusCode()).isEqualTo(401);
    HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(url("/api/session")))
        .header("Content-Type", "application/json").header("Origin", origin()).header("Cookie", issued)
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"viewer\",\"password\":\"" + PASSWORD + "\"}"))
        .build());
    assertThat(cookie(again)).as("a new id at every sign-in").isNotEqualTo(issued);
    assertThat(call(issued, "GET", "/api/session", null).statusCode()).as("the previous id ends").isEqualTo(401);
    String current = cookie(again);
    assertThat(call(current, "GET", "/api/session", null).body()).contains("\"username\":\"viewer\"")
        .contains("\"permissions\":[\"public\",\"read\"]");
    assertThat(call(current, "DELETE", "/api/session", null).statusCode()).isEqualTo(204);
    assertThat(call(current, "GET", "/api/session", null).statusCode()).isEqualTo(401);
  }

  @Test
  void shouldLockAnAccountAfterRepeatedFailuresThenLetItInAfterTheLock() throws Exception {
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      assertThat(login("locked", "wrong password " + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> refused = login("locked", PASSWORD);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body()).contains("account locked");
    assertThat(login("viewer", PASSWORD).statusCode()).as("other accounts are not locked").isEqualTo(200);
    CLOCK.advance(LoginThrottle.LOCK.plusSeconds(1));
    assertThat(login("locked", PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldEndASessionAfterIdleTimeAndAfterItsMaximumAge() throws Exception {
    String idle = session("idle");
    CLOCK.advance(AccessConfig.DEFAULT_IDLE.minusSeconds(1));
    assertThat(call(idle, "GET", "/api/session", null).statusCode()).isEqualTo(200);
    CLOCK.advance(AccessConfig.DEFAULT_IDLE);
    HttpResponse<String> expired = call(idle, "GET", "/api/session", null);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.body()).contains("session expired");

    String busy = session("idle");
    for (Duration used = Duration.ZERO; used.compareTo(AccessConfig.DEFAULT_ABSOLUTE) < 0;
        used = used.plus(Duration.ofMinutes(20))) {
      assertThat(call(busy, "GET", "/api/session", null).statusCode()).isEqualTo(200);
      CLOCK.advance(Duration.ofMinutes(20));
    }
    assertThat(call(busy, "GET", "/api/session", null).statusCode()).as("12 h after sign-in").isEqualTo(401);
  }

  @Test
  void shouldShowTheSituationLinkUntilItExpiresOrIsRevoked() throws Exception {
    String admin = session("second-admin");
    HttpResponse<String> created = call(admin, "POST", "/api/situation-links",
        "{\"label\":\"Préfecture — COD\",\"hours\":2}");
    assertThat(created.statusCode()).isEqualTo(201);
    String path = io.vertx.core.json.JsonObject.of().mergeIn(new io.vertx.core.json.JsonObject(created.body()))
        .getString("path");
    String id = new io.vertx.core.json.JsonObject(created.body()).getJsonObject("link").getString("id");
    HttpResponse<String> shown = call(null, "GET", path + "/data", null);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body()).contains("\"label\":\"Préfecture — COD\"").contains("\"incidents\":[")
        .contains("\"statements\":[]");
    assertThat(call(null, "GET", path, null).body()).contains("situation.js");
    String token = path.substring(path.lastIndexOf('/') + 1);
    int sig = token.indexOf('.') + 1;
    String altered = token.substring(0, sig) + (token.charAt(sig) == 'A' ? 'B' : 'A') + token.substring(sig + 1);
    assertThat(call(null, "GET", "/situation/" + altered + "/data", null).statusCode()).isEqualTo(403);
    CLOCK.advance(Duration.ofHours(2));
    assertThat(call(null, "GET", path + "/data", null).statusCode()).as("expired").isEqualTo(410);

    String fresh = session("second-admin");
    HttpResponse<String> second = call(fresh, "POST", "/api/situation-links", "{\"label\":\"SDIS\",\"hours\":24}");
    String secondPath = new io.vertx.core.json.JsonObject(second.body()).getString("path");
    String secondId = new io.vertx.core.json.JsonObject(second.body()).getJsonObject("link").getString("id");
    assertThat(call(null, "GET", secondPath + "/data", null).statusCode()).isEqualTo(200);
    assertThat(call(fresh, "DELETE", "/api/situation-links/" + secondId, null).statusCode()).isEqualTo(200);
    assertThat(call(null, "GET", secondPath + "/data", null).statusCode()).as("revoked").isEqualTo(410);
    assertThat(id).isNotEqualTo(secondId);
  }

  @Test
  void shouldCreateDisableAndProtectAccounts() throws Exception {
    String admin = session("admin");
    assertThat(call(admin, "POST", "/api/accounts", "{\"username\":\"weak\",\"roles\":[\"viewer\"],"
        + "\"password\":\"azerty123456\"}").body()).contains("too common");
    HttpResponse<String> created = call(admin, "POST", "/api/accounts", "{\"username\":\"nouvelle\","
        + "\"displayName\":\"Nouvelle\",\"roles\":[\"drafter\"],\"password\":\"" + PASSWORD + "\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).doesNotContain("argon2").contains("\"roles\":[\"drafter\"]");
    String hers = session("nouvelle");
    assertThat(call(hers, "POST", "/api/incidents/nope/ack", "{}").statusCode()).isEqualTo(404);
    assertThat(call(admin, "PATCH", "/api/accounts/nouvelle", "{\"disabled\":true}").statusCode()).isEqualTo(200);
    assertThat(call(hers, "GET", "/api/session", null).statusCode()).as("disabled: session ended").isEqualTo(401);
    assertThat(login("nouvelle", PASSWORD).statusCode()).isEqualTo(401);
    assertThat(call(admin, "GET", "/api/accounts", null).body()).contains("\"username\":\"nouvelle\"")
        .doesNotContain("passwordHash");
  }

  /** Follows one redirect by hand: the Location of a 302. */
  private static String location(HttpResponse<?> r) {
    assertThat(r.statusCode()).as("a redirect").isEqualTo(302);
    String l = r.headers().firstValue("location").orElseThrow();
    return l.startsWith("/") ? url(l) : l;
  }

  /** Signs in through the stand-in provider as {@code claims}; returns the console's last answer. */
  private static HttpResponse<String> oidcSignIn(io.vertx.core.json.JsonObject claims, boolean keepStateCookie)
      throws Exception {
    provider.user = claims;
    HttpResponse<String> start = call(null, "GET", "/auth/oidc/login", null);
    String authorize = location(start);
    assertThat(authorize).startsWith(provider.issuer() + "/authorize?").contains("code_challenge=")
        .contains("code_challenge_method=S256").contains("state=").doesNotContain("code_verifier");
    String state = start.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("cd_oidc="))
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    String callback = location(send(HttpRequest.newBuilder(URI.create(authorize)).build()));
    assertThat(callback).startsWith(url("/auth/oidc/callback?code="));
    HttpRequest.Builder back = HttpRequest.newBuilder(URI.create(callback));
    if (keepStateCookie) {
      back.header("Cookie", state);
    }
    return send(back.build());
  }

  @Test
  void shouldSignInThroughTheIdentityProviderWithPkceAndMapItsGroupsToRoles() throws Exception {
    assertThat(call(null, "GET", "/auth/oidc/info", null).body()).contains("\"enabled\":true");
    io.vertx.core.json.JsonObject marie = new io.vertx.core.json.JsonObject().put("sub", "u-42")
        .put("preferred_username", "Marie.Dupont").put("name", "Marie Dupont")
        .put("groups", new io.vertx.core.json.JsonArray().add("cellule-crise").add("autre-groupe"));
    HttpResponse<String> back = oidcSignIn(marie, true);
    assertThat(location(back)).isEqualTo(url("/"));
    String session = cookie(back);
    assertThat(call(session, "GET", "/api/session", null).body()).contains("\"username\":\"marie.dupont\"")
        .contains("\"displayName\":\"Marie Dupont\"").contains("\"roles\":[\"approver\",\"drafter\"]");
    assertThat(call(session, "POST", "/api/incidents/nope/ack", "{}").statusCode()).isEqualTo(404);
    assertThat(call(session("admin"), "GET", "/api/accounts", null).body())
        .contains("\"username\":\"marie.dupont\"").contains("\"source\":\"oidc\"");
    assertThat(provider.pkceRefusals).isZero();

    assertThat(oidcSignIn(marie, false).statusCode()).as("a callback without its state cookie (login CSRF)")
        .isEqualTo(400);
    io.vertx.core.json.JsonObject stranger = new io.vertx.core.json.JsonObject().put("sub", "u-7")
        .put("preferred_username", "passant").put("groups", new io.vertx.core.json.JsonArray().add("autre-groupe"));
    assertThat(oidcSignIn(stranger, true).statusCode()).as("no mapped group, no access").isEqualTo(403);
    io.vertx.core.json.JsonObject usurper = new io.vertx.core.json.JsonObject().put("sub", "u-8")
        .put("preferred_username", "admin").put("groups", new io.vertx.core.json.JsonArray().add("observateurs"));
    assertThat(oidcSignIn(usurper, true).statusCode()).as("a local account's name").isEqualTo(403);
    provider.forge = true;
    try {
      assertThat(oidcSignIn(marie, true).statusCode()).as("an ID token not signed by the provider's keys")
          .isEqualTo(401);
    } finally {
      provider.forge = false;
    }
  }

  @Test
  void shouldRefuseALinkAnotherInstanceAlreadyUsed() throws Exception {
    byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    fr.communitydefender.domain.paging.AckToken token = new fr.communitydefender.domain.paging.AckToken(
        "spike.ville.9", "astreinte", CLOCK.instant().plus(Duration.ofHours(12)), "1796-0-0");
    try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(Map.<String, Object>of(
        "bootstrap.servers", kafka.bootstrapServers()), Topics.ACK_LINKS_USED.keySerde().serializer(),
        Topics.ACK_LINKS_USED.valueSerde().serializer())) {
      producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.ACK_LINKS_USED.name(),
          fr.communitydefender.domain.paging.AckLinkUse.key(token), new fr.communitydefender.domain.paging.AckLinkUse(
              token.incidentId(), token.personId(), token.nonce(), CLOCK.instant()))).get();
    }
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      HttpResponse<String> r = call(null, "GET", "/ack/" + token.sign(key), null);
      assertThat(r.statusCode()).isEqualTo(410);
      assertThat(r.body()).contains("Lien déjà utilisé");
    });
  }
}
