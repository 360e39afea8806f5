package fr.communitydefender.collectors.replay.internal;

import fr.communitydefender.collectors.replay.ReplayRecord;
import fr.communitydefender.domain.mention.Mention;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a CrisisLexT26 id file ({@code Timestamp, Tweet-ID, Included}), joined with tweet texts when given. */
public final class CrisisLexReader {
  static final DateTimeFormatter TWITTER_TIME =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);
  private static final String ID_SUFFIX = "-tweetids_entire_period.csv";

  private CrisisLexReader() {}

  /** The {@code *-tweets_labeled.csv} beside a {@code *-tweetids_entire_period.csv}, or null. */
  public static Path labelledSibling(Path idFile) {
    String name = idFile.getFileName().toString();
    if (!name.endsWith(ID_SUFFIX)) {
      return null;
    }
    Path sibling = idFile.resolveSibling(name.substring(0, name.length() - ID_SUFFIX.length()) + "-tweets_labeled.csv");
    return Files.isRegularFile(sibling) ? sibling : null;
  }

  public static List<ReplayRecord> read(Path idFile, Path textFile) throws IOException {
    Map<String, String> texts = textFile == null ? Map.of() : texts(textFile);
    String origin = idFile.getFileName().toString();
    List<ReplayRecord> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(idFile, StandardCharsets.UTF_8)) {
      Csv csv = new Csv(in);
      List<String> row = csv.next();
      if (row == null) {
        return out;
      }
      if (row.isEmpty() || !row.get(0).equalsIgnoreCase("Timestamp")) {
        out.add(toRecord(csv.recordLine(), row, texts, origin));
      }
      while ((row = csv.next()) != null) {
        if (row.size() == 1 && row.get(0).isEmpty()) {
          continue;
        }
        out.add(toRecord(csv.recordLine(), row, texts, origin));
      }
    }
    out.sort(Comparator.comparing(CrisisLexReader::timeOf));
    return out;
  }

  /**
   * A {@code *-tweets_labeled.csv} alone (an event without an id file, like Boston): each tweet's time comes from its
   * id (Twitter ids since 2010 are "snowflakes": milliseconds since 2010-11-04T01:42:54.657Z in the top bits).
   */
  public static List<ReplayRecord> readLabelled(Path textFile) throws IOException {
    String origin = textFile.getFileName().toString();
    List<ReplayRecord> out = new ArrayList<>();
    for (Map.Entry<String, String> e : texts(textFile).entrySet()) {
      long id = Long.parseLong(e.getKey());
      Instant at = Instant.ofEpochMilli((id >> 22) + 1_288_834_974_657L);
      out.add(new ReplayRecord.Parsed(0, new Mention("tw-" + e.getKey(), "crisislex:" + origin, at, e.getValue(),
          null, null, null, 0, List.of())));
    }
    out.sort(Comparator.comparing(CrisisLexReader::timeOf));
    return out;
  }

  private static Instant timeOf(ReplayRecord r) {
    return r instanceof ReplayRecord.Parsed p ? p.mention().publishedAt() : Instant.MIN;
  }

  private static ReplayRecord toRecord(long line, List<String> row, Map<String, String> texts, String origin) {
    String raw = String.join(",", row);
    if (row.size() < 2) {
      return new ReplayRecord.Malformed(line, "expected columns Timestamp, Tweet-ID, Included", raw);
    }
    Instant at;
    try {
      at = ZonedDateTime.parse(row.get(0), TWITTER_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return new ReplayRecord.Malformed(line, "Timestamp: cannot parse '" + row.get(0) + "'", raw);
    }
    String tweetId = row.get(1);
    if (!tweetId.matches("\\d{1,20}")) {
      return new ReplayRecord.Malformed(line, "Tweet-ID: not a number '" + tweetId + "'", raw);
    }
    String text = texts.getOrDefault(tweetId, "");
    return new ReplayRecord.Parsed(line, new Mention("tw-" + tweetId, "crisislex:" + origin, at, text, null,
        null, null, 0, List.of()));
  }

  private static Map<String, String> texts(Path file) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Csv csv = new Csv(in);
      List<String> row;
      while ((row = csv.next()) != null) {
        if (row.size() >= 2 && row.get(0).matches("\\d{1,20}")) {
          out.put(row.get(0), row.get(1));
        }
      }
    }
    return out;
  }
}
