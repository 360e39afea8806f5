package fr.communitydefender.app.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.alerting.rules.VolumeThresholdRule;
import fr.communitydefender.collectors.replay.ReplayOptions;
import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.watch.Watch;
import fr.communitydefender.domain.watch.WatchesConfig;
import fr.communitydefender.report.Report;
import fr.communitydefender.report.ReportOptions;
import fr.communitydefender.report.ReportReader;
import fr.communitydefender.storage.IndexSetup;
import fr.communitydefender.storage.StorageConfig;
import fr.communitydefender.storage.EsClients;
import fr.communitydefender.storage.mentions.MentionDocument;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident report from a replayed incident on the real pipeline and embedded node: key figures equal to a
 * computation made here from the replayed data, the PDF and HTML from the console, the CSV from the command line,
 * pseudonymisation, and 100,000 mentions exported to CSV by a JVM whose heap could not hold them.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ReportIT {
  @TempDir
  static Path dir;
  static Assembly core;
  static ConsoleClient team;
  static final List<Mention> DRILL = new ArrayList<>();
  static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(100));
  static String incidentId;

  @BeforeAll
  static void start() throws Exception {
    WatchesConfig watches = new WatchesConfig(List.of(new Watch("ville", null, List.of("sainte-aure"), null, null)));
    AlertRules rules = new AlertRules(List.of(new VolumeThresholdRule("spike", "ville", Duration.ofMinutes(5), 20L,
        Duration.ofMinutes(10), Severity.HIGH, "Pic de mentions")));
    core = Assembly.start(new RuntimeOptions(EnumSet.of(Role.PROCESS, Role.ALERT, Role.INDEX, Role.CONSOLE,
        Role.PAGE), dir.resolve("core"), null, 0, "127.0.0.1", 0, 1, null, watches, rules, null, null, null, null));
    team = ConsoleClient.signIn(core, "redacteur", fr.communitydefender.domain.access.Role.DRAFTER);
    int n = 0;
    for (int m = 0; m < 70; m += 4) { // a quiet hour: one mention every 4 minutes
      DRILL.add(mention(n++, T0.plus(Duration.ofMinutes(m)).plusSeconds(7), "Sainte-Aure : marché ce matin", 10));
    }
    for (int m = 75; m < 85; m++) { // the burst: 3 a minute, then 10 a minute
      int perMinute = m < 77 ? 3 : 10;
      for (int k = 0; k < perMinute; k++) {
        DRILL.add(mention(n++, T0.plus(Duration.ofMinutes(m)).plusSeconds(5L * k + 1),
            "Inondation catastrophique à Sainte-Aure, @voisin_" + n + " colère https://exemple.fr/p/" + n,
            100L * k));
      }
    }
    List<String> lines = DRILL.stream().map(Json::write).toList();
    Path drill = Files.write(dir.resolve("drill.jsonl"), lines);
    try (Assembly collector = Assembly.start(new RuntimeOptions(EnumSet.of(Role.COLLECT),
        dir.resolve("collector"), core.bootstrapServers(), 0, "127.0.0.1", 0, 1, null, watches, rules,
        new ReplayOptions(drill, null, 0, false, List.of(), false), null, null, null))) {
      collector.awaitReplay(60_000);
    }
    await().atMost(Duration.ofSeconds(90)).until(() -> team.get("/api/incidents").body().contains("\"OPEN\""));
    incidentId = Json.MAPPER.readTree(team.get("/api/incidents").body()).get(0).get("id").asText();
    assertThat(team.post("/api/incidents/" + incidentId + "/ack", "{\"comment\":\"je prends\"}").statusCode())
        .isEqualTo(202);
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
      assertThat(team.get("/api/search?watch=ville&size=1").body()).startsWith("{\"total\":" + DRILL.size() + ",");
      String events = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(core.elasticsearchUrl()
          + "/cd-incident-events/_search?q=type:ACKNOWLEDGED")).build(), HttpResponse.BodyHandlers.ofString()).body();
      assertThat(events).contains(incidentId);
      String audit = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(core.elasticsearchUrl()
          + "/cd-audit/_search?q=action:page.sent")).build(), HttpResponse.BodyHandlers.ofString()).body();
      assertThat(audit).contains(incidentId);
    });
  }

  static Mention mention(int i, Instant at, String text, long reach) {
    return new Mention("r-" + i, "drill", at, text, "habitant_" + i, "https://social.example/habitant_" + i + "/" + i,
        "fr", reach, List.of());
  }

  @AfterAll
  static void stop() {
    if (core != null) {
      core.close();
    }
  }

  /** The drill's mentions from one hour before the incident's opening minute (the report's period). */
  static long inPeriod() throws Exception {
    Instant opened = Json.MAPPER.readValue(team.get("/api/incidents/" + incidentId).body(), Incident.class).openedAt();
    Instant from = opened.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1));
    return DRILL.stream().filter(m -> !m.publishedAt().isBefore(from)).count();
  }

  static ElasticsearchClient client() {
    return EsClients.create(StorageConfig.local(core.elasticsearchUrl(), 90));
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void shouldComputeTheKeyFiguresTheReplayedDataGive() throws Exception {
    Incident incident = Json.MAPPER.readValue(team.get("/api/incidents/" + incidentId).body(), Incident.class);
    try (ElasticsearchClient client = client()) {
      Report report = new ReportReader(client, Clock.systemUTC()).read(incidentId, ReportOptions.defaults());
      // computed here from the drill: counts per minute, the baseline of the hour before the 30 minutes before opening
      Map<Instant, Long> perMinute = new TreeMap<>();
      DRILL.forEach(m -> perMinute.merge(m.publishedAt().truncatedTo(ChronoUnit.MINUTES), 1L, Long::sum));
      Instant opening = incident.openedAt().truncatedTo(ChronoUnit.MINUTES);
      Instant riseFrom = opening.minus(Duration.ofMinutes(30));
      double base = perMinute.entrySet().stream().filter(e -> !e.getKey().isBefore(riseFrom.minus(Duration.ofHours(1)))
          && e.getKey().isBefore(riseFrom)).mapToLong(Map.Entry::getValue).sum() / 60.0;
      Instant rise = perMinute.entrySet().stream().filter(e -> !e.getKey().isBefore(riseFrom)
          && !e.getKey().isAfter(opening) && e.getValue() >= 2 && e.getValue() > 2 * base).map(Map.Entry::getKey)
          .findFirst().orElse(opening);
      assertThat(rise).as("the burst's first minute").isEqualTo(T0.plus(Duration.ofMinutes(75)));
      assertThat(report.figures().firstRise()).isEqualTo(rise);
      assertThat(report.figures().toDetect()).isEqualTo(Duration.between(rise, incident.openedAt()));
      assertThat(report.figures().toAcknowledge()).isEqualTo(Duration.between(incident.openedAt(),
          incident.acknowledgedAt()));
      assertThat(report.figures().toFirstPage()).isNotNull().isPositive();
      Instant from = opening.minus(Duration.ofHours(1));
      assertThat(report.figures().mentions()).isEqualTo(inPeriod());
      Set<String> authors = new HashSet<>();
      DRILL.stream().filter(m -> !m.publishedAt().isBefore(from)).forEach(m -> authors.add(m.author()));
      assertThat(report.figures().authors()).isEqualTo(authors.size());
      assertThat(report.figures().peak()).isEqualTo(10);
      assertThat(report.figures().peakAt()).isEqualTo(T0.plus(Duration.ofMinutes(77)));
      assertThat(report.figures().sources()).isEqualTo(1);
      assertThat(report.figures().toPublication()).as("nothing published yet").isNull();
      System.out.println("report figures: " + report.figures());
    }
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void shouldExportPdfAndHtmlFromTheConsoleWithoutHandlesOrLinks() throws Exception {
    ConsoleClient viewer = ConsoleClient.signIn(core, "lecteur", fr.communitydefender.domain.access.Role.VIEWER);
    String summary = "{\"text\":\"Crue contenue en 30 minutes ; cellule de crise activée à 14 h 20.\"}";
    assertThat(viewer.put("/api/incidents/" + incidentId + "/summary", summary).statusCode()).isEqualTo(403);
    assertThat(team.put("/api/incidents/" + incidentId + "/summary", summary).statusCode()).isEqualTo(200);
    assertThat(viewer.get("/api/incidents/" + incidentId + "/summary").body()).contains("cellule de crise")
        .contains("\"updatedBy\":\"redacteur\"");
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(core.elasticsearchUrl() + "/cd-incident-summaries/_doc/"
            + incidentId)).build(), HttpResponse.BodyHandlers.ofString()).body()).contains("cellule de crise"));
    HttpResponse<byte[]> pdf = viewer.download("/api/incidents/" + incidentId + "/report?format=pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("content-type")).hasValue("application/pdf");
    Path file = Files.write(dir.resolve("rapport.pdf"), pdf.body());
    Files.copy(file, Path.of("target", "rapport-exemple.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).containsIgnoringCase("Retour d'expérience").contains("Pic de mentions").contains("Chiffres clés")
          .contains("Main courante").contains("Alertes envoyées").contains("redacteur")
          .contains("Crue contenue en 30 minutes").contains("Entités nommées")
          .contains("Mentions " + inPeriod());
      assertThat(text).doesNotContain("voisin_").doesNotContain("exemple.fr").doesNotContain("habitant_");
    }
    String html = team.get("/api/incidents/" + incidentId + "/report?format=html").body();
    assertThat(html).contains("<svg").contains("Chiffres clés").doesNotContain("voisin_")
        .doesNotContain("exemple.fr").doesNotContain("social.example").doesNotContain("habitant_");
    assertThat(html.replace("http://www.w3.org/", "")).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
    assertThat(team.get("/api/incidents/" + incidentId + "/report?format=html&audience=team").body())
        .contains("voisin_").contains("https://social.example/");
    String jsonl = team.get("/api/incidents/" + incidentId + "/report?format=jsonl").body();
    assertThat(jsonl.lines().count()).isEqualTo(inPeriod());
    assertThat(jsonl).doesNotContain("voisin_").doesNotContain("social.example").contains("\"id\":\"r-");
    String timeline = team.get("/api/incidents/" + incidentId + "/report?format=timeline").body();
    assertThat(timeline).contains("incident.opened").contains("incident.acknowledge").contains("redacteur");
    assertThat(team.get("/api/incidents/nope/report?format=pdf").statusCode()).isEqualTo(404);
    assertThat(team.get("/api/incidents/" + incidentId + "/report?format=docx").statusCode()).isEqualTo(400);
  }


  @Test
  @org.junit.jupiter.api.Order(3)
  void shouldExportTheMentionsAsCsvFromTheCommandLineInBoundedMemory() throws Exception {
    Instant opened = Json.MAPPER.readValue(team.get("/api/incidents/" + incidentId).body(), Incident.class).openedAt();
    int extra = 100_000;
    String text = "Sainte-Aure : la crue monte encore, @riverain_%d signale l'eau rue %d. "
        + "x".repeat(400);
    try (ElasticsearchClient client = client()) {
      for (int start = 0; start < extra; start += 5_000) {
        BulkRequest.Builder b = new BulkRequest.Builder();
        for (int i = start; i < start + 5_000; i++) {
          Instant at = opened.minus(Duration.ofMinutes(50)).plusMillis(i * 30L);
          MentionDocument d = new MentionDocument("big-" + i, at, String.format(text, i, i), "drill",
              List.of("ville"), "fr", "k" + (i % 5000), null, 1, -0.5, "negative", List.of(), at, null);
          b.operations(o -> o.index(x -> x.index(d.index()).id(d.id()).document(d)));
        }
        assertThat(client.bulk(b.build()).errors()).isFalse();
      }
      client.indices().refresh(r -> r.index(MentionDocument.INDEX_PATTERN));
    }
    Path csv = dir.resolve("mentions.csv");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(java, "-Xmx96m", "-cp", System.getProperty("java.class.path"),
        "fr.communitydefender.app.CommunityDefender", "report", "--incident", incidentId, "--format", "csv",
        "--out", csv.toString(), "--elasticsearch-url", core.elasticsearchUrl())
        .redirectErrorStream(true).redirectOutput(dir.resolve("export.log").toFile()).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("export.log"))).isZero();
    long lines;
    try (var reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      lines = reader.lines().count();
    }
    long expected = extra + inPeriod();
    assertThat(lines).as("header + every mention of the period, by a 96 MB heap for ~%d MB of text",
        extra * 470L / 1_000_000).isEqualTo(expected + 1);
    try (var reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      assertThat(reader.lines().limit(2000).filter(l -> l.contains("riverain_") || l.contains("social.example")))
          .as("outside: no handle, no link").isEmpty();
    }
    System.out.printf("report csv: %d mentions in %.1f s with -Xmx96m (%d bytes)%n", expected, seconds,
        Files.size(csv));
    java.io.ByteArrayOutputStream listed = new java.io.ByteArrayOutputStream();
    java.io.PrintStream stdout = System.out;
    int exit;
    try {
      System.setOut(new java.io.PrintStream(listed, true, StandardCharsets.UTF_8));
      exit = new picocli.CommandLine(new fr.communitydefender.app.CommunityDefender()).execute("report", "--list",
          "--elasticsearch-url", core.elasticsearchUrl());
    } finally {
      System.setOut(stdout);
    }
    assertThat(exit).isZero();
    assertThat(listed.toString(StandardCharsets.UTF_8)).contains(incidentId).contains("Pic de mentions");
  }
}
