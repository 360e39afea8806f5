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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * The console page in Debian's headless Chromium, driven by Selenium as a person uses it: sign in, the live feed with a
 * hostile mention shown as text, taking an incident, a session that ends while text is being typed, the English
 * bundle, signing out.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolePageIT {
  private static final String XSS = "Regardez <img src=x onerror=alert(1)> inondation <script>alert('x')</script>";
  @TempDir
  static Path dir;
  private static Assembly core;
  private static ConsoleClient admin;

  @BeforeAll
  static void start() throws Exception {
    WatchesConfig watches = new WatchesConfig(List.of(new Watch("ville", null, List.of("sainte-aure"), null,
        null)));
    AlertRules rules = new AlertRules(List.of(new VolumeThresholdRule("spike", "ville", Duration.ofMinutes(5), 5L,
        Duration.ofMinutes(10), Severity.HIGH, "Pic de mentions")));
    core = Assembly.start(new RuntimeOptions(EnumSet.of(Role.PROCESS,
        Role.ALERT, Role.INDEX,
        Role.CONSOLE), dir.resolve("core"), null, 0, "127.0.0.1", 0, 1, null, watches, rules, null, null, null, null));
    admin = ConsoleClient.signIn(core, "admin", fr.communitydefender.domain.access.Role.ADMIN);
    ConsoleClient.signIn(core, "redacteur", fr.communitydefender.domain.access.Role.DRAFTER);
    List<String> lines = new ArrayList<>();
    Instant t0 = Instant.now().minusSeconds(600);
    for (int i = 0; i < 8; i++) {
      lines.add(Json.write(new Mention("c-" + i, "drill", t0.plusSeconds(10L * i), "Sainte-Aure : inondation rue "
          + i, "habitant_" + i, null, "fr", 1, List.of())));
    }
    lines.add(Json.write(new Mention("c-xss", "drill", t0.plusSeconds(90), XSS + " Sainte-Aure", "troll", null,
        "fr", 1, List.of())));
    Path drill = Files.write(dir.resolve("drill.jsonl"), lines);
    try (Assembly collector = Assembly.start(new RuntimeOptions(EnumSet.of(
        Role.COLLECT), dir.resolve("collector"), core.bootstrapServers(), 0,
        "127.0.0.1", 0, 1, null, watches, rules, new ReplayOptions(drill, null, 0, false, List.of(), false), null,
        null, null))) {
      collector.awaitReplay(60_000);
    }
    await().atMost(Duration.ofSeconds(90)).until(() -> admin.get("/api/search?q=regardez").body().contains("c-xss"));
    admin.post("/api/silences", "{\"watch\":\"*\",\"duration\":\"2h\",\"reason\":\"<b onmouseover=x>exercice</b>\"}");
    await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/silences").body().contains("exercice"));
    await().atMost(Duration.ofSeconds(60)).until(() -> admin.get("/api/incidents").body().contains("\"OPEN\""));
  }

  @AfterAll
  static void stop() {
    if (core != null) {
      core.close();
    }
  }

  @Test
  @Order(1)
  void shouldSignInSeeHostileTextAsTextTakeTheIncidentAndSignOut() throws Exception {
    try (Browser b = Browser.open(dir, core.consolePort())) {
      b.go("/");
      assertThat(b.visible(By.id("login")).isDisplayed()).isTrue();
      assertThat(b.driver.findElement(By.id("app")).isDisplayed()).as("nothing shown before sign-in").isFalse();
      b.visible(By.id("login-username")).sendKeys("redacteur");
      b.driver.findElement(By.id("login-password")).sendKeys("wrong password!");
      b.driver.findElement(By.id("login-submit")).click();
      b.waitText(By.id("login-error"), "Identifiant ou mot de passe incorrect.");
      b.driver.findElement(By.id("login-password")).clear();
      b.signIn("redacteur", ConsoleClient.PASSWORD);
      assertThat(b.driver.findElement(By.id("me")).getText()).contains("redacteur").contains("rédacteur");

      b.waitText(By.id("feed"), "Regardez <img src=x onerror=alert(1)>");
      WebElement hostile = b.driver.findElements(By.cssSelector("#feed .mention-text")).stream()
          .filter(e -> e.getText().startsWith("Regardez")).findFirst().orElseThrow();
      assertThat(hostile.getText()).isEqualTo(XSS + " Sainte-Aure");
      assertThat(b.driver.findElements(By.cssSelector("#feed img, #feed script"))).isEmpty();
      assertThat(b.driver.findElement(By.cssSelector("#feed .sentiment-negative")).getText()).isEqualTo("négatif");
      // the drafter marks the troll's post irrelevant and corrects another one's sentiment, from the feed
      new org.openqa.selenium.support.ui.Select(b.driver.findElement(
          By.cssSelector("#feed li[data-mention-id='c-xss'] select.correct-select"))).selectByVisibleText("hors sujet");
      b.waitText(By.cssSelector("#feed li[data-mention-id='c-xss'] .mention-correction"), "hors sujet");
      new org.openqa.selenium.support.ui.Select(b.driver.findElement(
          By.cssSelector("#feed li[data-mention-id='c-3'] select.correct-select"))).selectByVisibleText("positif");
      b.waitText(By.cssSelector("#feed li[data-mention-id='c-3'] .mention-correction"), "corrigé : positif");
      await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/corrections").body()
          .contains("\"mentionId\":\"c-3\",\"lang\":\"fr\""));
      assertThat(admin.get("/api/corrections").body()).contains("\"by\":\"redacteur\"", "\"irrelevant\":true");
      b.driver.findElement(By.cssSelector("details.silences summary")).click();
      b.waitText(By.id("silences"), "<b onmouseover=x>exercice</b>");
      assertThat(b.driver.findElements(By.cssSelector("#silences b"))).isEmpty();
      assertThat(b.driver.findElement(By.id("silence-form")).isDisplayed()).as("silences are for admins").isFalse();

      b.waitText(By.id("incidents"), "Pic de mentions");
      b.visible(By.cssSelector("#incidents button.ack")).click();
      b.waitText(By.id("incidents"), "pris en charge par redacteur");
      assertThat(b.driver.findElements(By.cssSelector("#incidents button.resolve"))).isNotEmpty();
      assertThat(b.driver.findElement(By.id("live")).getAttribute("aria-live")).isEqualTo("assertive");
      b.driver.findElement(By.cssSelector("#incidents .incident-title")).click();
      b.waitText(By.id("report-links"), "PDF");
      b.waitUntil(d -> !d.findElements(By.cssSelector("#curve .uplot canvas")).isEmpty()); // uPlot drew the curve
      b.waitText(By.id("curve-legend"), "minutes");
      java.nio.file.Files.copy(((org.openqa.selenium.TakesScreenshot) b.driver).getScreenshotAs(
          org.openqa.selenium.OutputType.FILE).toPath(), Path.of("target", "console-exemple.png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING); // for people to look at

      Cookie session = b.driver.manage().getCookieNamed("cd_session");
      assertThat(session.isHttpOnly()).isTrue();
      b.driver.findElement(By.id("logout")).click();
      b.visible(By.id("login-username"));
      HttpResponse<String> after = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
          "http://127.0.0.1:" + core.consolePort() + "/api/session")).header("Cookie", "cd_session="
          + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(after.statusCode()).as("the session ended on the server").isEqualTo(401);
    }
  }

  @Test
  @Order(2)
  void shouldKeepTypedTextAndSayWhyWhenTheSessionEnds() throws Exception {
    ConsoleClient.signIn(core, "lecteur", fr.communitydefender.domain.access.Role.VIEWER);
    try (Browser b = Browser.open(dir, core.consolePort())) {
      b.go("/");
      b.signIn("lecteur", ConsoleClient.PASSWORD);
      assertThat(b.driver.findElements(By.cssSelector("#incidents button.ack"))).as("viewers do not take incidents")
          .isEmpty();
      WebElement q = b.visible(By.id("search-q"));
      q.sendKeys("regardez");
      b.driver.findElement(By.cssSelector("#search-form button")).click();
      b.waitText(By.id("search-status"), "1 résultat(s)");
      assertThat(b.driver.findElement(By.cssSelector("#search-results mark")).getText()).isEqualTo("Regardez");
      assertThat(b.driver.findElements(By.cssSelector("#search-results img"))).isEmpty();

      q.clear();
      q.sendKeys("texte en cours de frappe");
      assertThat(admin.post("/api/accounts/lecteur/password", "{\"password\":\"" + ConsoleClient.PASSWORD + "\"}")
          .statusCode()).as("an admin reset ends the account's sessions").isEqualTo(200);
      b.driver.findElement(By.cssSelector("#search-form button")).click();
      b.waitText(By.id("login-message"), "Votre session a pris fin");
      assertThat(b.driver.findElement(By.id("search-q")).getAttribute("value")).isEqualTo("texte en cours de frappe");
      b.signIn("lecteur", ConsoleClient.PASSWORD);
      assertThat(b.driver.findElement(By.id("search-q")).getAttribute("value")).isEqualTo("texte en cours de frappe");
    }
  }

  @Test
  @Order(3)
  void shouldSpeakEnglishWhenChosen() throws Exception {
    try (Browser b = Browser.open(dir, core.consolePort())) {
      b.go("/");
      new org.openqa.selenium.support.ui.Select(b.visible(By.id("lang"))).selectByValue("en");
      b.waitText(By.cssSelector("#login h2"), "Sign in");
      b.visible(By.id("login-username")).sendKeys("admin");
      b.driver.findElement(By.id("login-password")).sendKeys(ConsoleClient.PASSWORD);
      b.driver.findElement(By.id("login-submit")).click();
      b.waitText(By.id("status"), "live");
      b.waitText(By.id("feed-title"), "Live feed");
      assertThat(b.visible(By.id("admin-title")).getText()).isEqualTo("Administration");
      b.waitText(By.id("accounts"), "redacteur");
    }
  }
}
