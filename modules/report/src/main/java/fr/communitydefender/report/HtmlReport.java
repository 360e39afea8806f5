package fr.communitydefender.report;

import fr.communitydefender.domain.incident.IncidentEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The report as one standalone XHTML document (inline style and SVG: no network needed to view it), also the input of
 * the PDF, whose page numbers and table of contents come from the same markup ({@code @page} and
 * {@code target-counter}, which browsers ignore). Every text from data is escaped.
 */
public final class HtmlReport {
  private final Report r;
  private final ResourceBundle b;
  private final DateTimeFormatter dateTime;
  private final String commune;
  private final String summary;

  public HtmlReport(Report report, String commune, String summary) {
    this.r = report;
    Locale locale = Locale.forLanguageTag(report.options().lang());
    this.b = ResourceBundle.getBundle("fr.communitydefender.report.report", locale);
    this.dateTime = DateTimeFormatter.ofPattern(locale.getLanguage().equals("en") ? "d MMM yyyy HH:mm" : "d MMM yyyy 'à' HH:mm",
        locale).withZone(ZoneId.of("Europe/Paris"));
    this.commune = commune == null || commune.isBlank() ? "—" : commune;
    this.summary = summary;
  }

  static String esc(String s) {
    return fr.communitydefender.domain.text.Html.escape(s);
  }

  private String t(String key) {
    return b.getString(key);
  }

  private String when(Instant i) {
    return i == null ? t("figures.none") : dateTime.format(i);
  }

  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM HH:mm:ss")
      .withZone(ZoneId.of("Europe/Paris"));

  private static String shortWhen(Instant i) {
    return i == null ? "" : SHORT.format(i);
  }

  private String delay(Duration d) {
    if (d == null) {
      return t("figures.none");
    }
    long s = d.toSeconds();
    return s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
        : String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }

  private static String pct(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.1f %%", v * 100);
  }

  private static final String[][] SECTIONS = {{"figures", "figures"}, {"curves", "curves"}, {"top", "top"},
      {"terms", "terms"}, {"courante", "courante"}, {"responses", "responses"}, {"pages", "pages"}};

  public String render() {
    StringBuilder h = new StringBuilder(64 * 1024);
    var i = r.incident();
    KeyFigures f = r.figures();
    h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(r.options().lang())
        .append("\"><head><meta charset=\"utf-8\"/><title>").append(esc(t("title") + " — " + i.title()))
        .append("</title><style>").append(CSS).append("</style><bookmarks>");
    for (String[] s : SECTIONS) {
      h.append("<bookmark name=\"").append(esc(t(s[1]))).append("\" href=\"#").append(s[0]).append("\"/>");
    }
    h.append("</bookmarks></head><body>");
    h.append("<section class=\"cover\"><p class=\"kicker\">").append(esc(t("title"))).append("</p><h1>")
        .append(esc(i.title())).append("</h1><table class=\"facts\">");
    row(h, t("cover.commune"), commune);
    row(h, t("cover.incident"), i.id() + " — " + i.watchId());
    row(h, t("cover.severity"), t("severity." + i.severity().id()));
    row(h, t("cover.period"), when(r.from()) + " → " + when(r.to()));
    row(h, t("cover.status"), t("status." + i.status().name()));
    row(h, t("cover.generated"), when(r.generatedAt()));
    h.append("</table><h2 class=\"summary-title\">").append(esc(t("cover.summary"))).append("</h2><p class=\"summary\">")
        .append(esc(summary == null || summary.isBlank() ? t("cover.noSummary") : summary)).append("</p>");
    h.append("<p class=\"audience\">").append(esc(t(r.options().outside() ? "cover.audience.outside"
        : "cover.audience.team"))).append("</p>");
    h.append("<nav class=\"toc\"><h2>").append(esc(t("toc"))).append("</h2><ol>");
    for (String[] s : SECTIONS) {
      h.append("<li><a href=\"#").append(s[0]).append("\">").append(esc(t(s[1]))).append("</a></li>");
    }
    h.append("</ol></nav></section>");

    section(h, "figures");
    h.append("<table class=\"figures\">");
    row(h, t("figures.firstRise"), when(f.firstRise()));
    row(h, t("figures.toDetect"), delay(f.toDetect()));
    row(h, t("figures.toFirstPage"), delay(f.toFirstPage()));
    row(h, t("figures.toAcknowledge"), delay(f.toAcknowledge()));
    row(h, t("figures.toApproved"), delay(f.toFirstApprovedResponse()));
    row(h, t("figures.toPublication"), delay(f.toPublication()));
    row(h, t("figures.peak"), f.peak() + (f.peakAt() == null ? "" : " / min — " + when(f.peakAt())));
    row(h, t("figures.negativeBefore"), pct(f.negativeShareBefore()));
    row(h, t("figures.negativeAfter"), pct(f.negativeShareAfter()));
    row(h, t("figures.mentions"), Long.toString(f.mentions()));
    row(h, t("figures.authors"), Long.toString(f.authors()));
    row(h, t("figures.sources"), Long.toString(f.sources()));
    h.append("</table></section>");

    section(h, "curves");
    List<SvgChart.Marker> markers = new ArrayList<>();
    markers.add(new SvgChart.Marker(i.openedAt(), "D", "#b54708"));
    for (IncidentEvent e : r.events()) {
      if (e.type() == IncidentEvent.Type.ACKNOWLEDGED) {
        markers.add(new SvgChart.Marker(e.at(), "P", "#067647"));
      } else if (e.type() == IncidentEvent.Type.RESOLVED) {
        markers.add(new SvgChart.Marker(e.at(), "R", "#475569"));
      }
    }
    h.append("<div class=\"chart\">").append(SvgChart.render(r.periodCurve(), markers)).append("</div><p class=\"note\">")
        .append(esc(t("curves.legend"))).append("</p></section>");

    section(h, "top");
    h.append("<table class=\"list fixed\"><colgroup><col style=\"width:13%\"/><col style=\"width:11%\"/>"
        + "<col style=\"width:15%\"/><col style=\"width:9%\"/><col style=\"width:52%\"/></colgroup><tr><th>")
        .append(esc(t("col.at"))).append("</th><th>").append(esc(t("col.source")))
        .append("</th><th>").append(esc(t("col.author"))).append("</th><th>").append(esc(t("top.reach")))
        .append("</th><th>").append(esc(t("col.text"))).append("</th></tr>");
    for (Report.Post p : r.topPosts()) {
      h.append("<tr><td>").append(esc(shortWhen(p.at()))).append("</td><td>").append(esc(p.source()))
          .append("</td><td>")
          .append(esc(p.author())).append("</td><td class=\"num\">").append(p.reach()).append("</td><td>")
          .append(esc(p.text()));
      if (p.url() != null) {
        h.append("<br/><span class=\"url\">").append(esc(p.url())).append("</span>");
      }
      h.append("</td></tr>");
    }
    h.append("</table></section>");

    section(h, "terms");
    h.append("<div class=\"two\"><table class=\"list\"><tr><th>").append(esc(t("terms.terms"))).append("</th><th>")
        .append(esc(t("col.count"))).append("</th></tr>");
    r.terms().forEach(c -> h.append("<tr><td>").append(esc(c.key())).append("</td><td class=\"num\">")
        .append(c.count()).append("</td></tr>"));
    h.append("</table><table class=\"list\"><tr><th>").append(esc(t("terms.sources"))).append("</th><th>")
        .append(esc(t("col.count"))).append("</th></tr>");
    r.sources().forEach(c -> h.append("<tr><td>").append(esc(c.key())).append("</td><td class=\"num\">")
        .append(c.count()).append("</td></tr>"));
    h.append("</table></div><h3>").append(esc(t("terms.entities"))).append("</h3>");
    if (r.entities().isEmpty()) {
      h.append("<p>").append(esc(t("figures.none"))).append("</p>");
    } else {
      h.append("<table class=\"list\"><tr><th>").append(esc(t("terms.entity"))).append("</th><th>")
          .append(esc(t("terms.type"))).append("</th><th>").append(esc(t("col.count"))).append("</th></tr>");
      r.entities().forEach(e -> h.append("<tr><td>").append(esc(e.text())).append("</td><td>").append(esc(e.type()))
          .append("</td><td class=\"num\">").append(e.count()).append("</td></tr>"));
      h.append("</table>");
    }
    h.append("</section>");

    section(h, "courante");
    h.append("<p class=\"note\">").append(esc(t("courante.chain"))).append("</p>");
    entries(h, r.courante(), t("courante.none"));
    h.append("</section>");
    section(h, "responses");
    h.append("<p>").append(esc(t("responses.none"))).append("</p></section>");
    section(h, "pages");
    entries(h, r.pages(), t("pages.none"));
    h.append("</section></body></html>\n");
    return h.toString();
  }

  private void section(StringBuilder h, String id) {
    h.append("<section class=\"part\" id=\"").append(id).append("\"><h2>").append(esc(t(id))).append("</h2>");
  }

  private void row(StringBuilder h, String k, String v) {
    h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
  }

  private void entries(StringBuilder h, List<Report.Entry> entries, String none) {
    if (entries.isEmpty()) {
      h.append("<p>").append(esc(none)).append("</p>");
      return;
    }
    h.append("<table class=\"list fixed\"><colgroup><col style=\"width:15%\"/><col style=\"width:17%\"/>"
        + "<col style=\"width:20%\"/><col style=\"width:48%\"/></colgroup><tr><th>").append(esc(t("col.at")))
        .append("</th><th>").append(esc(t("col.actor"))).append("</th><th>").append(esc(t("col.action")))
        .append("</th><th>").append(esc(t("col.detail"))).append("</th></tr>");
    for (Report.Entry e : entries) {
      h.append("<tr><td>").append(esc(shortWhen(e.at()))).append("</td><td>").append(esc(e.actor())).append("</td><td>")
          .append(esc(e.action())).append("</td><td>").append(esc(e.detail())).append("</td></tr>");
    }
    h.append("</table>");
  }

  private static final String CSS = """
      @page { size: A4; margin: 16mm 14mm 18mm 14mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-family: 'DejaVu Sans', sans-serif;
          font-size: 8pt; color: #555; } }
      html, body { font-family: 'DejaVu Sans', sans-serif; } body { font-size: 9.5pt; color: #1d2330; line-height: 1.35; }
      h1 { font-size: 20pt; margin: 4pt 0 12pt; } h2 { font-size: 13pt; margin: 14pt 0 6pt; color: #14213d; }
      .kicker { text-transform: uppercase; letter-spacing: 1pt; color: #b42318; font-weight: bold; margin: 0; }
      .cover { page-break-after: always; } .part { page-break-before: always; }
      table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: 3pt 5pt; }
      .facts th, .figures th { width: 45%; color: #475569; font-weight: normal; }
      .list th { background: #eef2f7; } .list td { border-bottom: 0.5pt solid #d0d5dd; }
      .num { text-align: right; } .url { color: #475569; font-size: 8pt; word-wrap: break-word; }
      .note, .audience { color: #475569; font-size: 8.5pt; } .summary { white-space: pre-wrap; }
      .toc ol { list-style: none; padding-left: 0; } .toc a { color: #1d2330; text-decoration: none; }
      .toc a::after { content: leader('.') target-counter(attr(href), page); }
      .two table { width: 48%; display: inline-table; margin-right: 2%; }
      .chart svg { width: 100%; height: auto; }
      td { word-wrap: break-word; } table.fixed { table-layout: fixed; } .list td, .list th { font-size: 8.5pt; }
      """;
}
