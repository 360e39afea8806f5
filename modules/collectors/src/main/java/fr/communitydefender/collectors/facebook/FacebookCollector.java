package fr.communitydefender.collectors.facebook;

import fr.communitydefender.collectors.CollectorMetrics;
import fr.communitydefender.collectors.live.CursorStore;
import fr.communitydefender.collectors.live.LiveCollector;
import fr.communitydefender.collectors.live.MentionSink;
import fr.communitydefender.collectors.live.RateLimits;
import fr.communitydefender.domain.mention.Mention;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Polls a page's feed ({@code since} the last poll, pages followed by {@code paging.next} on the Graph host only, so
 * the token never leaves it) and, for the posts updated since, their new comments. The position is the start time of
 * the last complete poll; a repeat is dropped by the sink and the streams stage.
 */
public final class FacebookCollector extends LiveCollector {
  static final String FEED_FIELDS = "id,message,story,created_time,updated_time,permalink_url,from";
  static final String COMMENT_FIELDS = "id,message,created_time,from,parent,permalink_url";
  private static final String POSITION = "since";

  private final FacebookConfig config;
  private final FacebookParser parser;
  private WebClient http;
  private long timer = -1;
  private Duration rateWait;

  public FacebookCollector(FacebookConfig config, MentionSink sink, CursorStore store, CollectorMetrics metrics) {
    super(config.id(), config.type(), sink, store, metrics);
    this.config = config;
    this.parser = new FacebookParser(config.id());
  }

  @Override
  protected void connect() {
    if (http == null) {
      http = WebClient.create(vertx);
    }
    poll();
  }

  @Override
  protected void disconnect() {
    vertx.cancelTimer(timer);
  }

  private void poll() {
    if (stopping()) {
      return;
    }
    long start = Instant.now().getEpochSecond();
    String since = position(POSITION);
    String first = config.baseUrl() + "/" + config.pageId() + "/feed?fields=" + FEED_FIELDS + "&limit=25"
        + (since == null ? "" : "&since=" + (Long.parseLong(since) - 60));
    List<Mention> posts = new ArrayList<>();
    pages(first, null, 0, posts).compose(v -> config.comments() ? comments(posts, since) : Future.succeededFuture())
        .onSuccess(v -> {
          connected();
          advance(Map.of(POSITION, Long.toString(start)));
          timer = vertx.setTimer(next().toMillis(), t -> poll());
        })
        .onFailure(e -> {
          failed("graph: " + e.getMessage());
          reconnectLater(rateWait, this::poll);
        });
  }

  private Duration next() {
    Duration wait = rateWait;
    rateWait = null;
    return wait != null && wait.compareTo(config.interval()) > 0 ? wait : config.interval();
  }

  /** Reads a page and its followers (up to max_pages), publishing each entry; collects them into {@code out}. */
  private Future<Void> pages(String url, String parent, int n, List<Mention> out) {
    return http.getAbs(url).putHeader("Authorization", "Bearer " + config.pageToken().value()).send().compose(resp -> {
      Duration wait = RateLimits.waitFor(resp.headers(), resp.statusCode(), Instant.now());
      if (wait != null) {
        rateWait = wait;
      }
      if (resp.statusCode() != 200) {
        return Future.failedFuture("HTTP " + resp.statusCode() + " on " + URI.create(url).getPath());
      }
      FacebookParser.Page page;
      try {
        page = parser.parse(resp.bodyAsString(), parent);
      } catch (IllegalArgumentException e) {
        reject("graph " + URI.create(url).getPath() + ": " + e.getMessage(), resp.bodyAsString(), null);
        return Future.succeededFuture();
      }
      page.rejected().forEach(r -> reject("graph: " + r.reason(), r.payload(), null));
      for (Mention m : page.mentions()) {
        emit(m, null);
        out.add(m);
      }
      if (page.next() == null || n + 1 >= config.maxPages() || !sameHost(page.next())) {
        return Future.succeededFuture();
      }
      return pages(page.next(), parent, n + 1, out);
    });
  }

  private boolean sameHost(String url) {
    try {
      return URI.create(url).getHost().equalsIgnoreCase(URI.create(config.baseUrl()).getHost());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private Future<Void> comments(List<Mention> posts, String since) {
    Future<Void> chain = Future.succeededFuture();
    for (Mention post : posts) {
      String url = config.baseUrl() + "/" + post.details().nativeId() + "/comments?fields=" + COMMENT_FIELDS
          + "&filter=stream&order=chronological&limit=100" + (since == null ? "" : "&since=" + (Long.parseLong(since) - 60));
      chain = chain.compose(v -> pages(url, post.id(), 0, new ArrayList<>()));
    }
    return chain;
  }
}
