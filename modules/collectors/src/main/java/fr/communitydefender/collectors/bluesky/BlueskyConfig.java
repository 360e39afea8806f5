package fr.communitydefender.collectors.bluesky;

import fr.communitydefender.collectors.live.SourceConfig;
import fr.communitydefender.domain.config.FieldException;
import java.util.List;

/**
 * Bluesky through a Jetstream instance ({@code url}, default Bluesky's public one): posts are kept when their text
 * contains one of {@code keywords}, carries one of {@code hashtags} (without '#'), or comes from one of
 * {@code accounts} (DIDs). With accounts only, Jetstream is asked for those accounts alone ({@code wantedDids}).
 */
public record BlueskyConfig(String id, String url, List<String> keywords, List<String> hashtags,
    List<String> accounts) implements SourceConfig {
  public static final String DEFAULT_URL = "wss://jetstream2.us-east.bsky.network/subscribe";

  public BlueskyConfig {
    SourceConfig.checkId(id);
    url = SourceConfig.checkUrl(url == null ? DEFAULT_URL : url, "url", true);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    hashtags = hashtags == null ? List.of() : hashtags.stream().map(h -> h.startsWith("#") ? h.substring(1) : h).toList();
    accounts = accounts == null ? List.of() : List.copyOf(accounts);
    for (int i = 0; i < accounts.size(); i++) {
      if (!accounts.get(i).startsWith("did:")) {
        throw new FieldException("accounts[" + i + "]", "'" + accounts.get(i) + "' is not a DID (did:plc:… or did:web:…)");
      }
    }
    if (keywords.isEmpty() && hashtags.isEmpty() && accounts.isEmpty()) {
      throw new FieldException("keywords", "give keywords, hashtags or accounts (the whole firehose is not a watch)");
    }
  }

  @Override
  public String type() {
    return "bluesky";
  }
}
