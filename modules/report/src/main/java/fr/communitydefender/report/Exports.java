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
    PDF("application/pdf", "pdf", true), HTML("text/html; charset=utf-8", "html", true),
    CSV("text/csv; charset=utf-8", "csv", false), JSONL("application/x-ndjson", "jsonl", false),
    TIMELINE("text/csv; charset=utf-8", "timeline.csv", false), JSON("application/json", "json", true);

    public final String contentType;
    public final String extension;
    /** Whether the format shows terms and named entities (the explainer's work; mention streams do not). */
    public final boolean explained;

    Format(String contentType, String extension, boolean explained) {
      this.contentType = contentType;
      this.extension = extension;
      this.explained = explained;
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

  /** One mention as the audience may see it, in the exports' column order. */
  private static Map<String, Object> row(Audience audience, fr.communitydefender.storage.mentions.MentionDocument d) {
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
    return m;
  }

  /** A writer of one row (it may throw IOException). */
  @FunctionalInterface
  private interface RowWriter {
    void write(Map<String, Object> row) throws IOException;
  }

  /** Streams the period's mentions to {@code rows}, telling {@code progress} every thousand. */
  private static void stream(ReportReader reader, Report report, Writer w, LongConsumer progress, RowWriter rows)
      throws IOException {
    Audience audience = new Audience(report.options());
    long[] n = {0};
    reader.forEachMention(report, d -> {
      try {
        rows.write(row(audience, d));
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

  private static void mentions(ReportReader reader, Report report, OutputStream out, LongConsumer progress)
      throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    w.write('\uFEFF');
    line(w, "id", "publishedAt", "source", "author", "lang", "sentiment", "reach", "url", "text");
    stream(reader, report, w, progress, m -> line(w, m.values().stream().map(v -> v == null ? null : v.toString())
        .toArray(String[]::new)));
  }

  private static void jsonLines(ReportReader reader, Report report, OutputStream out, LongConsumer progress)
      throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    stream(reader, report, w, progress, m -> {
      w.write(Json.write(m));
      w.write('\n');
    });
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
