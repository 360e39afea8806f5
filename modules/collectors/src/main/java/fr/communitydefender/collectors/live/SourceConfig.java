package fr.communitydefender.collectors.live;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import fr.communitydefender.collectors.bluesky.BlueskyConfig;
import fr.communitydefender.collectors.facebook.FacebookConfig;
import fr.communitydefender.collectors.feed.FeedConfig;
import fr.communitydefender.collectors.mastodon.MastodonConfig;
import fr.communitydefender.collectors.webhook.WebhookConfig;
import fr.communitydefender.collectors.x.XConfig;
import fr.communitydefender.domain.config.FieldException;
import java.util.regex.Pattern;

/** One configured source; its kind is chosen by {@code type:}. Its {@code id} is the mentions' {@code source}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = MastodonConfig.class, name = "mastodon"),
    @JsonSubTypes.Type(value = BlueskyConfig.class, name = "bluesky"),
    @JsonSubTypes.Type(value = FeedConfig.class, name = "feed"),
    @JsonSubTypes.Type(value = XConfig.class, name = "x"),
    @JsonSubTypes.Type(value = FacebookConfig.class, name = "facebook"),
    @JsonSubTypes.Type(value = WebhookConfig.class, name = "webhook")})
public interface SourceConfig {
  Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  String id();

  /** The kind, as written after {@code type:} (a bounded metric tag). */
  String type();

  static String checkId(String id) {
    FieldException.required(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new FieldException("id", "'" + id + "' must be lower-case letters, digits, '-' or '_' (max 64)");
    }
    return id;
  }

  /** An http(s) or ws(s) URL, checked at load time. */
  static String checkUrl(String url, String field, boolean websocket) {
    FieldException.required(url, field);
    java.net.URI uri;
    try {
      uri = java.net.URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new FieldException(field, "not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    boolean ok = websocket ? scheme.equals("ws") || scheme.equals("wss") : scheme.equals("http") || scheme.equals("https");
    if (!ok || uri.getHost() == null) {
      throw new FieldException(field, "'" + url + "' must be an absolute " + (websocket ? "ws:// or wss://" : "http:// or https://") + " URL");
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
