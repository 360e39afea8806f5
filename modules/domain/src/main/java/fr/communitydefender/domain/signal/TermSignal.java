package fr.communitydefender.domain.signal;

import java.time.Instant;

/**
 * A term of a watch's mentions that was not seen for a while and is now repeated: {@code count} mentions carried it
 * in the hour up to {@code at}; {@code previousSeen} is when it was last seen before (null: never, as far as the
 * stage remembers — 30 days). Keyed by watch id, like the volume signals.
 */
public record TermSignal(String watchId, String term, Instant at, long count, Instant previousSeen) {
  public TermSignal {
    if (watchId == null || term == null || term.isBlank() || at == null || count < 1) {
      throw new IllegalArgumentException("watchId, term, at and a positive count are required");
    }
  }
}
