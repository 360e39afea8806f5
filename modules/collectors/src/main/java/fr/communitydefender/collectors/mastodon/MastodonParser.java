package fr.communitydefender.collectors.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.communitydefender.collectors.live.internal.Texts;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.mention.MentionDetails;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Mastodon's JSON to mentions: a status (REST or the payload of a streaming {@code update} / {@code status.update})
 * and the streaming events themselves ({@code {"event": ..., "payload": "<JSON as a string>"}}; older servers send
 * the payload as an object). Mention ids are {@code mastodon:HOST:STATUS_ID}.
 */
public final class MastodonParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String host;
  private final String source;

  public MastodonParser(String host, String source) {
    this.host = host;
    this.source = source;
  }

  /** What a streaming event means for us. */
  public sealed interface Event permits Status, Delete, Other {}

  public record Status(Mention mention, boolean edit) implements Event {}

  public record Delete(String mentionId) implements Event {}

  public record Other(String event) implements Event {}

  public String mentionId(String statusId) {
    return "mastodon:" + host + ":" + statusId;
  }

  /** Parses one streaming message; throws {@link IllegalArgumentException} with the reason when it is malformed. */
  public Event event(String message) {
    JsonNode root = read(message);
    String event = root.path("event").asText("");
    JsonNode payload = root.get("payload");
    return switch (event) {
      case "update", "status.update" -> {
        JsonNode status = payload != null && payload.isTextual() ? read(payload.asText()) : payload;
        if (status == null || !status.isObject()) {
          throw new IllegalArgumentException(event + ": payload is not a status");
        }
        yield new Status(status(status, status.toString()), event.equals("status.update"));
      }
      case "delete" -> {
        if (payload == null || payload.asText("").isBlank()) {
          throw new IllegalArgumentException("delete: no status id");
        }
        yield new Delete(mentionId(payload.asText()));
      }
      case "" -> throw new IllegalArgumentException("no 'event' field");
      default -> new Other(event);
    };
  }

  /** A page of statuses from a REST timeline (newest first, as Mastodon returns them). */
  public List<Mention> timeline(String body) {
    JsonNode root = read(body);
    if (!root.isArray()) {
      throw new IllegalArgumentException("timeline: expected a JSON array");
    }
    java.util.ArrayList<Mention> out = new java.util.ArrayList<>();
    for (JsonNode s : root) {
      out.add(status(s, s.toString()));
    }
    return out;
  }

  public Mention status(JsonNode s, String raw) {
    String id = required(s, "id");
    JsonNode reblog = s.path("reblog");
    boolean isReblog = reblog.isObject();
    JsonNode content = isReblog ? reblog : s;
    JsonNode account = s.path("account");
    String spoiler = content.path("spoiler_text").asText("");
    String body = Texts.plain(content.path("content").asText(""));
    String text = spoiler.isBlank() ? body : spoiler + "\n\n" + body;
    JsonNode quote = content.path("quote").path("quoted_status");
    MentionDetails.Kind kind = isReblog ? MentionDetails.Kind.REPOST
        : quote.isObject() ? MentionDetails.Kind.QUOTE
        : s.hasNonNull("in_reply_to_id") ? MentionDetails.Kind.REPLY : MentionDetails.Kind.POST;
    String acct = account.path("acct").asText("");
    String handle = acct.isEmpty() ? null : "@" + (acct.contains("@") ? acct : acct + "@" + host);
    boolean verified = false;
    for (JsonNode f : account.path("fields")) {
      verified |= f.hasNonNull("verified_at");
    }
    MentionDetails details = new MentionDetails(id, account.hasNonNull("id") ? account.get("id").asText() + "@" + host : null,
        account.path("display_name").asText(null), verified, kind,
        s.hasNonNull("in_reply_to_id") ? mentionId(s.get("in_reply_to_id").asText()) : null,
        isReblog ? mentionId(reblog.path("id").asText()) : null,
        quote.isObject() ? mentionId(quote.path("id").asText()) : null,
        time(s.path("edited_at").asText(null), "edited_at"), raw);
    String url = s.hasNonNull("url") ? s.get("url").asText() : s.path("uri").asText(null);
    return new Mention(mentionId(id), source, time(required(s, "created_at"), "created_at"),
        Texts.cap(text, Mention.MAX_TEXT_CHARS), handle, url, content.path("language").asText(null),
        Math.max(0, account.path("followers_count").asLong(0)), List.of(), null, details);
  }

  private static String required(JsonNode s, String field) {
    JsonNode v = s.get(field);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      throw new IllegalArgumentException("status: missing '" + field + "'");
    }
    return v.asText();
  }

  private static Instant time(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("status: '" + field + "' is not a date: " + value);
    }
  }

  static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage());
    }
  }
}
