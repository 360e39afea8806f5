package fr.communitydefender.app.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.alerting.rules.VolumeThresholdRule;
import fr.communitydefender.collectors.replay.ReplayOptions;
import fr.communitydefender.devservices.social.MastodonStandIn;

import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.watch.Watch;
import fr.communitydefender.domain.watch.WatchesConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The incident room end to end on real engines (embedded Kafka, Elasticsearch node, the room stage exactly-once, the
 * publisher and a Mastodon stand-in): four-eyes over the WebSocket, then two people in two headless Chromium browsers
 * — the drafter writes a reply from a template, the approver sees it arrive live and rejects it with a reason, the
 * drafter edits and resubmits, the approver approves with the keyboard only, the drafter publishes, the stand-in
 * receives exactly the approved text, the main courante shows each step and verifies intact; axe-core finds no serious
 * or critical violation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncidentRoomIT {
  static final String NATIVE_ID = "109876543210";
  @TempDir
  static Path dir;
  static Assembly core;
  static ConsoleClient drafter;
  static ConsoleClient approver;
  static String incident;

  @BeforeAll
  static void start() throws Exception {
    WatchesConfig watches = new WatchesConfig(List.of(new Watch("ville", null, List.of("sainte-aure"), null, null)));
    AlertRules rules = new AlertRules(List.of(new VolumeThresholdRule("spike", "ville", Duration.ofMinutes(5), 5L,
        Duration.ofMinutes(10), Severity.HIGH, "Pic de mentions")));
    core = Assembly.start(new RuntimeOptions(EnumSet.of(Role.PROCESS, Role.ALERT, Role.INDEX, Role.CONSOLE,
        Role.ROOM), dir.resolve("core"), null, 0, "127.0.0.1", 0, 1, null, watches, rules, null, null, null, null, null,
        null, new ConsoleOptions(null, false, "Sainte-Aure")));
    drafter = ConsoleClient.signIn(core, "redacteur", fr.communitydefender.domain.access.Role.DRAFTER);
    approver = ConsoleClient.signIn(core, "validateur", fr.communitydefender.domain.access.Role.APPROVER);
    List<String> lines = new ArrayList<>();
    Instant t0 = Instant.now().minusSeconds(600);
    for (int i = 0; i < 8; i++) {
      lines.add(Json.write(new Mention("drill:" + i, "drill", t0.plusSeconds(10L * i), "Sainte-Aure : la Loire déborde "
          + "rue " + i, "habitant_" + i, null, "fr", 1, List.of())));
    }
    lines.add(Json.write(new Mention("mastodon:mastodon.example:" + NATIVE_ID, "mastodon", t0.plusSeconds(100),
        "Sainte-Aure : personne ne répond au téléphone de la mairie ?!", "inquiet", null, "fr", 1, List.of())));
    Path drill = Files.write(dir.resolve("drill.jsonl"), lines);
    try (Assembly collector = Assembly.start(new RuntimeOptions(EnumSet.of(Role.COLLECT),
        dir.resolve("collector"), core.bootstrapServers(), 0, "127.0.0.1", 0, 1, null, watches, rules,
        new ReplayOptions(drill, null, 0, false, List.of(), false), null, null, null))) {
      collector.awaitReplay(60_000);
    }
    await().atMost(Duration.ofSeconds(90)).until(() -> drafter.get("/api/incidents").body().contains("\"OPEN\""));
    incident = new JsonArray(drafter.get("/api/incidents").body()).getJsonObject(0).getString("id");
    await().atMost(Duration.ofSeconds(60)).until(() -> drafter.get("/api/incidents/" + incident + "/courante").body()
        .contains("incident-opened"));
    await().atMost(Duration.ofSeconds(90)).until(() -> drafter.get("/api/search?q=mairie").body()
        .contains(NATIVE_ID));
  }

  @AfterAll
  static void stop() {
    if (core != null) {
      core.close();
    }
  }

  static String room(String command) {
    return "/api/incidents/" + incident + "/room/" + command;
  }

  @Test
  @Order(1)
  void shouldRefuseFourEyesBypassesOverHttpAndWebSocketAlike() throws Exception {
    ConsoleClient both = ConsoleClient.signIn(core, "camille", fr.communitydefender.domain.access.Role.DRAFTER, fr.communitydefender.domain.access.Role.APPROVER);
    var created = both.post(room("draft-create"), "{\"channel\":\"bluesky\",\"title\":\"Essai\",\"text\":\"v1\"}");
    assertThat(created.statusCode()).isEqualTo(200);
    String draft = new JsonObject(created.body()).getString("draft");
    assertThat(both.post(room("submit"), "{\"draft\":\"" + draft + "\",\"version\":1}").statusCode()).isEqualTo(200);

    LinkedBlockingQueue<JsonObject> results = new LinkedBlockingQueue<>();
    WebSocket ws = both.webSocket(new WebSocket.Listener() {
      final StringBuilder buffer = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
        buffer.append(data);
        if (last) {
          JsonObject m = new JsonObject(buffer.toString());
          buffer.setLength(0);
          if ("result".equals(m.getString("type"))) {
            results.add(m);
          }
        }
        w.request(1);
        return null;
      }
    });
    ws.sendText(new JsonObject().put("type", "room.approve").put("ref", "r1").put("incident", incident)
        .put("args", new JsonObject().put("draft", draft).put("version", 1)).encode(), true).join();
    JsonObject own = results.poll(30, TimeUnit.SECONDS);
    assertThat(own).isNotNull();
    assertThat(own.getInteger("status")).isEqualTo(403);
    assertThat(own.getString("message")).contains("four-eyes");

    ws.sendText(new JsonObject().put("type", "room.approve").put("ref", "r2").put("incident", incident)
        .put("args", new JsonObject().put("draft", draft).put("version", 1)).encode(), true).join();
    assertThat(results.poll(30, TimeUnit.SECONDS).getInteger("status")).isEqualTo(403);
    // a drafter's socket may not send approvals at all: the same permission table as HTTP
    LinkedBlockingQueue<JsonObject> drafterResults = new LinkedBlockingQueue<>();
    WebSocket dws = drafter.webSocket(new WebSocket.Listener() {
      final StringBuilder buffer = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
        buffer.append(data);
        if (last) {
          JsonObject m = new JsonObject(buffer.toString());
          buffer.setLength(0);
          if ("result".equals(m.getString("type"))) {
            drafterResults.add(m);
          }
        }
        w.request(1);
        return null;
      }
    });
    dws.sendText(new JsonObject().put("type", "room.approve").put("ref", "r3").put("incident", incident)
        .put("args", new JsonObject().put("draft", draft).put("version", 1)).encode(), true).join();
    assertThat(drafterResults.poll(30, TimeUnit.SECONDS).getInteger("status")).isEqualTo(403);
    assertThat(drafter.post(room("approve"), "{\"draft\":\"" + draft + "\",\"version\":1}").statusCode())
        .isEqualTo(403);
    // the pipeline's own commands cannot be sent from outside
    assertThat(drafter.post(room("published"), "{\"draft\":\"" + draft + "\",\"version\":1,\"url\":\"x\"}")
        .statusCode()).isEqualTo(403);
    // an approval link with a forged signature is told apart from a real one
    assertThat(new JsonObject(drafter.get("/api/incidents/" + incident + "/room/link?draft=" + draft
        + "&sig=AAAAAAAAAAAAAAAAAAAAAA").body()).getBoolean("authentic")).isFalse();
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    dws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();

    // an edit after approval voids it; only the approved version, byte for byte, is published
    var approved = approver.post(room("approve"), "{\"draft\":\"" + draft + "\",\"version\":1}");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(both.post(room("draft-save"), "{\"draft\":\"" + draft + "\",\"baseVersion\":1,\"text\":\"v2\"}")
        .statusCode()).isEqualTo(200);
    var publish = both.post(room("publish"), "{\"draft\":\"" + draft + "\",\"version\":1}");
    assertThat(publish.statusCode()).isEqualTo(409);
    var stale = drafter.post(room("draft-save"), "{\"draft\":\"" + draft + "\",\"baseVersion\":1,\"text\":\"v2 bis\"}");
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(new JsonObject(stale.body()).getJsonObject("error").getJsonObject("latest").getString("text"))
        .isEqualTo("v2");
  }

  @Test
  @Order(2)
  void shouldCarryAReplyFromTemplateToPublishedWithTwoPeopleInTwoBrowsers() throws Exception {
    MastodonStandIn mastodon = core.mastodonStandIn();
    assertThat(mastodon).isNotNull();
    try (Browser d = Browser.open(dir, core.consolePort()); Browser a = Browser.open(dir, core.consolePort())) {
      d.go("/");
      d.signIn("redacteur", ConsoleClient.PASSWORD);
      d.visible(By.cssSelector("#incidents .room-link")).click();
      d.waitText(By.id("room-title"), "Pic de mentions");
      a.go("/");
      a.signIn("validateur", ConsoleClient.PASSWORD);
      a.go("/room.html?incident=" + incident);
      a.waitText(By.id("room-title"), "Pic de mentions");
      d.waitText(By.id("presence"), "validateur");

      // the drafter answers the resident from a template
      d.waitText(By.id("room-mentions"), "personne ne répond");
      WebElement mention = d.driver.findElements(By.cssSelector("#room-mentions .mention")).stream()
          .filter(e -> e.getText().contains("personne ne répond")).findFirst().orElseThrow();
      mention.findElement(By.cssSelector("button.reply")).click();
      d.visible(By.id("wording-q")).sendKeys("signalement");
      d.waitText(By.id("wording-list"), "Réponse — signalement pris en compte");
      d.visible(By.cssSelector("#wording-list button.wording-use")).click();
      WebElement text = d.visible(By.id("draft-text"));
      assertThat(text.getAttribute("value")).contains("Bonjour, merci pour votre signalement")
          .contains("services de Sainte-Aure").contains("{numero}");
      d.waitText(By.id("draft-count"), "/ 500 caractères");
      assertThat(d.driver.findElement(By.id("draft-count")).getText()).endsWith("à compléter : {numero}");
      String filled = text.getAttribute("value").replace("{numero}", "05 47 00 00 00");
      text.clear();
      text.sendKeys(filled);
      d.driver.findElement(By.id("draft-create")).click();
      d.waitText(By.id("draft-heading"), "d2");
      d.visible(By.id("draft-submit")).click();
      d.waitText(By.id("draft-state"), "en attente de validation");

      // the approver sees it arrive live, is told, and rejects it with a reason
      a.waitText(By.id("draft-list"), "en attente de validation");
      a.waitText(By.id("live-polite"), "à valider");
      a.driver.findElements(By.cssSelector("#draft-list .draft-open")).stream()
          .filter(e -> e.getText().contains("signalement")).findFirst().orElseThrow().click();
      a.waitText(By.id("approval-what"), "Version 1 de redacteur à valider.");
      a.visible(By.id("reject-reason")).sendKeys("Précisez où se renseigner : accueil de la mairie.");
      a.driver.findElement(By.id("draft-reject")).click();
      a.waitText(By.id("draft-state"), "refusé");

      // the drafter sees the reason, edits, saves a version and submits again
      d.waitText(By.id("draft-state"), "motif : Précisez où se renseigner");
      WebElement editor = d.visible(By.id("editor"));
      editor.sendKeys(" Accueil de la mairie ouvert jusqu'à 20 h.");
      d.driver.findElement(By.id("draft-save")).click();
      d.waitText(By.id("versions"), "v2");
      d.waitUntil(x -> d.driver.findElement(By.id("draft-submit")).isDisplayed());
      d.driver.findElement(By.id("draft-submit")).click();
      d.waitText(By.id("draft-state"), "en attente de validation");
      String approvedText = filled + " Accueil de la mairie ouvert jusqu'à 20 h.";

      // the approver approves with the keyboard only: Tab to the draft, Enter, Tab to "Valider", Enter
      a.go("/room.html?incident=" + incident);
      a.waitText(By.id("draft-list"), "en attente de validation");
      a.waitText(By.id("status"), "en direct");
      JavascriptExecutor js = (JavascriptExecutor) a.driver;
      Actions keys = new Actions(a.driver);
      focusByTabbing(a, keys, js, "el.classList.contains('draft-open') && el.textContent.includes('signalement')");
      keys.sendKeys(Keys.ENTER).perform();
      a.waitText(By.id("approval-what"), "Version 2 de redacteur à valider.");
      focusByTabbing(a, keys, js, "el.id === 'draft-approve'");
      assertThat((String) js.executeScript("return getComputedStyle(document.activeElement).outlineStyle"))
          .as("visible focus").isNotEqualTo("none");
      keys.sendKeys(Keys.ENTER).perform();
      a.waitText(By.id("draft-state"), "validé");

      // the drafter publishes; the stand-in receives exactly the approved text, as a reply
      d.waitText(By.id("draft-state"), "validé");
      d.visible(By.id("draft-publish")).click();
      d.waitText(By.id("draft-state"), "publié");
      assertThat(mastodon.statuses()).singleElement().satisfies(s -> {
        assertThat(s.text()).isEqualTo(approvedText);
        assertThat(s.inReplyToId()).isEqualTo(NATIVE_ID);
      });

      // the main courante shows each step and verifies intact
      d.waitText(By.id("timeline"), "publiée (mastodon)");
      String timeline = d.driver.findElement(By.id("timeline")).getText();
      assertThat(timeline).contains("version 1 soumise à validation").contains("refusée à l’étape dircom : Précisez")
          .contains("version 2 enregistrée").contains("version 2 validée à l’étape dircom")
          .contains("publiée (mastodon) : " + mastodon.baseUrl() + "/@ville/");
      d.driver.findElement(By.id("verify")).click();
      d.waitText(By.id("verify-result"), "Intègre");
      screenshot(d, "room");

      // accessibility: axe-core (WCAG 2.1 A and AA rules) on the room, the console and the room on a phone screen
      assertThat(axe(d)).as("room page").isEmpty();
      d.go("/");
      d.waitText(By.id("status"), "en direct");
      assertThat(axe(d)).as("console page").isEmpty();
      screenshot(d, "console");
      d.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
      d.go("/room.html?incident=" + incident);
      d.waitText(By.id("room-title"), "Pic de mentions");
      assertThat(axe(d)).as("room page on a phone screen").isEmpty();
      screenshot(d, "room-phone");
    }
    var verify = new JsonObject(drafter.get("/api/incidents/" + incident + "/courante/verify").body());
    assertThat(verify.getBoolean("intact")).isTrue();
  }

  private static void focusByTabbing(Browser b, Actions keys, JavascriptExecutor js, String condition) {
    for (int i = 0; i < 150; i++) {
      keys.sendKeys(Keys.TAB).perform();
      Boolean found = (Boolean) js.executeScript("const el = document.activeElement; return !!(el && (" + condition
          + "));");
      if (Boolean.TRUE.equals(found)) {
        return;
      }
    }
    throw new AssertionError("not reached with the Tab key: " + condition);
  }

  /** Runs axe-core in the page; returns the serious and critical violations (rule id, impact, first target). */
  @SuppressWarnings("unchecked")
  private static List<String> axe(Browser b) throws Exception {
    String source;
    try (InputStream in = IncidentRoomIT.class.getResourceAsStream("/axe/axe.min.js")) {
      assertThat(in).as("axe-core is fetched from npm at build time (modules/app/pom.xml)").isNotNull();
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    JavascriptExecutor js = (JavascriptExecutor) b.driver;
    js.executeScript(source);
    Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        + ".then(r => done({passes: r.passes.length, violations: r.violations.map(v => ({id: v.id, impact: v.impact,"
        + " target: JSON.stringify(v.nodes[0] && v.nodes[0].target), n: v.nodes.length}))}))"
        + ".catch(e => done({passes: 0, violations: [{id: 'axe-error', impact: 'critical', target: String(e)}]}));");
    Map<String, Object> report = (Map<String, Object>) result;
    assertThat(((Number) report.get("passes")).intValue()).as("axe-core ran its rules").isGreaterThan(10);
    System.out.println("axe: " + report.get("passes") + " rules passed");
    List<String> out = new ArrayList<>();
    for (Map<String, Object> v : (List<Map<String, Object>>) report.get("violations")) {
      String impact = String.valueOf(v.get("impact"));
      String line = v.get("id") + " (" + impact + ", " + v.get("n") + " nodes) " + v.get("target");
      System.out.println("axe: " + line);
      if (impact.equals("serious") || impact.equals("critical")) {
        out.add(line);
      }
    }
    return out;
  }

  /**
   * Saves the page under target/screenshots and as the guides' picture {@code docs/images/NAME.png}: the pictures of
   * the README and the guides are made here, so they follow the page.
   */
  private static void screenshot(Browser b, String name) throws Exception {
    byte[] png = ((TakesScreenshot) b.driver).getScreenshotAs(OutputType.BYTES);
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    Files.write(target.resolve(name + ".png"), png);
    Path docs = Path.of("..", "..", "docs", "images");
    if (Files.isDirectory(docs.getParent())) {
      Files.createDirectories(docs);
      Files.write(docs.resolve(name + ".png"), png);
    }
  }
}
