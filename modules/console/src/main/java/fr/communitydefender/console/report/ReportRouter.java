package fr.communitydefender.console.report;

import fr.communitydefender.console.http.ApiErrors;
import fr.communitydefender.report.Exports;
import fr.communitydefender.report.Report;
import fr.communitydefender.report.ReportOptions;
import fr.communitydefender.report.ReportReader;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/incidents/:id/report?format=pdf|html|csv|timeline|json&audience=outside|team&lang=fr|en}: the
 * incident report as a download, for the team (read permission). Written on a worker thread to a temporary file (CSV
 * streamed from Elasticsearch: bounded memory), then sent and deleted. Outside (the default) pseudonymises.
 */
public final class ReportRouter {
  private static final Logger LOG = LoggerFactory.getLogger(ReportRouter.class);

  private ReportRouter() {}

  public static Router create(Vertx vertx, ReportReader reader, String commune) {
    Router r = Router.router(vertx);
    r.get("/incidents/:id/report").handler(ctx -> export(vertx, reader, commune, ctx));
    return r;
  }

  private static void export(Vertx vertx, ReportReader reader, String commune, RoutingContext ctx) {
    Exports.Format format;
    ReportOptions options;
    try {
      format = Exports.Format.of(ctx.request().getParam("format", "pdf"));
      String audience = ctx.request().getParam("audience", "outside");
      if (!audience.equals("outside") && !audience.equals("team")) {
        throw new IllegalArgumentException("audience: outside or team, got '" + audience + "'");
      }
      options = new ReportOptions(ctx.request().getParam("lang", "fr"), audience.equals("outside"), List.of());
    } catch (IllegalArgumentException e) {
      ApiErrors.send(ctx, 400, e.getMessage());
      return;
    }
    String id = ctx.pathParam("id");
    vertx.executeBlocking(() -> {
      Report report = reader.read(id, options, format.explained);
      Path file = Files.createTempFile("cd-report-", "." + format.extension);
      try (OutputStream out = Files.newOutputStream(file)) {
        Exports.write(reader, report, format, commune, reader.summary(id), out, n -> { });
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(file);
        throw e;
      }
      return file;
    }, false).onComplete(ar -> {
      if (ar.failed()) {
        if (ar.cause() instanceof IllegalArgumentException e) {
          ApiErrors.send(ctx, 404, e.getMessage());
        } else {
          LOG.atWarn().addKeyValue("incident", id).addKeyValue("reason", ar.cause().toString()).log("report failed");
          ApiErrors.send(ctx, 503, "report unavailable: Elasticsearch did not answer");
        }
        return;
      }
      Path file = ar.result();
      String name = "rapport-" + id.replaceAll("[^A-Za-z0-9._-]", "_") + "." + format.extension;
      ctx.response().putHeader("Content-Type", format.contentType)
          .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
          .putHeader("Cache-Control", "no-store")
          .sendFile(file.toString()).onComplete(v -> vertx.fileSystem().delete(file.toString()));
    });
  }
}
