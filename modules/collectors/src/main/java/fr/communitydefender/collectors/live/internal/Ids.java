package fr.communitydefender.collectors.live.internal;

/** Comparisons of the sources' ids. */
public final class Ids {
  private Ids() {}

  /** Orders decimal ids of any length (Mastodon and X ids exceed a long's digits in places): longer is larger. */
  public static int compareNumeric(String a, String b) {
    String x = strip(a);
    String y = strip(b);
    return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
  }

  private static String strip(String s) {
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }
}
