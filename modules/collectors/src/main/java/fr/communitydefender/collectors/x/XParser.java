package fr.communitydefender.collectors.x;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.communitydefender.collectors.live.internal.Texts;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.mention.MentionDetails;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * X API v2 responses (a stream line or a search page: {@code data} an object or an array, {@code includes.users}
 * and {@code includes.tweets} expanded) to mentions. Ids are {@code x:ID} of the tweet's first version, so an edit
 * (a new id in {@code edit_history_tweet_ids}) updates the same mention; a retweet's text is the full original.
 */
public final class XParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String source;

  public XParser(String source) {
    this.source = source;
  }

  /** A parsed response: its tweets as mentions, the newest tweet id, and X's errors (e.g. an operational disconnect). */
  public record Page(List<Mention> mentions, String newestId, List<String> errors, String nextToken) {}

  public Page parse(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    Map<String, JsonNode> users = index(root.path("includes").path("users"));
    Map<String, JsonNode> tweets = index(root.path("includes").path("tweets"));
    List<Mention> out = new ArrayList<>();
    String newest = root.path("meta").path("newest_id").asText(null);
    JsonNode data = root.path("data");
    for (JsonNode t : data.isArray() ? data : data.isObject() ? List.of(data) : List.<JsonNode>of()) {
      Mention m = tweet(t, users, tweets, t.toString());
      out.add(m);
      String id = t.path("id").asText();
      if (newest == null || fr.communitydefender.collectors.live.internal.Ids.compareNumeric(id, newest) > 0) {
        newest = id;
      }
    }
    List<String> errors = new ArrayList<>();
    for (JsonNode e : root.path("errors")) {
      errors.add(e.path("title").asText("error") + ": " + e.path("detail").asText(e.path("message").asText("")));
    }
    if (out.isEmpty() && errors.isEmpty() && !root.has("meta")) {
      throw new IllegalArgumentException("no 'data', 'errors' or 'meta'");
    }
    return new Page(out, newest, errors, root.path("meta").path("next_token").asText(null));
  }

  private Mention tweet(JsonNode t, Map<String, JsonNode> users, Map<String, JsonNode> tweets, String raw) {
    String id = t.path("id").asText("");
    if (id.isEmpty() || !t.hasNonNull("text")) {
      throw new IllegalArgumentException("tweet without id or text");
    }
    JsonNode history = t.path("edit_history_tweet_ids");
    String first = history.isArray() && !history.isEmpty() ? history.get(0).asText() : id;
    JsonNode user = users.get(t.path("author_id").asText(""));
    String username = user == null ? null : user.path("username").asText(null);
    String reply = null;
    String repost = null;
    String quote = null;
    String text = t.get("text").asText();
    for (JsonNode ref : t.path("referenced_tweets")) {
      String refId = ref.path("id").asText();
      switch (ref.path("type").asText()) {
        case "replied_to" -> reply = "x:" + refId;
        case "quoted" -> quote = "x:" + refId;
        case "retweeted" -> {
          repost = "x:" + refId;
          JsonNode original = tweets.get(refId);
          if (original != null && original.hasNonNull("text")) {
            text = original.get("text").asText();
          }
        }
        default -> { }
      }
    }
    MentionDetails.Kind kind = repost != null ? MentionDetails.Kind.REPOST : quote != null ? MentionDetails.Kind.QUOTE
        : reply != null ? MentionDetails.Kind.REPLY : MentionDetails.Kind.POST;
    boolean verified = user != null && (user.path("verified").asBoolean(false)
        || !"none".equals(user.path("verified_type").asText("none")));
    Instant created = time(t.path("created_at").asText(null));
    MentionDetails details = new MentionDetails(id, t.path("author_id").asText(null),
        user == null ? null : user.path("name").asText(null), verified, kind, reply, repost, quote,
        first.equals(id) ? null : created, raw);
    String lang = t.path("lang").asText(null);
    return new Mention("x:" + first, source, created, Texts.cap(text, Mention.MAX_TEXT_CHARS),
        username == null ? null : "@" + username,
        "https://x.com/" + (username == null ? "i/web" : username) + "/status/" + id,
        lang == null || lang.equals("und") || lang.equals("qst") || lang.equals("zxx") ? null : lang,
        user == null ? 0 : Math.max(0, user.path("public_metrics").path("followers_count").asLong(0)), List.of(),
        null, details);
  }

  private static Instant time(String value) {
    if (value == null) {
      throw new IllegalArgumentException("tweet without created_at (ask for tweet.fields=created_at)");
    }
    try {
      return java.time.OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("created_at is not a date: " + value);
    }
  }

  private static Map<String, JsonNode> index(JsonNode array) {
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode n : array) {
      byId.put(n.path("id").asText(), n);
    }
    return byId;
  }
}
