package fr.communitydefender.collectors.x;

import fr.communitydefender.collectors.live.CappedBody;
import fr.communitydefender.collectors.CollectorMetrics;
import fr.communitydefender.collectors.live.CursorStore;
import fr.communitydefender.collectors.live.LiveCollector;
import fr.communitydefender.collectors.live.MentionSink;
import fr.communitydefender.collectors.live.RateLimits;
import fr.communitydefender.collectors.live.internal.Ids;
import fr.communitydefender.domain.mention.Mention;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * X API v2 filtered stream: rules synchronised with the configuration, then the stream (newline-delimited JSON,
 * keep-alive new lines every ~20 s; 30 s of silence means a stalled connection); after each (re)connection the recent
 * search reads what was posted since the last acknowledged tweet id. Rate-limit headers decide the waits.
 */
public final class XCollector extends LiveCollector {
  static final String FIELDS = "tweet.fields=created_at,lang,author_id,public_metrics,referenced_tweets,"
      + "conversation_id,edit_history_tweet_ids,entities&expansions=author_id,referenced_tweets.id"
      + "&user.fields=username,name,verified,verified_type,public_metrics";
  private static final String POSITION = "since_id";

  private final XConfig config;
  private final XParser parser;
  private WebClient http;
  private HttpClient streamClient;
  private HttpClientResponse response;
  private boolean catchingUp;
  private String maxSeen;
  private String catchUpFrom;
  private long lastDataMs;
  private long stallTimer = -1;

  public XCollector(XConfig config, MentionSink sink, CursorStore store, CollectorMetrics metrics) {
    super(config.id(), config.type(), sink, store, metrics);
    this.config = config;
    this.parser = new XParser(config.id());
    this.maxSeen = position(POSITION);
  }

  @Override
  protected void connect() {
    if (http == null) {
      // an API that answers with a redirect is an error, never followed (it could point inside the network)
      http = WebClient.create(vertx, new io.vertx.ext.web.client.WebClientOptions().setFollowRedirects(false));
      streamClient = vertx.createHttpClient();
    }
    syncRules().onSuccess(v -> openStream()).onFailure(e -> {
      failed("rules: " + e.getMessage());
      reconnectLater(e instanceof RateLimited r ? r.wait : null);
    });
  }

  @Override
  protected void disconnect() {
    vertx.cancelTimer(stallTimer);
    if (response != null) {
      response.request().connection().close();
    }
  }

  /** The longest line of the filtered stream kept (a tweet with its expansions is a few kB). */
  static final int MAX_LINE = 1024 * 1024;

  private String bearer() {
    return "Bearer " + config.bearerToken().value();
  }

  /** Deletes the app's rules that are not configured and adds the missing ones. */
  Future<Void> syncRules() {
    String url = config.baseUrl() + "/2/tweets/search/stream/rules";
    return http.getAbs(url).as(CappedBody.of(CappedBody.DEFAULT_MAX)).putHeader("Authorization", bearer()).send()
        .compose(resp -> {
      checkOk(resp);
      JsonArray existing = resp.bodyAsJsonObject().getJsonArray("data", new JsonArray());
      Set<String> wanted = config.rules().stream().map(XConfig.Rule::value).collect(Collectors.toSet());
      List<String> stale = new ArrayList<>();
      Set<String> present = new java.util.HashSet<>();
      for (int i = 0; i < existing.size(); i++) {
        JsonObject r = existing.getJsonObject(i);
        if (wanted.contains(r.getString("value"))) {
          present.add(r.getString("value"));
        } else {
          stale.add(r.getString("id"));
        }
      }
      JsonArray add = new JsonArray();
      config.rules().stream().filter(r -> !present.contains(r.value())).forEach(r -> add.add(
          r.tag() == null ? new JsonObject().put("value", r.value())
              : new JsonObject().put("value", r.value()).put("tag", r.tag())));
      Future<Void> deleted = stale.isEmpty() ? Future.succeededFuture() : post(url,
          new JsonObject().put("delete", new JsonObject().put("ids", new JsonArray(stale))));
      return deleted.compose(v -> add.isEmpty() ? Future.succeededFuture() : post(url, new JsonObject().put("add", add)));
    });
  }

  private Future<Void> post(String url, JsonObject body) {
    return http.postAbs(url).putHeader("Authorization", bearer()).sendJsonObject(body).map(resp -> {
      checkOk(resp);
      JsonArray errors = resp.bodyAsJsonObject().getJsonArray("errors");
      if (errors != null && !errors.isEmpty()) {
        throw new IllegalStateException("X refused rules: " + errors.encode());
      }
      return null;
    });
  }

  /** A non-2xx answer; carries X's wait when it is a rate limit. */
  static final class RateLimited extends IllegalStateException {
    final Duration wait;

    RateLimited(String message, Duration wait) {
      super(message);
      this.wait = wait;
    }
  }

  private static void checkOk(HttpResponse<Buffer> resp) {
    if (resp.statusCode() / 100 != 2) {
      throw new RateLimited("HTTP " + resp.statusCode(), RateLimits.waitFor(resp.headers(), resp.statusCode(),
          Instant.now()));
    }
  }

  private void openStream() {
    if (stopping()) {
      return;
    }
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
        .setAbsoluteURI(config.baseUrl() + "/2/tweets/search/stream?" + FIELDS).addHeader("Authorization", bearer())
        .setIdleTimeout(0);
    streamClient.request(options).compose(req -> req.send()).onSuccess(resp -> {
      if (resp.statusCode() != 200) {
        Duration wait = RateLimits.waitFor(resp.headers(), resp.statusCode(), Instant.now());
        resp.body().onComplete(b -> {
          failed("stream: HTTP " + resp.statusCode());
          reconnectLater(wait, this::openStream);
        });
        return;
      }
      response = resp;
      connected();
      lastDataMs = System.currentTimeMillis();
      stallTimer = vertx.setPeriodic(5_000, t -> {
        if (System.currentTimeMillis() - lastDataMs > 30_000) {
          vertx.cancelTimer(t);
          failed("stream stalled (no keep-alive for 30 s)");
          resp.request().connection().close();
        }
      });
      RecordParser lines = RecordParser.newDelimited("\n", line -> onLine(line.toString(StandardCharsets.UTF_8).trim()));
      lines.maxRecordSize(MAX_LINE); // a line without end must not fill the heap
      lines.exceptionHandler(e -> {
        failed("stream: a line over " + MAX_LINE + " bytes, reconnecting");
        resp.request().connection().close();
      });
      resp.handler(b -> {
        lastDataMs = System.currentTimeMillis();
        lines.handle(b);
        pauseWhileOverloaded(resp);
      });
      resp.exceptionHandler(e -> failed("stream: " + e.getMessage()));
      resp.endHandler(v -> ended());
      resp.request().connection().closeHandler(v -> ended());
      catchUpFrom = maxSeen;
      catchUp(0, null);
    }).onFailure(e -> {
      failed("stream: cannot connect: " + e.getMessage());
      reconnectLater(null, this::openStream);
    });
  }

  private void ended() {
    if (response == null) {
      return;
    }
    response = null;
    vertx.cancelTimer(stallTimer);
    if (!stopping()) {
      failed("stream ended by the server");
      reconnectLater(null, this::openStream);
    }
  }

  private void onLine(String line) {
    if (line.isEmpty()) {
      return;
    }
    XParser.Page page;
    try {
      page = parser.parse(line);
    } catch (IllegalArgumentException e) {
      reject("x stream: " + e.getMessage(), line, null);
      return;
    }
    page.errors().forEach(err -> failed("stream: " + err));
    publish(page.mentions(), !catchingUp);
  }

  private void publish(List<Mention> mentions, boolean advance) {
    for (Mention m : mentions) {
      String id = m.details().nativeId();
      if (maxSeen == null || Ids.compareNumeric(id, maxSeen) > 0) {
        maxSeen = id;
      }
      emit(m, advance ? Map.of(POSITION, maxSeen) : null);
    }
  }

  /** Recent search from the last acknowledged id, newest page first (X's order), until no next_token. */
  private void catchUp(int page, String nextToken) {
    if (catchUpFrom == null || page >= config.catchUpPages()) {
      catchingUp = false;
      if (maxSeen != null) {
        advance(Map.of(POSITION, maxSeen));
      }
      return;
    }
    catchingUp = true;
    String url = config.baseUrl() + "/2/tweets/search/recent?query="
        + URLEncoder.encode(config.searchQuery(), StandardCharsets.UTF_8) + "&since_id=" + catchUpFrom
        + "&max_results=100&" + FIELDS + (nextToken == null ? "" : "&next_token=" + nextToken);
    http.getAbs(url).as(CappedBody.of(CappedBody.DEFAULT_MAX)).putHeader("Authorization", bearer()).send()
        .onSuccess(resp -> {
      if (resp.statusCode() != 200) {
        catchingUp = false;
        failed("recent search: HTTP " + resp.statusCode() + " (tweets older than 7 days cannot be caught up)");
        return;
      }
      XParser.Page p;
      try {
        p = parser.parse(resp.bodyAsString());
      } catch (IllegalArgumentException e) {
        catchingUp = false;
        reject("x search: " + e.getMessage(), resp.bodyAsString(), null);
        return;
      }
      List<Mention> oldestFirst = new ArrayList<>(p.mentions());
      Collections.reverse(oldestFirst);
      publish(oldestFirst, false);
      if (p.nextToken() == null) {
        catchUpFrom = null;
      }
      catchUp(page + 1, p.nextToken());
    }).onFailure(e -> {
      catchingUp = false;
      failed("recent search: " + e.getMessage());
    });
  }
}
