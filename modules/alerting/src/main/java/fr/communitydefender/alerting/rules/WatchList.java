package fr.communitydefender.alerting.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code watch} key of a rule: one watch id, {@code *}, or a YAML list of ids — held as the ids joined by commas
 * so rules stay simple records ({@link AlertRule#watches()} splits them).
 */
public final class WatchList extends JsonDeserializer<String> {
  @Override
  public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
    if (p.currentToken() == JsonToken.START_ARRAY) {
      List<String> ids = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
          return (String) ctx.handleUnexpectedToken(String.class, p);
        }
        ids.add(p.getText().strip());
      }
      if (ids.isEmpty() || ids.stream().anyMatch(String::isEmpty)) {
        throw new IllegalArgumentException("watch: a list needs at least one non-empty watch id");
      }
      return String.join(",", ids);
    }
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      return p.getText().strip();
    }
    return (String) ctx.handleUnexpectedToken(String.class, p);
  }

  static List<String> split(String watch) {
    return Arrays.stream(watch.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
