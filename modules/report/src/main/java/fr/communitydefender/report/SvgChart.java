package fr.communitydefender.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The volume curve as SVG (vectors, the same in the PDF and the HTML): bars of mentions per minute, their negative
 * part in red, markers for detection (D), acknowledgements (P), publications (C) and resolution (R), time ticks in
 * Paris time. Only numbers and fixed letters go in: no text from mentions.
 */
final class SvgChart {
  static final int WIDTH = 720;
  static final int HEIGHT = 240;
  private static final int LEFT = 40;
  private static final int BOTTOM = 24;
  private static final int TOP = 12;
  private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.FRANCE)
      .withZone(ZoneId.of("Europe/Paris"));

  record Marker(Instant at, String letter, String colour) {}

  private SvgChart() {}

  static String render(List<Report.Minute> minutes, List<Marker> markers) {
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\">");
    s.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" fill=\"#ffffff\"/>");
    if (minutes.isEmpty()) {
      return s.append("</svg>").toString();
    }
    long max = Math.max(1, minutes.stream().mapToLong(Report.Minute::count).max().orElse(1));
    double plotW = WIDTH - LEFT - 8;
    double plotH = HEIGHT - TOP - BOTTOM;
    double w = plotW / minutes.size();
    Instant start = minutes.get(0).t();
    for (int i = 0; i < minutes.size(); i++) {
      Report.Minute m = minutes.get(i);
      double h = plotH * m.count() / max;
      double hn = plotH * m.negative() / max;
      double x = LEFT + i * w;
      s.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"#1d4ed8\"/>",
          x, TOP + plotH - h, Math.max(w - 0.5, 0.5), h));
      if (hn > 0) {
        s.append(String.format(Locale.ROOT,
            "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"#b42318\"/>",
            x, TOP + plotH - hn, Math.max(w - 0.5, 0.5), hn));
      }
    }
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\" stroke=\"#333\"/>",
        LEFT, TOP + plotH, WIDTH - 8, TOP + plotH));
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.2f\" stroke=\"#333\"/>",
        LEFT, TOP, LEFT, TOP + plotH));
    for (long v : new long[] {0, max / 2, max}) {
      double y = TOP + plotH - plotH * v / max;
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.2f\" font-size=\"10\" text-anchor=\"end\" "
          + "font-family=\"DejaVu Sans, sans-serif\">%d</text>", LEFT - 4, y + 3, v));
    }
    int step = Math.max(1, minutes.size() / 8);
    for (int i = 0; i < minutes.size(); i += step) {
      double x = LEFT + i * w;
      s.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\" "
          + "font-family=\"DejaVu Sans, sans-serif\">%s</text>", x, HEIGHT - 8, HM.format(minutes.get(i).t())));
    }
    for (Marker mk : markers) {
      long index = java.time.Duration.between(start, mk.at()).toMinutes();
      if (index < 0 || index > minutes.size()) {
        continue;
      }
      double x = LEFT + index * w + w / 2;
      s.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" "
          + "stroke-width=\"2\" stroke-dasharray=\"4,3\"/>", x, TOP, x, TOP + plotH, mk.colour()));
      s.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%d\" font-size=\"11\" font-weight=\"bold\" "
          + "fill=\"%s\" font-family=\"DejaVu Sans, sans-serif\">%s</text>", x + 3, TOP + 10, mk.colour(),
          mk.letter()));
    }
    return s.append("</svg>").toString();
  }
}
