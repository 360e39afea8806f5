package fr.communitydefender.collectors.feed;

import fr.communitydefender.collectors.live.SourceConfig;
import fr.communitydefender.domain.config.FieldException;
import java.time.Duration;

/**
 * An RSS or Atom feed (local press, préfecture, the commune's own site), polled every {@code interval} (default 5
 * minutes, at least 1 s) with ETag / If-Modified-Since.
 */
public record FeedConfig(String id, String url, Duration interval) implements SourceConfig {
  public FeedConfig {
    SourceConfig.checkId(id);
    url = SourceConfig.checkUrl(url, "url", false);
    interval = interval == null ? Duration.ofMinutes(5) : interval;
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new FieldException("interval", "must be at least 1s");
    }
  }

  @Override
  public String type() {
    return "feed";
  }
}
