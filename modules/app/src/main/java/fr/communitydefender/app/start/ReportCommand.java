package fr.communitydefender.app.start;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import fr.communitydefender.devservices.elasticsearch.EmbeddedElasticsearch;
import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.report.Exports;
import fr.communitydefender.report.Report;
import fr.communitydefender.report.ReportOptions;
import fr.communitydefender.report.ReportReader;
import fr.communitydefender.storage.StorageConfig;
import fr.communitydefender.storage.EsClients;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code report}: an incident's report (PDF, HTML, mentions CSV, timeline CSV, JSON) or the list of incidents, from
 * Elasticsearch — the running application's embedded node if it answers on {@code --es-port}, else the embedded node
 * of {@code --data-dir} started for the export (the application must be stopped then), or {@code --elasticsearch-url}.
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Post-crisis incident report (RETEX).")
public final class ReportCommand implements Callable<Integer> {
  @Option(names = "--incident", paramLabel = "ID", description = "The incident (see --list).")
  String incident;

  @Option(names = "--list", description = "List the incidents, newest first.")
  boolean list;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "pdf",
      description = "pdf, html, csv or jsonl (the mentions), timeline (CSV) or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: rapport-ID.EXT).")
  Path out;

  @Option(names = "--audience", paramLabel = "WHO", defaultValue = "outside", description = "outside (authors "
      + "pseudonymised, handles masked, no links; default) or team.")
  String audience;

  @Option(names = "--institutional", split = ",", paramLabel = "HANDLE",
      description = "Handles left visible in outside reports (the commune's own accounts, the préfecture's).")
  List<String> institutional = List.of();

  @Option(names = "--lang", defaultValue = "fr", description = "fr or en (default: ${DEFAULT-VALUE}).")
  String lang;

  @Option(names = "--commune", paramLabel = "NAME", description = "The commune's name on the cover.")
  String commune;

  @Option(names = "--summary-file", paramLabel = "FILE", description = "The summary for the cover (default: the "
      + "one the team wrote in the console).")
  Path summaryFile;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
      description = "Data directory of the embedded node (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--es-port", defaultValue = "19200", description = "Port of the running application's embedded "
      + "node (default: ${DEFAULT-VALUE}).")
  int esPort;

  @Option(names = "--elasticsearch-url", paramLabel = "URL", description = "External Elasticsearch.")
  String elasticsearchUrl;

  @Option(names = "--elasticsearch-api-key", paramLabel = "KEY", defaultValue = "${env:CD_ES_API_KEY}",
      description = "API key for --elasticsearch-url (default: $CD_ES_API_KEY).")
  String apiKey;

  @Option(names = "--es-home", paramLabel = "DIR", defaultValue = "${sys:cd.es.home}", hidden = true)
  Path esHome;

  @Override
  public Integer call() throws Exception {
    Exports.Format f;
    ReportOptions options;
    try {
      f = Exports.Format.of(format);
      if (!audience.equals("outside") && !audience.equals("team")) {
        throw new IllegalArgumentException("--audience: outside or team");
      }
      options = new ReportOptions(lang, audience.equals("outside"), institutional);
      if (!list && (incident == null || incident.isBlank())) {
        throw new IllegalArgumentException("--incident ID or --list (see --help)");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("community-defender: " + e.getMessage());
      return 2;
    }
    EmbeddedElasticsearch node = null;
    String url = elasticsearchUrl;
    if (url == null) {
      url = "http://127.0.0.1:" + esPort;
      if (!answers(url)) {
        System.err.println("community-defender: starting the embedded Elasticsearch node of " + dataDir + "…");
        node = EmbeddedElasticsearch.launch(esHome, dataDir, 0).await();
        url = node.url();
      }
    }
    StorageConfig config = elasticsearchUrl == null ? StorageConfig.local(url, StorageConfig.DEFAULT_RETENTION_DAYS)
        : new StorageConfig(url, apiKey == null || apiKey.isBlank() ? null : apiKey, null, null, null,
            StorageConfig.DEFAULT_RETENTION_DAYS, 1);
    ElasticsearchClient client = EsClients.create(config);
    try {
      ReportReader reader = new ReportReader(client, Clock.systemUTC(),
          f.explained && !list ? fr.communitydefender.enrichment.explain.Explainer.standard() : null);
      if (list) {
        for (Incident i : reader.incidents()) {
          System.out.printf("%-40s %-9s %-13s %s  %s%n", i.id(), i.severity().id(), i.status().name().toLowerCase(),
              i.openedAt(), i.title());
        }
        return 0;
      }
      Report report;
      try {
        report = reader.read(incident, options, f.explained);
      } catch (IllegalArgumentException e) {
        System.err.println("community-defender: " + e.getMessage() + " (see --list)");
        return 2;
      }
      Path file = out != null ? out : Path.of("rapport-" + incident.replaceAll("[^A-Za-z0-9._-]", "_") + "."
          + f.extension);
      String summary = summaryFile == null ? reader.summary(incident) : Files.readString(summaryFile);
      long expected = report.figures().mentions();
      long t0 = System.nanoTime();
      try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        Exports.write(reader, report, f, commune, summary, o, n -> progress(n, expected));
      }
      if (f == Exports.Format.CSV) {
        System.err.println();
      }
      System.err.printf("community-defender: %s written (%d bytes, %.1f s)%n", file, Files.size(file),
          (System.nanoTime() - t0) / 1e9);
      return 0;
    } finally {
      client.close();
      if (node != null) {
        node.close();
      }
    }
  }

  private static void progress(long n, long total) {
    int width = 30;
    int done = total <= 0 ? width : (int) Math.min(width, n * width / total);
    System.err.printf("\r[%s%s] %d / %d mentions", "#".repeat(done), " ".repeat(width - done), n, total);
  }

  private static boolean answers(String url) {
    try {
      HttpResponse<Void> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()
          .send(HttpRequest.newBuilder(URI.create(url + "/")).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }
}
