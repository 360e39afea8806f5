package fr.communitydefender.streams.volume.internal;

import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.mention.MentionAnalysis;
import java.util.Set;
import java.util.TreeSet;

/**
 * The running aggregate of one watch's window, kept in the window store: counts, sentiment, reach, and up to
 * {@value #MAX_AUTHORS} hashed author handles for the distinct-author count (beyond that the count is a floor), and
 * the count per source (up to {@value #MAX_SOURCES} sources), and the mentions by verified authors.
 */
public record WindowStats(long count, long scored, long negative, double sentimentSum, long reach, long maxReach,
    Set<Integer> authors, java.util.Map<String, Long> sources, long verified) {
  static final int MAX_SOURCES = 50;
  static final int MAX_AUTHORS = 2_000;

  public WindowStats {
    authors = authors == null ? new TreeSet<>() : new TreeSet<>(authors);
    sources = sources == null ? new java.util.TreeMap<>() : new java.util.TreeMap<>(sources);
  }

  public static WindowStats empty() {
    return new WindowStats(0, 0, 0, 0, 0, 0, null, null, 0);
  }

  public WindowStats plus(Mention m) {
    MentionAnalysis a = m.analysis();
    boolean hasSentiment = a != null && !MentionAnalysis.UNSUPPORTED.equals(a.sentiment());
    Set<Integer> who = new TreeSet<>(authors);
    if (m.author() != null && who.size() < MAX_AUTHORS) {
      who.add(m.author().toLowerCase(java.util.Locale.ROOT).hashCode());
    }
    return new WindowStats(count + 1, scored + (hasSentiment ? 1 : 0),
        negative + (hasSentiment && MentionAnalysis.NEGATIVE.equals(a.sentiment()) ? 1 : 0),
        sentimentSum + (hasSentiment ? a.score() : 0), reach + m.reach(), Math.max(maxReach, m.reach()), who,
        bySource(m.source()), verified + (m.details() != null && m.details().verified() ? 1 : 0));
  }

  private java.util.Map<String, Long> bySource(String source) {
    java.util.Map<String, Long> out = new java.util.TreeMap<>(sources);
    if (out.containsKey(source) || out.size() < MAX_SOURCES) {
      out.merge(source, 1L, Long::sum);
    }
    return out;
  }
}
