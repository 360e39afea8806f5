package fr.communitydefender.domain.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;

/** A payload that is not a valid document of the expected type; the message is a short, human reason. */
public final class JsonDecodeException extends RuntimeException {
  public JsonDecodeException(String message, Throwable cause) {
    super(message, cause);
  }

  static String reasonOf(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof IllegalArgumentException && root != e) {
      return withPath(e, root.getMessage());
    }
    if (e instanceof JsonProcessingException jpe) {
      return withPath(e, jpe.getOriginalMessage());
    }
    return String.valueOf(e.getMessage());
  }

  private static String withPath(Exception e, String message) {
    if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
      String path = jme.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("."));
      if (!message.startsWith(path)) {
        return path + ": " + firstLine(message);
      }
    }
    return firstLine(message);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid JSON";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
