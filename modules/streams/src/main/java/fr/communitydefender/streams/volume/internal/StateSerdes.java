package fr.communitydefender.streams.volume.internal;

import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.json.JsonDecodeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Format 1 starts with byte {@code 0x01}; a value starting with <code>'{'</code> is the JSON of earlier versions,
 * still read so that an upgrade restores the stores from their changelogs.
 */
public final class StateSerdes {
  private static final byte FORMAT = 1;
  private static final long NONE = Long.MIN_VALUE;

  private StateSerdes() {}

  public static Serde<WindowStats> windowStats() {
    return Serdes.serdeFrom(serializer(StateSerdes::writeStats), deserializer(WindowStats.class,
        StateSerdes::readStats));
  }

  /** Written and read straight from byte arrays, without streams: it is the hottest value of the stage. */
  public static Serde<NewTermDetector.TermHistory> termHistory() {
    return Serdes.serdeFrom((topic, h) -> h == null ? null : historyBytes(h),
        deserializer(NewTermDetector.TermHistory.class, StateSerdes::readHistory));
  }

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

  private static void writeStats(WindowStats s, DataOutputStream out) throws IOException {
    out.writeLong(s.count());
    out.writeLong(s.scored());
    out.writeLong(s.negative());
    out.writeDouble(s.sentimentSum());
    out.writeLong(s.reach());
    out.writeLong(s.maxReach());
    out.writeLong(s.verified());
    int[] authors = s.authors();
    out.writeInt(authors.length);
    for (int a : authors) {
      out.writeInt(a);
    }
    out.writeInt(s.sources().size());
    for (Map.Entry<String, Long> e : s.sources().entrySet()) {
      out.writeUTF(e.getKey());
      out.writeLong(e.getValue());
    }
  }

  private static WindowStats readStats(byte[] data) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 1, data.length - 1));
    long count = in.readLong();
    long scored = in.readLong();
    long negative = in.readLong();
    double sum = in.readDouble();
    long reach = in.readLong();
    long maxReach = in.readLong();
    long verified = in.readLong();
    int[] authors = new int[in.readInt()];
    for (int i = 0; i < authors.length; i++) {
      authors[i] = in.readInt();
    }
    int n = in.readInt();
    Map<String, Long> sources = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      sources.put(in.readUTF(), in.readLong());
    }
    return new WindowStats(count, scored, negative, sum, reach, maxReach, authors, sources, verified);
  }


  /**
   * A term history in bytes, written without streams (it is the hottest value of the stage): the two dates (8 bytes
   * each, {@code Long.MIN_VALUE} for none), the number of occurrences, then the first and the gaps between the sorted
   * occurrences as variable-length numbers (a gap under 64 ms takes one byte).
   */
  static byte[] historyBytes(NewTermDetector.TermHistory h) {
    long[] recent = h.recent();
    byte[] buf = new byte[17 + 10 * (recent.length + 1)];
    buf[0] = FORMAT;
    int at = putLong(buf, 1, h.previousSeen() == null ? NONE : h.previousSeen().toEpochMilli());
    at = putLong(buf, at, h.lastSeen() == null ? NONE : h.lastSeen().toEpochMilli());
    at = putVarLong(buf, at, recent.length);
    long previous = 0;
    for (long t : recent) {
      at = putVarLong(buf, at, t - previous);
      previous = t;
    }
    return java.util.Arrays.copyOf(buf, at);
  }

  private static NewTermDetector.TermHistory readHistory(byte[] data) throws IOException {
    long previousSeen = getLong(data, 1);
    long lastSeen = getLong(data, 9);
    int[] at = {17};
    long n = getVarLong(data, at);
    if (n < 0 || n > data.length) {
      throw new IOException("malformed term history");
    }
    long[] recent = new long[(int) n];
    long previous = 0;
    for (int i = 0; i < recent.length; i++) {
      previous += getVarLong(data, at);
      recent[i] = previous;
    }
    return new NewTermDetector.TermHistory(previousSeen == NONE ? null : Instant.ofEpochMilli(previousSeen),
        lastSeen == NONE ? null : Instant.ofEpochMilli(lastSeen), recent);
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
