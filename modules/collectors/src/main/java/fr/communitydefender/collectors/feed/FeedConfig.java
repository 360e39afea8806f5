package fr.communitydefender.collectors.feed;

import fr.communitydefender.collectors.live.SourceConfig;
import fr.communitydefender.domain.config.FieldException;
import java.time.Duration;

/**
 * An RSS or Atom feed (local press, préfecture, the commune's own site), polled every {@code interval} (default 5
 * minutes, at least 1 s) with ETag / If-Modified-Since; bodies of at most {@code max_bytes} (default 5 MiB); the feed
 * and its redirects must be on public addresses unless {@code allow_private} (a feed on the town hall's own network).
 */
public record FeedConfig(String id, String url, Duration interval,
    @com.fasterxml.jackson.annotation.JsonProperty("allow_private") Boolean allowPrivate,
    @com.fasterxml.jackson.annotation.JsonProperty("max_bytes") Integer maxBytes) implements SourceConfig {
  public FeedConfig {
    allowPrivate = allowPrivate != null && allowPrivate;
    maxBytes = FieldException.between(maxBytes, 5 << 20, 1024, 64 << 20, "max_bytes");
    SourceConfig.checkId(id);
    url = SourceConfig.checkUrl(url, "url", false);
    interval = interval == null ? Duration.ofMinutes(5) : interval;
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new FieldException("interval", "must be at least 1s");
    }
  }

  /** A public feed with the default limits. */
  public FeedConfig(String id, String url, Duration interval) {
    this(id, url, interval, null, null);
  }

  @Override
  public String type() {
    return "feed";
  }
}
