package fr.communitydefender.collectors.live.internal;

import fr.communitydefender.domain.watch.WatchMatcher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Text helpers for collectors: HTML to plain text (safely: a parser, no regex), keyword filters, short hashes. */
public final class Texts {
  /** A private-use character marking line breaks through jsoup's whitespace normalisation. */
  private static final String BREAK = "\uE000";

  private Texts() {}

  /**
   * Plain text of an HTML fragment: tags dropped, entities decoded, paragraphs and line breaks kept as new lines.
   * Scripts and styles are dropped with their content.
   */
  public static String plain(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    Document doc = Jsoup.parseBodyFragment(html);
    doc.select("script, style").remove();
    doc.select("br").before(BREAK);
    doc.select("p, li, div, h1, h2, h3, h4, blockquote").after(BREAK);
    String text = doc.body().text().replace(BREAK, "\n");
    return text.replaceAll("[ \\t]*\n[ \\t]*", "\n").replaceAll("\n{3,}", "\n\n").trim();
  }

  /** Whether {@code text} contains any of the (already folded) keywords; true when there are none. */
  public static boolean matchesAny(String text, List<String> foldedKeywords) {
    if (foldedKeywords.isEmpty()) {
      return true;
    }
    String t = WatchMatcher.fold(text);
    for (String k : foldedKeywords) {
      if (t.contains(k)) {
        return true;
      }
    }
    return false;
  }

  public static List<String> foldAll(List<String> words) {
    return words == null ? List.of() : words.stream().map(WatchMatcher::fold).toList();
  }

  /** The first 16 bytes of SHA-256, hex: a short stable id for long identifiers (feed guids). */
  public static String shortHash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Shortens to at most {@code max} characters (a mention's text limit). */
  public static String cap(String s, int max) {
    return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
  }
}
