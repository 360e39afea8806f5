package fr.communitydefender.collectors.mastodon;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.communitydefender.domain.config.Secret;
import fr.communitydefender.collectors.live.SourceConfig;
import fr.communitydefender.domain.config.FieldException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Mastodon instance: {@code streams} are the streaming API's streams ({@code hashtag:NAME}, {@code public},
 * {@code public:local}, {@code list:ID}, {@code user} with a token), {@code keywords} (optional) keep only statuses
 * that contain one (useful on the public streams), {@code streaming_url} overrides the WebSocket base (default: the
 * instance URL with ws/wss), {@code catch_up_pages} bounds the REST catch-up after a disconnect (40 statuses a page).
 */
public record MastodonConfig(
    String id,
    String instance,
    @JsonProperty("streaming_url") String streamingUrl,
    List<String> streams,
    List<String> keywords,
    @JsonProperty("access_token") Secret accessToken,
    @JsonProperty("catch_up_pages") Integer catchUpPages) implements SourceConfig {
  private static final Pattern STREAM = Pattern.compile("hashtag:[\\p{L}\\p{N}_]+|public|public:local|list:\\d+|user");

  public MastodonConfig {
    SourceConfig.checkId(id);
    instance = SourceConfig.checkUrl(instance, "instance", false);
    streamingUrl = streamingUrl == null ? instance.replaceFirst("^http", "ws")
        : SourceConfig.checkUrl(streamingUrl, "streaming_url", true);
    if (streams == null || streams.isEmpty()) {
      throw new FieldException("streams", "at least one stream (e.g. hashtag:lyon, public:local)");
    }
    for (int i = 0; i < streams.size(); i++) {
      if (streams.get(i) == null || !STREAM.matcher(streams.get(i)).matches()) {
        throw new FieldException("streams[" + i + "]", "'" + streams.get(i)
            + "' is not a stream (hashtag:NAME, public, public:local, list:ID, user)");
      }
      if ((streams.get(i).startsWith("list:") || streams.get(i).equals("user")) && accessToken == null) {
        throw new FieldException("streams[" + i + "]", "needs access_token");
      }
    }
    streams = List.copyOf(streams);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    accessToken = Secret.check(accessToken, "access_token", false);
    catchUpPages = FieldException.between(catchUpPages, 10, 0, 100, "catch_up_pages");
  }

  @Override
  public String type() {
    return "mastodon";
  }

  /** The instance's host, part of every mention id (status ids are per instance). */
  public String host() {
    return java.net.URI.create(instance).getHost();
  }
}
