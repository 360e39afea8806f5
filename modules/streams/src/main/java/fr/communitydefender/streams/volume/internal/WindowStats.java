package fr.communitydefender.streams.volume.internal;

import fr.communitydefender.domain.mention.MentionAnalysis;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running aggregate of one watch's window, kept in the window store: counts, sentiment, reach, and up to
 * {@value #MAX_AUTHORS} hashed author handles for the distinct-author count (beyond that the count is a floor), and
 * the count per source (up to {@value #MAX_SOURCES} sources), and the mentions by verified authors. The author hashes
 * are a sorted array without repeats (a copy per update is a memory copy, not a tree of boxed numbers).
 */
public record WindowStats(long count, long scored, long negative, double sentimentSum, long reach, long maxReach,
    int[] authors, Map<String, Long> sources, long verified) {
  static final int MAX_SOURCES = 50;
  static final int MAX_AUTHORS = 2_000;

  public WindowStats {
    authors = authors == null ? new int[0] : sortedDistinct(authors);
    sources = sources == null ? new TreeMap<>() : sources;
  }

  public static WindowStats empty() {
    return new WindowStats(0, 0, 0, 0, 0, 0, null, null, 0);
  }

  /** The number of distinct (hashed) authors, a floor beyond {@value #MAX_AUTHORS}. */
  public int authorCount() {
    return authors.length;
  }

  public WindowStats plus(Counted m) {
    boolean hasSentiment = m.hasSentiment();
    int[] who = authors;
    if (m.hasAuthor() && who.length < MAX_AUTHORS) {
      int h = m.authorHash();
      int at = Arrays.binarySearch(who, h);
      if (at < 0) {
        int insert = -at - 1;
        int[] grown = new int[who.length + 1];
        System.arraycopy(who, 0, grown, 0, insert);
        grown[insert] = h;
        System.arraycopy(who, insert, grown, insert + 1, who.length - insert);
        who = grown;
      }
    }
    return new WindowStats(count + 1, scored + (hasSentiment ? 1 : 0),
        negative + (hasSentiment && MentionAnalysis.NEGATIVE.equals(m.sentiment()) ? 1 : 0),
        sentimentSum + (hasSentiment ? m.score() : 0), reach + m.reach(), Math.max(maxReach, m.reach()), who,
        bySource(m.source()), verified + (m.verified() ? 1 : 0));
  }

  private Map<String, Long> bySource(String source) {
    if (sources.containsKey(source) || sources.size() < MAX_SOURCES) {
      Map<String, Long> out = new TreeMap<>(sources);
      out.merge(source, 1L, Long::sum);
      return out;
    }
    return sources;
  }

  private static int[] sortedDistinct(int[] values) {
    for (int i = 1; i < values.length; i++) {
      if (values[i] <= values[i - 1]) {
        return Arrays.stream(values).sorted().distinct().toArray();
      }
    }
    return values;
  }
}
