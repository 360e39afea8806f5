package fr.communitydefender.domain.config.internal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the first key of a YAML tree that the target records do not declare, before binding: an unknown key is
 * reported as such even when the record it belongs to would also fail its own validation.
 */
public final class KeyChecker {
  /** The first unknown key: its full path and the keys allowed there. */
  public record UnknownKey(String path, String allowed) {}

  private KeyChecker() {}

  public static UnknownKey firstUnknown(JsonNode node, Type type, String path) {
    Class<?> raw = raw(type);
    if (node == null || raw == null) {
      return null;
    }
    if (node.isArray() && Collection.class.isAssignableFrom(raw)) {
      Type element = typeArg(type, 0);
      for (int i = 0; i < node.size(); i++) {
        UnknownKey u = firstUnknown(node.get(i), element, path + "[" + i + "]");
        if (u != null) {
          return u;
        }
      }
      return null;
    }
    if (!node.isObject()) {
      return null;
    }
    if (Map.class.isAssignableFrom(raw)) {
      return null;
    }
    Class<?> concrete = resolveSubtype(raw, node);
    if (concrete == null || !concrete.isRecord()) {
      return null;
    }
    TreeSet<String> allowed = new TreeSet<>();
    if (raw.isAnnotationPresent(JsonTypeInfo.class)) {
      allowed.add(raw.getAnnotation(JsonTypeInfo.class).property());
    }
    RecordComponent[] components = concrete.getRecordComponents();
    for (RecordComponent c : components) {
      allowed.add(key(c));
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String fieldPath = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
      if (!allowed.contains(f.getKey())) {
        return new UnknownKey(fieldPath, String.join(", ", allowed));
      }
      for (RecordComponent c : components) {
        if (key(c).equals(f.getKey())) {
          UnknownKey u = firstUnknown(f.getValue(), c.getGenericType(), fieldPath);
          if (u != null) {
            return u;
          }
        }
      }
    }
    return null;
  }

  /** The YAML key of a record component: its {@code @JsonProperty} name when it has one. */
  private static String key(RecordComponent c) {
    com.fasterxml.jackson.annotation.JsonProperty p =
        c.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
    if (p == null && c.getAccessor() != null) {
      p = c.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
    }
    return p != null && !p.value().isEmpty() ? p.value() : c.getName();
  }

  private static Class<?> resolveSubtype(Class<?> raw, JsonNode node) {
    JsonTypeInfo info = raw.getAnnotation(JsonTypeInfo.class);
    JsonSubTypes subTypes = raw.getAnnotation(JsonSubTypes.class);
    if (info == null || subTypes == null) {
      return raw;
    }
    JsonNode id = node.get(info.property());
    if (id == null || !id.isTextual()) {
      return null;
    }
    for (JsonSubTypes.Type t : subTypes.value()) {
      if (t.name().equals(id.asText())) {
        return t.value();
      }
    }
    return null;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return null;
  }

  private static Type typeArg(Type type, int index) {
    return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
  }
}
