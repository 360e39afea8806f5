package fr.communitydefender.room.publish;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.communitydefender.domain.config.FieldException;
import fr.communitydefender.domain.config.Secret;
import fr.communitydefender.domain.config.YamlConfigLoader;
import java.net.URI;
import java.nio.file.Path;

/**
 * The commune's own accounts, where approved responses are published ({@code publishing.yaml}, credentials in the
 * collectors' style: {@code {env: NAME}} or {@code {file: PATH}}, never in the file):
 * <pre>
 * mastodon: {base_url: https://mastodon.example, access_token: {env: CD_MASTODON_TOKEN}}
 * bluesky: {service: https://bsky.social, handle: ville.bsky.social, app_password: {file: /run/secrets/bsky}}
 * </pre>
 */
public record PublishingConfig(Mastodon mastodon, Bluesky bluesky) {

  public record Mastodon(@JsonProperty("base_url") URI baseUrl, @JsonProperty("access_token") Secret accessToken) {
    public Mastodon {
      FieldException.required(baseUrl, "base_url");
      accessToken = Secret.check(accessToken, "access_token", true);
    }
  }

  public record Bluesky(URI service, String handle, @JsonProperty("app_password") Secret appPassword) {
    public Bluesky {
      FieldException.required(service, "service");
      FieldException.required(handle, "handle");
      appPassword = Secret.check(appPassword, "app_password", true);
    }
  }

  public static PublishingConfig load(Path file) {
    return YamlConfigLoader.load(file, PublishingConfig.class);
  }
}
