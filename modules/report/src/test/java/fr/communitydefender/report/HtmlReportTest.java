package fr.communitydefender.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.incident.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The report's HTML and PDF from a report built in the test (the real data path is covered by ReportIT). */
class HtmlReportTest {
  private static final Instant OPENED = Instant.parse("2026-03-14T18:40:30Z");

  static Report report(boolean outside, String lang) {
    Incident incident = new Incident("spike.ville.1", "spike", "ville", Severity.HIGH,
        "Pic <script>alert(1)</script> & crue", Incident.Status.RESOLVED, OPENED, OPENED, OPENED.plusSeconds(1800), 40,
        40, 20, Duration.ofMinutes(5), "40 mentions en 5m");
    List<Report.Minute> curve = new ArrayList<>();
    Instant from = Instant.parse("2026-03-14T17:40:00Z");
    for (int i = 0; i < 91; i++) {
      curve.add(new Report.Minute(from.plusSeconds(60L * i), i > 55 && i < 70 ? 10 + i % 7 : 1, i > 55 ? 3 : 0));
    }
    List<IncidentEvent> events = List.of(new IncidentEvent(IncidentEvent.Type.OPENED, OPENED, incident, null),
        new IncidentEvent(IncidentEvent.Type.ACKNOWLEDGED, OPENED.plusSeconds(240), incident, "marie"),
        new IncidentEvent(IncidentEvent.Type.RESOLVED, OPENED.plusSeconds(1800), incident, null));
    List<Report.Entry> pages = List.of(new Report.Entry(OPENED.plusSeconds(5), "pager", "page.sent",
        "opened, niveau 1, astreinte par email (a•••@commune.example, smtp)"));
    List<Report.Entry> courante = new ArrayList<>(pages);
    courante.add(new Report.Entry(OPENED.plusSeconds(240), "marie", "incident.acknowledge", "<b>je prends</b>"));
    Audience a = new Audience(new ReportOptions(lang, outside, List.of()));
    List<Report.Post> top = List.of(new Report.Post("m1", OPENED, "mastodon", a.author("0123456789abcdef"),
        a.text("@jean.dupont la digue cède https://t.example/1"), a.url("https://mastodon.example/@jean/1"), 12000,
        "negative"));
    KeyFigures f = KeyFigures.compute(incident, events, curve, pages, List.of(), from, OPENED.plusSeconds(1800), 245,
        120, 3);
    return new Report(incident, from, OPENED.plusSeconds(1860), OPENED.plusSeconds(7200), curve, events, courante,
        pages, f, top, List.of(new Report.Count("digue", 40)), List.of(new Report.Entity("Loire", "LOC", 12)),
        List.of(new Report.Count("mastodon", 200)),
        new ReportOptions(lang, outside, List.of()));
  }

  @Test
  void shouldWriteAStandaloneWellFormedPageWithEscapedTextAndNoExternalReference() throws Exception {
    String html = new HtmlReport(report(true, "fr"), "Sainte-Aure", "Crue maîtrisée <i>vite</i>.").render();
    DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    assertThat(html).contains("Pic &lt;script&gt;alert(1)&lt;/script&gt; &amp; crue").doesNotContain("<script")
        .contains("Crue maîtrisée &lt;i&gt;vite&lt;/i&gt;.").contains("<svg").contains("Chiffres clés")
        .contains("Main courante").contains("4 min 00 s").contains("Entités nommées").contains("Loire");
    assertThat(html.replace("http://www.w3.org/", "")).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//")
        .doesNotContain("@import").doesNotContain("url(");
    assertThat(html).doesNotContain("jean").doesNotContain("t.example").doesNotContain("mastodon.example")
        .contains("auteur-01234567").contains("@•••");
  }

  @Test
  void shouldWriteAPagedPdfWithEmbeddedFontsTableOfContentsAndFigures() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfReport.write(new HtmlReport(report(true, "fr"), "Sainte-Aure", null).render(), out);
    try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
      assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(4);
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).containsIgnoringCase("Retour d'expérience").contains("Sommaire").contains("Chiffres clés")
          .contains("Délai de prise en charge").contains("4 min 00 s").contains("Main courante")
          .contains("Alertes envoyées").contains("Sainte-Aure").contains("1 / " + pdf.getNumberOfPages());
      for (var page : pdf.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
      assertThat(pdf.getDocumentCatalog().getDocumentOutline()).as("bookmarks").isNotNull();
    }
  }

  @Test
  void shouldSpeakEnglishWhenAsked() {
    assertThat(new HtmlReport(report(false, "en"), "Sainte-Aure", null).render()).contains("Key figures")
        .contains("Time to acknowledgement").contains("https://mastodon.example/@jean/1");
  }
}
