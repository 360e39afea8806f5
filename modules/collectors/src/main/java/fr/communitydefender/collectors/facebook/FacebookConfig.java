package fr.communitydefender.collectors.facebook;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.communitydefender.domain.config.Secret;
import fr.communitydefender.collectors.live.SourceConfig;
import fr.communitydefender.domain.config.FieldException;
import java.time.Duration;

/**
 * A Facebook page of the commune through the Graph API ({@code base_url}, default
 * {@code https://graph.facebook.com/v21.0}): its feed and the comments on its recent posts, polled every
 * {@code interval} (default 5 minutes) with a page access token.
 */
public record FacebookConfig(
    String id,
    @JsonProperty("base_url") String baseUrl,
    @JsonProperty("page_id") String pageId,
    @JsonProperty("page_token") Secret pageToken,
    Duration interval,
    Boolean comments,
    @JsonProperty("max_pages") Integer maxPages) implements SourceConfig {
  public FacebookConfig {
    SourceConfig.checkId(id);
    baseUrl = SourceConfig.checkUrl(baseUrl == null ? "https://graph.facebook.com/v21.0" : baseUrl, "base_url", false);
    FieldException.required(pageId, "page_id");
    if (!pageId.matches("[A-Za-z0-9._-]{1,100}")) {
      throw new FieldException("page_id", "'" + pageId + "' is not a page id or name");
    }
    pageToken = Secret.check(pageToken, "page_token", true);
    interval = interval == null ? Duration.ofMinutes(5) : interval;
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new FieldException("interval", "must be at least 1s");
    }
    comments = comments == null || comments;
    maxPages = FieldException.between(maxPages, 5, 1, 50, "max_pages");
  }

  @Override
  public String type() {
    return "facebook";
  }
}
