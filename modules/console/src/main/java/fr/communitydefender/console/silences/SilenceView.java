package fr.communitydefender.console.silences;

import fr.communitydefender.domain.incident.Silence;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The latest version of every silence, built from the silences topic. Thread-safe. */
public final class SilenceView {
  private final ConcurrentHashMap<String, Silence> byId = new ConcurrentHashMap<>();

  public void apply(Silence silence) {
    byId.put(silence.id(), silence);
  }

  public Silence get(String id) {
    return byId.get(id);
  }

  /** Active ones first (soonest to end first), then the ended ones, most recent first. */
  public List<Silence> list(Instant now) {
    return byId.values().stream().sorted(Comparator.comparing((Silence s) -> !s.activeAt(now))
        .thenComparing(s -> s.activeAt(now) ? s.expiresAt() : Instant.MAX.minusMillis(s.expiresAt().toEpochMilli())))
        .toList();
  }
}
