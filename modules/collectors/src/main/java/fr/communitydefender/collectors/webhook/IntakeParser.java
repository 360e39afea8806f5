package fr.communitydefender.collectors.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.mention.MentionDetails;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The intake's JSON: one mention object, an array of them, or {@code {"mentions": [...]}}. A mention has
 * {@code id} (≤ 128 characters, the sender's), {@code publishedAt} (ISO-8601) and {@code text}, and may have
 * {@code author}, {@code url}, {@code lang}, {@code reach}; any other field is an error. Each item is checked apart.
 */
public final class IntakeParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS = Set.of("id", "publishedAt", "text", "author", "url", "lang", "reach");

  private final String source;

  public IntakeParser(String source) {
    this.source = source;
  }

  /** One item: the mention, or why not (with the item as sent). */
  public record Item(int index, Mention mention, String error, String payload) {}

  /** The items of a body; {@link IllegalArgumentException} when the body itself is not usable. */
  public List<JsonNode> items(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw new IllegalArgumentException("empty body");
    }
    if (root.isObject() && root.has("mentions")) {
      if (!root.get("mentions").isArray() || root.size() != 1) {
        throw new IllegalArgumentException("'mentions' must be the only field and an array");
      }
      root = root.get("mentions");
    }
    List<JsonNode> items = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(items::add);
    } else if (root.isObject()) {
      items.add(root);
    } else {
      throw new IllegalArgumentException("expected a mention object, an array, or {\"mentions\": [...]}");
    }
    return items;
  }

  public Item item(int index, JsonNode n) {
    try {
      return new Item(index, mention(n), null, n.toString());
    } catch (IllegalArgumentException e) {
      return new Item(index, null, e.getMessage(), n.toString());
    }
  }

  private Mention mention(JsonNode n) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("not an object");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw new IllegalArgumentException("unknown field '" + f + "' (allowed: author, id, lang, publishedAt, reach, text, url)");
      }
    }
    String id = text(n, "id", true);
    if (id.length() > 128) {
      throw new IllegalArgumentException("id: longer than 128 characters");
    }
    Instant at;
    try {
      at = Instant.parse(text(n, "publishedAt", true));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("publishedAt: not an ISO-8601 instant (e.g. 2026-11-29T10:00:00Z)");
    }
    if (n.has("reach") && !n.get("reach").canConvertToLong()) {
      throw new IllegalArgumentException("reach: not an integer");
    }
    return new Mention("webhook:" + source + ":" + id, source, at, text(n, "text", true), text(n, "author", false),
        text(n, "url", false), text(n, "lang", false), n.path("reach").asLong(0), List.of(), null,
        new MentionDetails(id, null, null, false, MentionDetails.Kind.POST, null, null, null, null, null));
  }

  private static String text(JsonNode n, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new IllegalArgumentException(field + ": required");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(field + ": must be a string");
    }
    if (required && v.asText().isBlank() && !field.equals("text")) {
      throw new IllegalArgumentException(field + ": must not be blank");
    }
    return v.asText();
  }
}
