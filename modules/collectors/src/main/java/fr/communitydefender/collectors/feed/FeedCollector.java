package fr.communitydefender.collectors.feed;

import fr.communitydefender.collectors.CollectorMetrics;
import fr.communitydefender.collectors.live.CursorStore;
import fr.communitydefender.collectors.live.PollingCollector;
import fr.communitydefender.collectors.live.MentionSink;
import fr.communitydefender.collectors.live.RateLimits;
import fr.communitydefender.collectors.live.SafeFetch;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Polls a feed with {@code If-None-Match} / {@code If-Modified-Since}; publishes the items not seen before (the keys
 * of the last 500 items are part of the saved position, so a restart does not publish a feed again).
 */
public final class FeedCollector extends PollingCollector {
  private static final int REMEMBERED = 500;

  private final FeedConfig config;
  private final FeedParser parser;
  private final Set<String> seen = new LinkedHashSet<>();
  private io.vertx.core.http.HttpClient http;

  public FeedCollector(FeedConfig config, MentionSink sink, CursorStore store, CollectorMetrics metrics) {
    super(config.id(), config.type(), config.interval(), sink, store, metrics);
    this.config = config;
    this.parser = new FeedParser(config.id());
    String saved = position("seen");
    if (saved != null && !saved.isEmpty()) {
      seen.addAll(Arrays.asList(saved.split(",")));
    }
  }

  @Override
  protected void open() {
    if (http == null) {
      http = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions().setConnectTimeout(10_000)
          .setIdleTimeout(60));
    }
  }

  @Override
  protected void poll() {
    io.vertx.core.MultiMap headers = io.vertx.core.MultiMap.caseInsensitiveMultiMap()
        .add("User-Agent", "CommunityDefender/0.1 (feed reader)");
    if (position("etag") != null) {
      headers.add("If-None-Match", position("etag"));
    }
    if (position("last_modified") != null) {
      headers.add("If-Modified-Since", position("last_modified"));
    }
    SafeFetch.get(vertx, http, config.url(), headers, config.maxBytes(), config.allowPrivate())
        .onSuccess(this::onResponse).onFailure(e -> {
      failed("feed: " + e.getMessage());
      reconnectLater(null, this::poll);
    });
  }

  private void onResponse(SafeFetch.Response resp) {
    Duration wait = RateLimits.waitFor(resp.headers(), resp.status(), Instant.now());
    if (resp.status() == 304) {
      connected();
      pollAgainIn(wait);
      return;
    }
    if (resp.status() != 200) {
      failed("feed: HTTP " + resp.status());
      reconnectLater(wait, this::poll);
      return;
    }
    connected();
    List<FeedParser.Item> items;
    try {
      items = parser.parse(resp.body() == null ? new byte[0] : resp.body().getBytes(), Instant.now());
    } catch (IllegalArgumentException e) {
      String body = resp.body().toString(java.nio.charset.StandardCharsets.UTF_8);
      reject("feed " + config.url() + ": " + e.getMessage(), body, null);
      pollAgainIn(wait);
      return;
    }
    List<FeedParser.Item> fresh = items.stream().filter(i -> !seen.contains(i.key())).toList();
    fresh.forEach(i -> seen.add(i.key()));
    while (seen.size() > REMEMBERED) {
      seen.remove(seen.iterator().next());
    }
    Map<String, String> after = new HashMap<>();
    after.put("seen", String.join(",", seen));
    putIfPresent(after, "etag", resp.header("ETag"));
    putIfPresent(after, "last_modified", resp.header("Last-Modified"));
    for (int i = 0; i < fresh.size(); i++) {
      emit(fresh.get(i).mention(), i == fresh.size() - 1 ? Map.copyOf(after) : null);
    }
    if (fresh.isEmpty()) {
      advance(Map.copyOf(after));
    }
    pollAgainIn(wait);
  }

  private static void putIfPresent(Map<String, String> m, String key, String value) {
    if (value != null && !value.isBlank()) {
      m.put(key, value);
    }
  }
}
