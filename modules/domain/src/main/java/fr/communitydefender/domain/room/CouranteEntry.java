package fr.communitydefender.domain.room;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of an incident's main courante: what happened ({@code type}, a sentence in {@code text}, details in
 * {@code data}), who ({@code actor}) and when. Entries are numbered from 1 per incident and chained: {@code prev} is
 * the previous entry's {@code hash} (64 zeros for the first) and {@code hash} the SHA-256 of this entry's content
 * and {@code prev} ({@link #computeHash()}), so a changed, inserted or removed entry breaks the chain where it is.
 */
public record CouranteEntry(String incidentId, long seq, Instant at, String actor, String type, String text,
    Map<String, String> data, String prev, String hash) {
  public static final String GENESIS = "0".repeat(64);

  public CouranteEntry {
    data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(data));
  }

  /** A new entry after {@code prev}, its hash computed. */
  public static CouranteEntry chained(String incidentId, long seq, Instant at, String actor, String type, String text,
      Map<String, String> data, String prev) {
    CouranteEntry e = new CouranteEntry(incidentId, seq, at, actor, type, text, data, prev, null);
    return new CouranteEntry(incidentId, seq, at, actor, type, text, data, prev, e.computeHash());
  }

  /**
   * SHA-256 (hex) over every field but the hash, each written as its length and its UTF-8 text so that no two
   * different entries have the same input; {@code data} in key order.
   */
  public String computeHash() {
    StringBuilder b = new StringBuilder();
    field(b, incidentId);
    field(b, Long.toString(seq));
    field(b, at == null ? "" : at.toString());
    field(b, actor);
    field(b, type);
    field(b, text);
    for (Map.Entry<String, String> d : new TreeMap<>(data).entrySet()) {
      field(b, d.getKey());
      field(b, d.getValue());
    }
    field(b, prev);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void field(StringBuilder b, String s) {
    String v = s == null ? "" : s;
    b.append(v.length()).append(':').append(v).append(';');
  }
}
