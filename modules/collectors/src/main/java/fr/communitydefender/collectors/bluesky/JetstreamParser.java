package fr.communitydefender.collectors.bluesky;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.communitydefender.collectors.live.internal.Texts;
import fr.communitydefender.domain.watch.WatchMatcher;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.mention.MentionDetails;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Jetstream v1 events ({@code {"did", "time_us", "kind": "commit", "commit": {operation, collection, rkey,
 * record}}}) to mentions. Ids are {@code bluesky:DID/RKEY}; the post's {@code createdAt} (set by the client) is used
 * unless it lies more than 5 minutes after the relay saw the post.
 */
public final class JetstreamParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POST = "app.bsky.feed.post";

  private final String source;

  public JetstreamParser(String source) {
    this.source = source;
  }

  public sealed interface Event permits Post, Delete, Other {
    long timeUs();
  }

  /** A created or updated post, with its hashtags (facets and tags, lower-case, no '#'). */
  public record Post(long timeUs, Mention mention, List<String> hashtags, String did) implements Event {}

  public record Delete(long timeUs, String mentionId) implements Event {}

  /** Identity/account events, other collections: only the time matters (the cursor moves past them). */
  public record Other(long timeUs) implements Event {}

  public static String mentionId(String did, String rkey) {
    return "bluesky:" + did + "/" + rkey;
  }

  /** Parses one message; {@link IllegalArgumentException} with the reason when malformed. */
  public Event event(String message) {
    JsonNode root;
    try {
      root = JSON.readTree(message);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("time_us").canConvertToLong()) {
      throw new IllegalArgumentException("not a Jetstream event (no time_us)");
    }
    long timeUs = root.get("time_us").asLong();
    String did = root.path("did").asText("");
    JsonNode commit = root.path("commit");
    if (!"commit".equals(root.path("kind").asText()) || !POST.equals(commit.path("collection").asText())) {
      return new Other(timeUs);
    }
    if (did.isEmpty() || commit.path("rkey").asText("").isEmpty()) {
      throw new IllegalArgumentException("commit without did or rkey");
    }
    String rkey = commit.get("rkey").asText();
    String op = commit.path("operation").asText("");
    if (op.equals("delete")) {
      return new Delete(timeUs, mentionId(did, rkey));
    }
    if (!op.equals("create") && !op.equals("update")) {
      throw new IllegalArgumentException("unknown operation '" + op + "'");
    }
    JsonNode record = commit.path("record");
    if (!record.isObject() || !record.has("text")) {
      throw new IllegalArgumentException(op + " of a post without a record text");
    }
    Instant seen = Instant.ofEpochSecond(timeUs / 1_000_000, (timeUs % 1_000_000) * 1_000);
    Instant created = created(record.path("createdAt").asText(null), seen);
    String parent = record.path("reply").path("parent").path("uri").asText(null);
    String quoted = quotedUri(record.path("embed"));
    MentionDetails.Kind kind = quoted != null ? MentionDetails.Kind.QUOTE
        : parent != null ? MentionDetails.Kind.REPLY : MentionDetails.Kind.POST;
    String lang = record.path("langs").isArray() && !record.path("langs").isEmpty()
        ? record.path("langs").get(0).asText() : null;
    MentionDetails details = new MentionDetails(rkey, did, null, false, kind, idOf(parent), null, idOf(quoted),
        op.equals("update") ? seen : null, message);
    Mention m = new Mention(mentionId(did, rkey), source, created,
        Texts.cap(record.get("text").asText(""), Mention.MAX_TEXT_CHARS), did,
        "https://bsky.app/profile/" + did + "/post/" + rkey, lang, 0, List.of(), null, details);
    return new Post(timeUs, m, hashtags(record), did);
  }

  private static Instant created(String value, Instant seen) {
    if (value == null) {
      return seen;
    }
    try {
      Instant t = java.time.OffsetDateTime.parse(value).toInstant();
      return t.isAfter(seen.plus(Duration.ofMinutes(5))) ? seen : t;
    } catch (DateTimeParseException e) {
      return seen;
    }
  }

  private static String quotedUri(JsonNode embed) {
    String type = embed.path("$type").asText("");
    if (type.equals("app.bsky.embed.record")) {
      return embed.path("record").path("uri").asText(null);
    }
    if (type.equals("app.bsky.embed.recordWithMedia")) {
      return embed.path("record").path("record").path("uri").asText(null);
    }
    return null;
  }

  /** {@code at://DID/app.bsky.feed.post/RKEY} → our mention id; null for anything else. */
  static String idOf(String atUri) {
    if (atUri == null || !atUri.startsWith("at://")) {
      return null;
    }
    String[] parts = atUri.substring(5).split("/");
    return parts.length == 3 && parts[1].equals(POST) ? mentionId(parts[0], parts[2]) : null;
  }

  private static List<String> hashtags(JsonNode record) {
    List<String> tags = new ArrayList<>();
    for (JsonNode facet : record.path("facets")) {
      for (JsonNode f : facet.path("features")) {
        if ("app.bsky.richtext.facet#tag".equals(f.path("$type").asText())) {
          tags.add(WatchMatcher.fold(f.path("tag").asText()));
        }
      }
    }
    for (JsonNode t : record.path("tags")) {
      tags.add(WatchMatcher.fold(t.asText()));
    }
    return List.copyOf(tags);
  }
}
