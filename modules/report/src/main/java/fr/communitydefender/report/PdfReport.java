package fr.communitydefender.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The report as PDF: the HTML report laid out by openhtmltopdf on PDFBox — A4 pages numbered « n / total », a table of
 * contents with page numbers and PDF bookmarks, the DejaVu Sans font embedded (packaged at build time), the chart as
 * vectors (SVG through Batik).
 */
final class PdfReport {
  private PdfReport() {}

  static void write(String html, OutputStream out) throws IOException {
    PdfRendererBuilder b = new PdfRendererBuilder();
    b.useFastMode();
    b.useFont(() -> font("DejaVuSans.ttf"), "DejaVu Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
    b.useFont(() -> font("DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
    b.useSVGDrawer(new BatikSVGDrawer());
    b.withHtmlContent(html, null);
    b.toStream(out);
    b.run();
  }

  private static InputStream font(String name) {
    InputStream in = PdfReport.class.getResourceAsStream("fonts/" + name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("font " + name + " missing from the build"));
    }
    return in;
  }
}
