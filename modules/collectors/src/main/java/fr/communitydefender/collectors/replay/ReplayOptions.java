package fr.communitydefender.collectors.replay;

import java.nio.file.Path;
import java.util.List;

/**
 * What to replay and how: {@code speed} ×N of real time (0 = as fast as possible), {@code rebase} shifts event times so
 * the first event is "now" (a drill on today's clock), {@code assignWatches} tags every mention with these watches
 * (for datasets about one crisis, e.g. CrisisLex, whose texts do not name our watches).
 */
public record ReplayOptions(Path file, ReplayFormat format, double speed, boolean rebase, List<String> assignWatches,
    boolean progress) {
  public ReplayOptions {
    if (file == null) {
      throw new IllegalArgumentException("file: required");
    }
    format = format == null ? ReplayFormat.detect(file) : format;
    if (speed < 0) {
      throw new IllegalArgumentException("speed: must be 0 (as fast as possible) or positive");
    }
    assignWatches = assignWatches == null ? List.of() : List.copyOf(assignWatches);
  }
}
