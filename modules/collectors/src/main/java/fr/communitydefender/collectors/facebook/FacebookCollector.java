package fr.communitydefender.collectors.facebook;

import fr.communitydefender.collectors.live.CappedBody;
import fr.communitydefender.collectors.CollectorMetrics;
import fr.communitydefender.collectors.live.CursorStore;
import fr.communitydefender.collectors.live.PollingCollector;
import fr.communitydefender.collectors.live.MentionSink;
import fr.communitydefender.collectors.live.RateLimits;
import fr.communitydefender.collectors.live.RecentIds;
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
 * the token never leaves it) and the new comments of those posts. The position is the start time of the last complete
 * poll and the ids published since then, which the next poll (asking {@code since} that time) skips.
 */
public final class FacebookCollector extends PollingCollector {
  static final String FEED_FIELDS = "id,message,story,created_time,updated_time,permalink_url,from";
  static final String COMMENT_FIELDS = "id,message,created_time,from,parent,permalink_url";
  private static final String POSITION = "since";
  /** Comments are read on this many latest posts (citizens comment on older posts too). */
  private static final int LATEST_POSTS = 25;

  private final FacebookConfig config;
  private final FacebookParser parser;
  private WebClient http;
  private Duration rateWait;
  /** Entries published since the last complete poll's start (the next poll asks from there), saved with it. */
  private final RecentIds recent;

  public FacebookCollector(FacebookConfig config, MentionSink sink, CursorStore store, CollectorMetrics metrics) {
    super(config.id(), config.type(), config.interval(), sink, store, metrics);
    this.config = config;
    this.parser = new FacebookParser(config.id());
    this.recent = RecentIds.decode(position(RecentIds.POSITION));
  }

  @Override
  protected void open() {
    if (http == null) {
      // an API that answers with a redirect is an error, never followed (it could point inside the network)
      http = WebClient.create(vertx, new io.vertx.ext.web.client.WebClientOptions().setFollowRedirects(false));
    }
  }

  @Override
  protected void poll() {
    long start = Instant.now().getEpochSecond();
    String since = position(POSITION);
    String first = config.baseUrl() + "/" + config.pageId() + "/feed?fields=" + FEED_FIELDS + "&limit=25";
    long from = since == null ? Long.MIN_VALUE : Long.parseLong(since);
    List<Mention> posts = new ArrayList<>();
    pages(first, null, 0, from, posts).compose(v -> config.comments() ? comments(posts, since) : Future.succeededFuture())
        .onSuccess(v -> {
          connected();
          recent.forgetBefore(start);
          advance(Map.of(POSITION, Long.toString(start), RecentIds.POSITION, recent.encode()));
          Duration wait = rateWait;
          rateWait = null;
          pollAgainIn(wait);
        })
        .onFailure(e -> {
          failed("graph: " + e.getMessage());
          reconnectLater(rateWait, this::poll);
        });
  }

  /**
   * Reads a page and its followers (up to max_pages, until entries older than {@code from} come — for a feed, once
   * the latest posts whose comments are read are there too), publishing the
   * entries created since {@code from} that were not published yet; collects every entry read into {@code out}.
   */
  private Future<Void> pages(String url, String parent, int n, long from, List<Mention> out) {
    return http.getAbs(url).as(CappedBody.of(CappedBody.DEFAULT_MAX))
        .putHeader("Authorization", "Bearer " + config.pageToken().value()).send().compose(resp -> {
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
      boolean older = false;
      for (Mention m : page.mentions()) {
        out.add(m);
        long created = m.publishedAt().getEpochSecond();
        older |= created < from;
        if (created >= from && !recent.contains(m.id())) {
          recent.add(m.id(), created);
          emit(m, null);
        }
      }
      boolean enough = older && (parent != null || out.size() >= LATEST_POSTS);
      if (enough || page.next() == null || n + 1 >= config.maxPages() || !sameHost(page.next())) {
        return Future.succeededFuture();
      }
      return pages(page.next(), parent, n + 1, from, out);
    });
  }

  private boolean sameHost(String url) {
    try {
      return URI.create(url).getHost().equalsIgnoreCase(URI.create(config.baseUrl()).getHost());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The new comments on the page's latest posts (comments come on older posts too, hence not only new posts). */
  private Future<Void> comments(List<Mention> posts, String since) {
    long from = since == null ? Long.MIN_VALUE : Long.parseLong(since);
    Future<Void> chain = Future.succeededFuture();
    for (Mention post : posts.subList(0, Math.min(LATEST_POSTS, posts.size()))) {
      String url = config.baseUrl() + "/" + post.details().nativeId() + "/comments?fields=" + COMMENT_FIELDS
          + "&filter=stream&order=reverse_chronological&limit=100" + (since == null ? "" : "&since=" + since);
      chain = chain.compose(v -> pages(url, post.id(), 0, from, new ArrayList<>()));
    }
    return chain;
  }
}
