package fr.communitydefender.domain.text;

/** Untrusted text (mentions, titles that quote them) made safe for HTML and XHTML pages, as text. */
public final class Html {
  private Html() {}

  /**
   * Escapes {@code < > & " '} and drops the control characters XML does not allow (tab and line breaks stay); null
   * becomes empty.
   */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    s.codePoints().forEach(c -> {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            sb.appendCodePoint(c);
          }
        }
      }
    });
    return sb.toString();
  }
}
