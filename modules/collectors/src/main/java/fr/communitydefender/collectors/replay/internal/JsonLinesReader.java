package fr.communitydefender.collectors.replay.internal;

import fr.communitydefender.collectors.replay.ReplayRecord;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.json.JsonDecodeException;
import fr.communitydefender.domain.mention.Mention;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads JSON Lines of mentions; a line that is not a valid mention becomes a {@link ReplayRecord.Malformed}. */
public final class JsonLinesReader {
  private JsonLinesReader() {}

  public static List<ReplayRecord> read(Path file) throws IOException {
    List<ReplayRecord> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        ReplayRecord r = parse(n, line);
        if (r != null) {
          out.add(r);
        }
      }
    }
    return out;
  }

  /** Parses one line; null for blank and comment lines. */
  public static ReplayRecord parse(long lineNumber, String line) {
    String trimmed = line.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return null;
    }
    try {
      return new ReplayRecord.Parsed(lineNumber, Json.read(trimmed, Mention.class));
    } catch (JsonDecodeException e) {
      return new ReplayRecord.Malformed(lineNumber, e.getMessage(), line);
    }
  }
}
