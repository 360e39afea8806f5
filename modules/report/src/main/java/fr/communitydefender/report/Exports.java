package fr.communitydefender.report;

import com.fasterxml.jackson.core.JsonGenerator;
import fr.communitydefender.domain.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Writes a report in one of its formats: {@code pdf}, {@code html} (standalone), {@code csv} (the mentions of the
 * period, streamed from Elasticsearch: bounded memory whatever their number), {@code jsonl} (the same mentions as JSON
 * Lines), {@code timeline} (the events and the main courante, CSV), {@code json} (the report's data and timeline,
 * without the mentions). CSV is RFC 4180 with a UTF-8 BOM (so
 * spreadsheets open accents right) and cells starting with = + - @ prefixed with ' (no formula injection).
 */
public final class Exports {
  /** The formats, as given on the command line and in the console. */
  public enum Format {
    PDF("application/pdf", "pdf"), HTML("text/html; charset=utf-8", "html"), CSV("text/csv; charset=utf-8", "csv"),
    JSONL("application/x-ndjson", "jsonl"), TIMELINE("text/csv; charset=utf-8", "timeline.csv"),
    JSON("application/json", "json");

    public final String contentType;
    public final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }

    public static Format of(String s) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(s == null ? "" : s.strip())) {
          return f;
        }
      }
      throw new IllegalArgumentException("format: pdf, html, csv, jsonl, timeline or json, got '" + s + "'");
    }
  }

  private Exports() {}

  /**
   * Writes {@code report} as {@code format} to {@code out}; {@code progress} hears how many mentions were written
   * (CSV) as it goes.
   */
  public static void write(ReportReader reader, Report report, Format format, String commune, String summary,
      OutputStream out, LongConsumer progress) throws IOException {
    switch (format) {
      case PDF -> PdfReport.write(new HtmlReport(report, commune, summary).render(), out);
      case HTML -> out.write(new HtmlReport(report, commune, summary).render().getBytes(StandardCharsets.UTF_8));
      case CSV -> mentions(reader, report, out, progress);
      case JSONL -> jsonLines(reader, report, out, progress);
      case TIMELINE -> timeline(report, out);
      case JSON -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("incident", report.incident());
        m.put("from", report.from());
        m.put("to", report.to());
        m.put("generatedAt", report.generatedAt());
        m.put("figures", report.figures());
        m.put("curve", report.periodCurve());
        m.put("events", report.events());
        m.put("courante", report.courante());
        m.put("pages", report.pages());
        m.put("topPosts", report.topPosts());
        m.put("terms", report.terms());
        m.put("entities", report.entities());
        m.put("sources", report.sources());
        m.put("audience", report.options().outside() ? "outside" : "team");
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
          g.useDefaultPrettyPrinter();
          Json.MAPPER.writeValue(g, m);
        }
      }
    }
    out.flush();
  }

  private static void mentions(ReportReader reader, Report report, OutputStream out, LongConsumer progress)
      throws IOException {
    Audience audience = new Audience(report.options());
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    w.write('\uFEFF');
    line(w, "id", "publishedAt", "source", "author", "lang", "sentiment", "reach", "url", "text");
    long[] n = {0};
    reader.forEachMention(report, d -> {
      try {
        line(w, d.id(), String.valueOf(d.publishedAt()), d.source(), audience.author(d.authorKey()), d.lang(),
            d.sentimentLabel(), Long.toString(d.reach()), audience.url(d.url()), audience.text(d.text()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (++n[0] % 1000 == 0) {
        progress.accept(n[0]);
      }
    });
    progress.accept(n[0]);
    w.flush();
  }

  private static void jsonLines(ReportReader reader, Report report, OutputStream out, LongConsumer progress)
      throws IOException {
    Audience audience = new Audience(report.options());
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    long[] n = {0};
    reader.forEachMention(report, d -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", d.id());
      m.put("publishedAt", d.publishedAt());
      m.put("source", d.source());
      m.put("author", audience.author(d.authorKey()));
      m.put("lang", d.lang());
      m.put("sentiment", d.sentimentLabel());
      m.put("reach", d.reach());
      m.put("url", audience.url(d.url()));
      m.put("text", audience.text(d.text()));
      try {
        w.write(Json.write(m));
        w.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (++n[0] % 1000 == 0) {
        progress.accept(n[0]);
      }
    });
    progress.accept(n[0]);
    w.flush();
  }

  private static void timeline(Report report, OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.write('\uFEFF');
    line(w, "at", "actor", "action", "detail");
    for (var e : report.events()) {
      line(w, e.at().toString(), e.by() == null ? "alerting" : e.by(), "incident." + e.type().name()
          .toLowerCase(Locale.ROOT), e.incident().reason());
    }
    for (Report.Entry e : report.courante()) {
      line(w, e.at().toString(), e.actor(), e.action(), e.detail());
    }
    w.flush();
  }

  static void line(Writer w, String... cells) throws IOException {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(cell(cells[i]));
    }
    w.write("\r\n");
  }

  static String cell(String v) {
    if (v == null) {
      return "";
    }
    String s = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
        ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
