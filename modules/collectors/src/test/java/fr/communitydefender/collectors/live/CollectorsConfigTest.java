package fr.communitydefender.collectors.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communitydefender.collectors.bluesky.BlueskyConfig;
import fr.communitydefender.collectors.facebook.FacebookConfig;
import fr.communitydefender.collectors.feed.FeedConfig;
import fr.communitydefender.collectors.mastodon.MastodonConfig;
import fr.communitydefender.collectors.webhook.WebhookConfig;
import fr.communitydefender.collectors.x.XConfig;
import fr.communitydefender.domain.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorsConfigTest {
  @TempDir
  Path dir;

  /** What loading this configuration throws. */
  private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String yaml) throws Exception {
    Path file = write(yaml);
    return assertThatThrownBy(() -> CollectorsConfig.load(file));
  }

  private Path write(String yaml) throws Exception {
    Files.writeString(dir.resolve("token"), "s3cret\n");
    return Files.writeString(dir.resolve("collectors.yaml"), yaml.replace("TOKEN", dir.resolve("token").toString()));
  }

  @Test
  void shouldLoadEveryKindOfSourceWithTheirDefaults() throws Exception {
    CollectorsConfig c = CollectorsConfig.load(write("""
        collectors:
          - type: mastodon
            id: masto
            instance: https://mastodon.example/
            streams: [hashtag:sainteaure, public:local]
            keywords: [Sainte-Aure]
          - type: bluesky
            id: bsky
            hashtags: ["#SainteAure"]
          - type: feed
            id: echo
            url: https://echo.example/rss
            interval: 10m
          - type: x
            id: x-ville
            bearer_token: {file: TOKEN}
            rules: [{value: '"Sainte-Aure" -is:retweet', tag: commune}]
          - type: facebook
            id: fb
            page_id: "123"
            page_token: {file: TOKEN}
          - type: webhook
            id: signalements
            token: {file: TOKEN}
        """));
    assertThat(c.collectors()).extracting(SourceConfig::type)
        .containsExactly("mastodon", "bluesky", "feed", "x", "facebook", "webhook");
    MastodonConfig m = (MastodonConfig) c.collectors().get(0);
    assertThat(m.streamingUrl()).isEqualTo("wss://mastodon.example");
    assertThat(m.host()).isEqualTo("mastodon.example");
    assertThat(m.catchUpPages()).isEqualTo(10);
    assertThat(((BlueskyConfig) c.collectors().get(1)).url()).isEqualTo(BlueskyConfig.DEFAULT_URL);
    assertThat(((BlueskyConfig) c.collectors().get(1)).hashtags()).containsExactly("SainteAure");
    assertThat(((FeedConfig) c.collectors().get(2)).interval()).isEqualTo(Duration.ofMinutes(10));
    XConfig x = (XConfig) c.collectors().get(3);
    assertThat(x.bearerToken().value()).isEqualTo("s3cret");
    assertThat(x.bearerToken().toString()).doesNotContain("s3cret");
    assertThat(x.baseUrl()).isEqualTo("https://api.x.com");
    assertThat(((FacebookConfig) c.collectors().get(4)).comments()).isTrue();
    assertThat(((WebhookConfig) c.collectors().get(5)).maxBytes()).isEqualTo(1 << 20);
  }

  @Test
  void shouldNameFileLineAndFieldOfAnUnknownKey() throws Exception {
    Path f = write("""
        collectors:
          - type: feed
            id: echo
            url: https://echo.example/rss
            intervall: 10m
        """);
    assertThatThrownBy(() -> CollectorsConfig.load(f)).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(f + ":5:")
        .hasMessageContaining("collectors[0].intervall: unknown key (allowed: allow_private, id, interval, max_bytes, type, url)");
  }

  @Test
  void shouldRejectAnUnknownTypeAndABadUrl() throws Exception {
    assertRejected("collectors:\n  - type: myspace\n    id: m\n").hasMessageContaining(
        "collectors[0].type: unknown type 'myspace' (known: bluesky, facebook, feed, mastodon, webhook, x)");
    assertRejected("collectors:\n  - type: feed\n    id: echo\n    url: ftp://echo.example/rss\n")
        .hasMessageContaining(":4:")
        .hasMessageContaining("collectors[0].url: 'ftp://echo.example/rss' "
            + "must be an absolute http:// or https:// URL");
  }

  @Test
  void shouldNameTheFieldAndItsRangeWhenACountIsOutOfBounds() throws Exception {
    assertRejected("collectors:\n  - type: x\n    id: x\n    bearer_token: {file: TOKEN}\n"
        + "    rules: [{value: ville}]\n    catch_up_pages: 51\n").hasMessageContaining(":6:")
        .hasMessageContaining("collectors[0].catch_up_pages: must be between 0 and 50");
    assertRejected("collectors:\n  - type: webhook\n    id: w\n    token: {file: TOKEN}\n    max_batch: 0\n")
        .hasMessageContaining(":5:")
        .hasMessageContaining("collectors[0].max_batch: must be between 1 and 10000");
  }

  @Test
  void shouldFailOnASecretThatCannotBeReadWithoutShowingIt() throws Exception {
    assertRejected("""
        collectors:
          - type: webhook
            id: signalements
            token: {env: CD_TEST_SURELY_UNSET_VARIABLE}
        """).hasMessageContaining(
        "collectors[0].token.env: environment variable CD_TEST_SURELY_UNSET_VARIABLE is not set");
    assertRejected("collectors:\n  - type: webhook\n    id: formulaire\n").hasMessageContaining(
        "collectors[0].token: an intake needs a token or an hmac_secret");
  }

  @Test
  void shouldRejectDuplicateIdsAndStreamsThatNeedAToken() throws Exception {
    assertRejected("collectors:\n  - {type: feed, id: a, url: 'https://a.example'}\n"
        + "  - {type: feed, id: a, url: 'https://b.example'}\n").hasMessageContaining(":3:")
        .hasMessageContaining("collectors[1].id: duplicate collector id 'a'");
    assertRejected("collectors:\n  - {type: mastodon, id: m, instance: 'https://m.example', streams: ['list:12']}\n")
        .hasMessageContaining("collectors[0].streams[0]: needs access_token");
  }
}
