package fr.communitydefender.domain.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fr.communitydefender.domain.config.internal.KeyChecker;
import fr.communitydefender.domain.config.internal.YamlLocator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * Strict YAML to records: unknown keys, duplicate keys, wrong types and invalid values are rejected with a
 * {@link ConfigException} naming file, line and field.
 */
public final class YamlConfigLoader {
  private static final YAMLMapper MAPPER = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
      .addModule(new SimpleModule().addDeserializer(Duration.class, new Durations.Deserializer()))
      .build();

  private YamlConfigLoader() {}

  public static <T> T load(Path file, Class<T> type) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), 0, 0, "", "cannot read: " + e.getMessage());
    }
    return parse(file.toString(), text, type);
  }

  public static <T> T parse(String fileName, String text, Class<T> type) {
    T value;
    try {
      JsonNode tree = MAPPER.readTree(text);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        throw new ConfigException(fileName, 0, 0, "", "empty file");
      }
      KeyChecker.UnknownKey unknown = KeyChecker.firstUnknown(tree, type, "");
      if (unknown != null) {
        throw at(fileName, text, unknown.path(), "unknown key (allowed: " + unknown.allowed() + ")");
      }
      value = MAPPER.readValue(text, type);
    } catch (JsonMappingException e) {
      throw translate(fileName, text, e);
    } catch (StreamReadException e) {
      throw syntax(fileName, e.getLocation(), e.getOriginalMessage(), contextPath(e));
    } catch (IOException e) {
      throw new ConfigException(fileName, 0, 0, "", e.getMessage());
    }
    if (value == null) {
      throw new ConfigException(fileName, 0, 0, "", "empty file");
    }
    return value;
  }

  /** An error found after parsing (e.g. a duplicate id across files), placed at the field's line. */
  public static ConfigException errorAt(Path file, String fieldPath, String detail) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      text = "";
    }
    int[] at = YamlLocator.locate(text, fieldPath);
    return new ConfigException(file.toString(), at[0], at[1], fieldPath, detail);
  }

  /** The path of the mapping the parser was in, e.g. {@code rules[0]}. */
  private static String contextPath(StreamReadException e) {
    if (!(e.getProcessor() instanceof JsonParser p) || p.getParsingContext() == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (String part : p.getParsingContext().pathAsPointer().toString().split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.chars().allMatch(Character::isDigit)) {
        sb.append('[').append(part).append(']');
      } else {
        sb.append(sb.isEmpty() ? "" : ".").append(part);
      }
    }
    return sb.toString();
  }

  private static ConfigException syntax(String fileName, JsonLocation loc, String message, String context) {
    String first = message == null ? "invalid YAML" : message.lines().findFirst().orElse(message);
    if (first.startsWith("Duplicate field")) {
      String key = first.replaceAll("^Duplicate field '([^']*)'.*$", "$1");
      String field = context.endsWith(key) ? context : join(context, key);
      return new ConfigException(fileName, loc.getLineNr(), loc.getColumnNr(), field, "duplicate key");
    }
    return new ConfigException(fileName, loc.getLineNr(), loc.getColumnNr(), "", "invalid YAML: " + first);
  }

  private static ConfigException translate(String fileName, String text, JsonMappingException e) {
    String path = pathOf(e);
    if (e instanceof UnrecognizedPropertyException u) {
      String allowed = u.getKnownPropertyIds().stream().map(Object::toString).sorted()
          .collect(Collectors.joining(", "));
      return at(fileName, text, path, "unknown key (allowed: " + allowed + ")");
    }
    if (e instanceof InvalidTypeIdException t) {
      String field = join(path, "type");
      String known = knownTypes(t.getBaseType().getRawClass());
      return t.getTypeId() == null
          ? at(fileName, text, field, "required (known: " + known + ")")
          : at(fileName, text, field, "unknown type '" + t.getTypeId() + "' (known: " + known + ")");
    }
    if (e instanceof ValueInstantiationException && e.getCause() instanceof FieldException f) {
      return at(fileName, text, join(path, f.field()), f.detail());
    }
    if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException iae) {
      return at(fileName, text, path, iae.getMessage());
    }
    if (e instanceof InvalidFormatException f) {
      String detail = f.getTargetType() == Duration.class
          ? "invalid duration '" + f.getValue() + "' (examples: 30s, 5m, 1h, 2d)"
          : "invalid value '" + f.getValue() + "' (expected " + typeName(f.getTargetType()) + ")";
      return at(fileName, text, path, detail);
    }
    if (e.getCause() instanceof IllegalArgumentException iae) {
      return at(fileName, text, path, iae.getMessage());
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return at(fileName, text, path, "expected " + typeName(m.getTargetType()));
    }
    if (e.getCause() instanceof JsonParseException p) {
      return syntax(fileName, p.getLocation(), p.getOriginalMessage(), contextPath(p));
    }
    return at(fileName, text, path, e.getOriginalMessage().lines().findFirst().orElse("invalid"));
  }

  private static ConfigException at(String fileName, String text, String path, String detail) {
    int[] loc = YamlLocator.locate(text, path);
    return new ConfigException(fileName, loc[0], loc[1], path, detail);
  }

  private static String pathOf(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private static String knownTypes(Class<?> base) {
    JsonSubTypes sub = base.getAnnotation(JsonSubTypes.class);
    if (sub == null) {
      return "?";
    }
    return Arrays.stream(sub.value()).map(JsonSubTypes.Type::name).sorted(Comparator.naturalOrder())
        .collect(Collectors.joining(", "));
  }

  private static String typeName(Class<?> type) {
    if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Duration.class) {
      return "a duration (examples: 30s, 5m, 1h)";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
          .map(s -> s.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
    }
    return "a mapping";
  }
}
