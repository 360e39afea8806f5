package fr.communitydefender.collectors.facebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.communitydefender.collectors.live.internal.Texts;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.mention.MentionDetails;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graph API pages ({@code {"data": [...], "paging": {"cursors": {...}, "next": URL}}}) of a page feed or of a post's
 * comments to mentions ({@code facebook:ID}). A comment without {@code id} (fields not asked for) takes the
 * {@code comment_id} of its permalink. Entries that cannot be read are returned apart, with the reason.
 */
public final class FacebookParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXX");
  private static final Pattern COMMENT_ID = Pattern.compile("[?&]comment_id=(\\d+)");

  private final String source;

  public FacebookParser(String source) {
    this.source = source;
  }

  public record Rejected(String reason, String payload) {}

  public record Page(List<Mention> mentions, List<Rejected> rejected, String next) {}

  /** {@code parent}: the mention id of the post whose comments these are, or null for a feed page. */
  public Page parse(String body, String parent) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage());
    }
    if (root == null || root.has("error")) {
      throw new IllegalArgumentException("Graph API error: " + (root == null ? "empty" : root.path("error").path("message").asText()));
    }
    if (!root.path("data").isArray()) {
      throw new IllegalArgumentException("no 'data' array");
    }
    List<Mention> out = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (JsonNode n : root.get("data")) {
      try {
        out.add(entry(n, parent));
      } catch (IllegalArgumentException e) {
        rejected.add(new Rejected(e.getMessage(), n.toString()));
      }
    }
    return new Page(out, rejected, root.path("paging").path("next").asText(null));
  }

  private Mention entry(JsonNode n, String parent) {
    String id = n.path("id").asText("");
    String permalink = n.path("permalink_url").asText(null);
    if (id.isEmpty() && permalink != null) {
      Matcher m = COMMENT_ID.matcher(permalink);
      id = m.find() ? m.group(1) : "";
    }
    if (id.isEmpty()) {
      throw new IllegalArgumentException("entry without id");
    }
    String created = n.path("created_time").asText(null);
    if (created == null) {
      throw new IllegalArgumentException("entry " + id + " without created_time");
    }
    JsonNode from = n.path("from");
    String text = n.path("message").asText(n.path("story").asText(""));
    String inReplyTo = n.path("parent").hasNonNull("id") ? "facebook:" + n.path("parent").path("id").asText() : parent;
    Instant at = time(created);
    MentionDetails details = new MentionDetails(id, from.path("id").asText(null), from.path("name").asText(null),
        false, inReplyTo == null ? MentionDetails.Kind.POST : MentionDetails.Kind.REPLY, inReplyTo, null, null,
        null, n.toString());
    return new Mention("facebook:" + id, source, at, Texts.cap(text, Mention.MAX_TEXT_CHARS),
        from.hasNonNull("name") ? from.get("name").asText() : null,
        permalink != null ? permalink : "https://www.facebook.com/" + id, null, 0, List.of(), null, details);
  }

  static Instant time(String value) {
    try {
      return OffsetDateTime.parse(value, GRAPH_TIME).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("not a Graph time: " + value);
      }
    }
  }
}
