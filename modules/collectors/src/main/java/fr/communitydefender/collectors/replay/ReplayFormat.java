package fr.communitydefender.collectors.replay;

import fr.communitydefender.collectors.replay.internal.CrisisLexReader;
import fr.communitydefender.collectors.replay.internal.JsonLinesReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The dataset layouts a drill can replay. */
public enum ReplayFormat {
  /** One {@code Mention} JSON document a line; blank lines and lines starting with {@code #} are skipped. */
  JSONL,
  /**
   * CrisisLexT26: {@code Timestamp, Tweet-ID, Included} rows, joined when available with the text of the sibling
   * {@code *-tweets_labeled.csv} ({@code Tweet ID, Tweet Text, ...}); a labelled file alone is replayed with times
   * derived from the tweet ids. Rows are replayed in time order.
   */
  CRISISLEX;

  public static ReplayFormat detect(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".csv") ? CRISISLEX : JSONL;
  }

  public List<ReplayRecord> read(Path file) throws IOException {
    return switch (this) {
      case JSONL -> JsonLinesReader.read(file);
      case CRISISLEX -> file.getFileName().toString().endsWith("-tweets_labeled.csv")
          ? CrisisLexReader.readLabelled(file) : CrisisLexReader.read(file, CrisisLexReader.labelledSibling(file));
    };
  }
}
