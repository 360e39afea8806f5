package fr.communitydefender.alerting.incident.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON of a watch's counts by time (epoch ms → count): a flat array {@code [t1, c1, t2, c2, …]}, sorted by time,
 * each time after the first written as its distance from the one before. A week of minutes or a month of hours
 * parses as numbers instead of as hundreds of distinct field names (the state is read and written at every signal).
 * Reads the older object form {@code {"t1": c1, …}} too, so stores written before keep working.
 */
final class CountsJson {
  private CountsJson() {}

  static final class Writer extends JsonSerializer<Map<Long, Long>> {
    @Override
    public void serialize(Map<Long, Long> counts, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartArray();
      long previous = 0;
      for (Map.Entry<Long, Long> e : counts.entrySet()) {
        gen.writeNumber(e.getKey() - previous);
        gen.writeNumber(e.getValue());
        previous = e.getKey();
      }
      gen.writeEndArray();
    }
  }

  static final class Reader extends JsonDeserializer<Map<Long, Long>> {
    @Override
    public Map<Long, Long> deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      TreeMap<Long, Long> counts = new TreeMap<>();
      if (p.currentToken() == JsonToken.START_OBJECT) { // the older form
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
          p.nextToken();
          counts.put(Long.parseLong(name), p.getLongValue());
        }
        return counts;
      }
      if (p.currentToken() != JsonToken.START_ARRAY) {
        return (Map<Long, Long>) ctx.handleUnexpectedToken(Map.class, p);
      }
      long time = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        time += p.getLongValue();
        if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) {
          return (Map<Long, Long>) ctx.handleUnexpectedToken(Map.class, p);
        }
        counts.put(time, p.getLongValue());
      }
      return counts;
    }
  }
}
