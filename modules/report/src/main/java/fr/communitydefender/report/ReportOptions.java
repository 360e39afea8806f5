package fr.communitydefender.report;

import java.util.List;
import java.util.Locale;

/**
 * How to write a report: {@code lang} (fr, default, or en); {@code outside}: for readers outside the team (the
 * default) — authors pseudonymised, handles in texts masked except the institutional accounts, no links;
 * {@code institutional}: handles that stay visible (the commune's own accounts, the préfecture's), without the @.
 */
public record ReportOptions(String lang, boolean outside, List<String> institutional) {
  public ReportOptions {
    lang = lang == null || lang.isBlank() ? "fr" : lang.strip().toLowerCase(Locale.ROOT);
    if (!lang.equals("fr") && !lang.equals("en")) {
      throw new IllegalArgumentException("lang: fr or en, got '" + lang + "'");
    }
    institutional = institutional == null ? List.of() : institutional.stream()
        .map(h -> h.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
  }

  public static ReportOptions defaults() {
    return new ReportOptions("fr", true, List.of());
  }
}
