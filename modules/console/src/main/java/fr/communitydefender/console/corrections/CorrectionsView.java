package fr.communitydefender.console.corrections;

import fr.communitydefender.domain.mention.SentimentCorrection;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The corrections, as the compacted topic holds them (fed by the console's reader thread). */
public final class CorrectionsView {
  private final Map<String, SentimentCorrection> byMention = new ConcurrentHashMap<>();

  public void apply(String mentionId, SentimentCorrection c) {
    if (c == null) {
      byMention.remove(mentionId);
    } else {
      byMention.put(mentionId, c);
    }
  }

  public Collection<SentimentCorrection> all() {
    return List.copyOf(byMention.values());
  }

  /** The newest first, at most {@code limit}. */
  public List<SentimentCorrection> newest(int limit) {
    return byMention.values().stream().sorted(Comparator.comparing(SentimentCorrection::at).reversed())
        .limit(limit).toList();
  }

  /** The corrections of mentions by this pseudonymous author (for an erasure). */
  public List<SentimentCorrection> byAuthor(String authorKey) {
    return byMention.values().stream().filter(c -> authorKey != null && authorKey.equals(c.authorKey())).toList();
  }
}
