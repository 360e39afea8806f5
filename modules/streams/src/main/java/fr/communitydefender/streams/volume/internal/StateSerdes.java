package fr.communitydefender.streams.volume.internal;

import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.json.JsonDecodeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary serdes of the volume stage's own state (window aggregates, term histories): they are read and
 * written on every mention, and their JSON (thousands of numbers) cost more than the rest of the stage together.
 * Format 1 starts with byte {@code 0x01} (term histories: format 2, counts per minute; their format 1 is still read);
 * a value starting with <code>'{'</code> is the JSON of earlier versions, still read so that an upgrade restores the
 * stores from their changelogs.
 */
public final class StateSerdes {
  private static final byte FORMAT = 1;
  /** Term histories as counts per minute (format 1 kept every occurrence). */
  private static final byte HISTORY_FORMAT = 2;
  private static final long NONE = Long.MIN_VALUE;

  private StateSerdes() {}

  /** Written and read with bulk copies of the author hashes (up to 2,000 per window, read and written per mention). */
  public static Serde<WindowStats> windowStats() {
    return Serdes.serdeFrom((topic, s) -> s == null ? null : statsBytes(s), deserializer(WindowStats.class,
        StateSerdes::readStats));
  }

  /**
   * The repartitioned mention ({@link Counted}, keyed by watch): format 1, then its time, author hash, sentiment,
   * reach, source, verified mark and terms. Only this stage writes and reads it (an internal topic).
   */
  public static Serde<Counted> counted() {
    return Serdes.serdeFrom(serializer(StateSerdes::writeCounted), (topic, data) -> {
      if (data == null) {
        return null;
      }
      if (data.length == 0 || data[0] != FORMAT) {
        throw new SerializationException("unknown Counted format on " + topic);
      }
      try {
        return readCounted(data);
      } catch (IOException e) {
        throw new SerializationException("invalid Counted on " + topic + ": " + e.getMessage(), e);
      }
    });
  }

  private static void writeCounted(Counted c, DataOutputStream out) throws IOException {
    out.writeLong(c.publishedAt().getEpochSecond());
    out.writeInt(c.publishedAt().getNano());
    out.writeByte((c.hasAuthor() ? 1 : 0) | (c.verified() ? 2 : 0) | (c.sentiment() != null ? 4 : 0)
        | (c.source() != null ? 8 : 0));
    out.writeInt(c.authorHash());
    if (c.sentiment() != null) {
      out.writeUTF(c.sentiment());
    }
    out.writeDouble(c.score());
    out.writeLong(c.reach());
    if (c.source() != null) {
      out.writeUTF(c.source());
    }
    out.writeInt(c.terms().size());
    for (String t : c.terms()) {
      out.writeUTF(t);
    }
  }

  private static Counted readCounted(byte[] data) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 1, data.length - 1));
    Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
    int flags = in.readByte();
    int author = in.readInt();
    String sentiment = (flags & 4) != 0 ? in.readUTF() : null;
    double score = in.readDouble();
    long reach = in.readLong();
    String source = (flags & 8) != 0 ? in.readUTF() : null;
    int n = in.readInt();
    if (n < 0 || n > data.length) {
      throw new IOException("malformed terms");
    }
    java.util.List<String> terms = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      terms.add(in.readUTF());
    }
    return new Counted(at, (flags & 1) != 0, author, sentiment, score, reach, source, (flags & 2) != 0, terms);
  }

  /** Written and read straight from byte arrays, without streams: it is the hottest value of the stage. */
  public static Serde<NewTermDetector.TermHistory> termHistory() {
    return Serdes.serdeFrom((topic, h) -> h == null ? null : historyBytes(h), (topic, data) -> {
      if (data == null) {
        return null;
      }
      try {
        if (data.length > 0 && data[0] == '{') { // earlier versions' JSON: the occurrences themselves
          LegacyHistory old = Json.read(data, LegacyHistory.class);
          return NewTermDetector.TermHistory.ofOccurrences(old.previousSeen(), old.lastSeen(), old.recent());
        }
        if (data.length > 0 && data[0] == FORMAT) {
          return readHistory(data, false);
        }
        if (data.length > 0 && data[0] == HISTORY_FORMAT) {
          return readHistory(data, true);
        }
        throw new SerializationException("unknown TermHistory format on " + topic);
      } catch (IOException | JsonDecodeException e) {
        throw new SerializationException("invalid TermHistory on " + topic + ": " + e.getMessage(), e);
      }
    });
  }

  /** A term history as the JSON of earlier versions wrote it. */
  record LegacyHistory(Instant previousSeen, Instant lastSeen, long[] recent) {}

  private interface Writer<T> {
    void write(T value, DataOutputStream out) throws IOException;
  }

  /** Reads a value of format 1 (its first byte, the format, included). */
  private interface Reader<T> {
    T read(byte[] data) throws IOException;
  }

  private static <T> Serializer<T> serializer(Writer<T> writer) {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeByte(FORMAT);
        writer.write(value, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    };
  }

  private static <T> Deserializer<T> deserializer(Class<T> type, Reader<T> reader) {
    return (topic, data) -> {
      if (data == null) {
        return null;
      }
      try {
        if (data.length > 0 && data[0] == '{') {
          return Json.read(data, type);
        }
        if (data.length == 0 || data[0] != FORMAT) {
          throw new SerializationException("unknown " + type.getSimpleName() + " format on " + topic);
        }
        return reader.read(data);
      } catch (IOException | JsonDecodeException e) {
        throw new SerializationException("invalid " + type.getSimpleName() + " on " + topic + ": " + e.getMessage(), e);
      }
    };
  }

  /** Format 1: seven numbers, the author hashes (a count, then 4 bytes each), the sources (a count, name, count). */
  static byte[] statsBytes(WindowStats s) {
    ByteArrayOutputStream tail = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(tail)) {
      out.writeInt(s.sources().size());
      for (Map.Entry<String, Long> e : s.sources().entrySet()) {
        out.writeUTF(e.getKey());
        out.writeLong(e.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int[] authors = s.authors();
    ByteBuffer buf = ByteBuffer.allocate(1 + 7 * 8 + 4 + 4 * authors.length + tail.size());
    buf.put(FORMAT).putLong(s.count()).putLong(s.scored()).putLong(s.negative()).putDouble(s.sentimentSum())
        .putLong(s.reach()).putLong(s.maxReach()).putLong(s.verified()).putInt(authors.length);
    buf.asIntBuffer().put(authors);
    buf.position(buf.position() + 4 * authors.length);
    buf.put(tail.toByteArray());
    return buf.array();
  }

  private static WindowStats readStats(byte[] data) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(data, 1, data.length - 1);
    try {
      long count = buf.getLong();
      long scored = buf.getLong();
      long negative = buf.getLong();
      double sum = buf.getDouble();
      long reach = buf.getLong();
      long maxReach = buf.getLong();
      long verified = buf.getLong();
      int na = buf.getInt();
      if (na < 0 || na > buf.remaining() / 4) {
        throw new IOException("malformed author hashes");
      }
      int[] authors = new int[na];
      buf.asIntBuffer().get(authors);
      buf.position(buf.position() + 4 * na);
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, buf.position(), buf.remaining()));
      int n = in.readInt();
      Map<String, Long> sources = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        sources.put(in.readUTF(), in.readLong());
      }
      return new WindowStats(count, scored, negative, sum, reach, maxReach, authors, sources, verified);
    } catch (java.nio.BufferUnderflowException e) {
      throw new IOException("truncated window aggregate", e);
    }
  }

  /**
   * A term history in bytes (format 2), written without streams: the two dates (8 bytes each, {@code Long.MIN_VALUE}
   * for none), the number of minutes, then per minute its gap from the previous one (the first: itself) and its count,
   * as variable-length numbers (an hour of a frequent term: about 130 bytes).
   */
  static byte[] historyBytes(NewTermDetector.TermHistory h) {
    long[] minutes = h.minutes();
    int[] counts = h.counts();
    byte[] buf = new byte[17 + 10 + 15 * minutes.length];
    buf[0] = HISTORY_FORMAT;
    int at = putLong(buf, 1, h.previousSeen() == null ? NONE : h.previousSeen().toEpochMilli());
    at = putLong(buf, at, h.lastSeen() == null ? NONE : h.lastSeen().toEpochMilli());
    at = putVarLong(buf, at, minutes.length);
    long previous = 0;
    for (int i = 0; i < minutes.length; i++) {
      at = putVarLong(buf, at, minutes[i] - previous);
      at = putVarLong(buf, at, counts[i]);
      previous = minutes[i];
    }
    return java.util.Arrays.copyOf(buf, at);
  }

  /** Format 2 (counts per minute) or, with {@code perMinute} false, format 1 (the occurrences themselves, as gaps). */
  private static NewTermDetector.TermHistory readHistory(byte[] data, boolean perMinute) throws IOException {
    long previousSeen = getLong(data, 1);
    long lastSeen = getLong(data, 9);
    int[] at = {17};
    long n = getVarLong(data, at);
    if (n < 0 || n > data.length) {
      throw new IOException("malformed term history");
    }
    long[] values = new long[(int) n];
    int[] counts = new int[perMinute ? (int) n : 0];
    long previous = 0;
    for (int i = 0; i < values.length; i++) {
      previous += getVarLong(data, at);
      values[i] = previous;
      if (perMinute) {
        counts[i] = (int) getVarLong(data, at);
      }
    }
    Instant before = previousSeen == NONE ? null : Instant.ofEpochMilli(previousSeen);
    Instant last = lastSeen == NONE ? null : Instant.ofEpochMilli(lastSeen);
    return perMinute ? new NewTermDetector.TermHistory(before, last, values, counts)
        : NewTermDetector.TermHistory.ofOccurrences(before, last, values);
  }

  private static int putLong(byte[] buf, int at, long v) {
    for (int i = 7; i >= 0; i--) {
      buf[at++] = (byte) (v >>> (8 * i));
    }
    return at;
  }

  private static long getLong(byte[] data, int at) throws IOException {
    if (data.length < at + 8) {
      throw new IOException("truncated term history");
    }
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (data[at + i] & 0xFF);
    }
    return v;
  }

  private static int putVarLong(byte[] buf, int at, long v) {
    long z = (v << 1) ^ (v >> 63); // zig-zag: a negative value stays short
    while ((z & ~0x7FL) != 0) {
      buf[at++] = (byte) ((z & 0x7F) | 0x80);
      z >>>= 7;
    }
    buf[at++] = (byte) z;
    return at;
  }

  private static long getVarLong(byte[] data, int[] at) throws IOException {
    long z = 0;
    int shift = 0;
    while (true) {
      if (at[0] >= data.length) {
        throw new IOException("truncated term history");
      }
      int b = data[at[0]++] & 0xFF;
      z |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
      shift += 7;
      if (shift > 63) {
        throw new IOException("malformed number");
      }
    }
    return (z >>> 1) ^ -(z & 1);
  }
}
