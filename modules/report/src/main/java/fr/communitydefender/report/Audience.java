package fr.communitydefender.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a report's reader may see of people. For readers outside the team: authors are shown by a short pseudonym
 * (from the stored pseudonymous key — handles are never stored), handles in texts are masked except the
 * institutional accounts, links are left out. For the team: the keys, texts and links as stored.
 */
final class Audience {
  private static final Pattern HANDLE = Pattern.compile("(?<![\\w@])@([\\p{L}\\p{N}_.]{1,64})(@[\\w.-]+)?");
  private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
  private final ReportOptions options;

  Audience(ReportOptions options) {
    this.options = options;
  }

  String author(String authorKey) {
    if (authorKey == null) {
      return "";
    }
    return options.outside() ? "auteur-" + authorKey.substring(0, Math.min(8, authorKey.length())) : authorKey;
  }

  String text(String text) {
    if (text == null || !options.outside()) {
      return text;
    }
    Matcher m = HANDLE.matcher(LINK.matcher(text).replaceAll("[lien]"));
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String handle = m.group(1).toLowerCase(java.util.Locale.ROOT);
      m.appendReplacement(sb, Matcher.quoteReplacement(options.institutional().contains(handle) ? m.group() : "@•••"));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  String url(String url) {
    return options.outside() ? null : url;
  }
}
