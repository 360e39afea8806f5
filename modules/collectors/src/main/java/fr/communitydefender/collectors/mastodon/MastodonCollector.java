package fr.communitydefender.collectors.mastodon;

import fr.communitydefender.collectors.live.CappedBody;
import fr.communitydefender.collectors.CollectorMetrics;
import fr.communitydefender.collectors.live.CursorStore;
import fr.communitydefender.collectors.live.LiveCollector;
import fr.communitydefender.collectors.live.MentionSink;
import fr.communitydefender.collectors.live.RateLimits;
import fr.communitydefender.collectors.live.internal.Ids;
import fr.communitydefender.collectors.live.internal.Texts;
import fr.communitydefender.domain.mention.Mention;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mastodon: one WebSocket per configured stream on the streaming API; on each (re)connection the REST timeline of
 * the stream is read from the last acknowledged status id ({@code min_id}, page by page) so that nothing said while
 * disconnected is lost. While catching up, the stream's position does not move (statuses streamed meanwhile are
 * newer than the gap being filled); repeats between the two are dropped by the sink.
 */
public final class MastodonCollector extends LiveCollector {
  private final MastodonConfig config;
  private final MastodonParser parser;
  private final List<String> keywords;
  private final List<Stream> streams = new ArrayList<>();
  private WebSocketClient wsClient;
  private WebClient http;

  public MastodonCollector(MastodonConfig config, MentionSink sink, CursorStore store, CollectorMetrics metrics) {
    super(config.id(), config.type(), sink, store, metrics);
    this.config = config;
    this.parser = new MastodonParser(config.host(), config.id());
    this.keywords = Texts.foldAll(config.keywords());
  }

  @Override
  protected void connect() {
    if (wsClient == null) {
      wsClient = vertx.createWebSocketClient();
      // an API that answers with a redirect is an error, never followed (it could point inside the network)
      http = WebClient.create(vertx, new io.vertx.ext.web.client.WebClientOptions().setFollowRedirects(false));
      config.streams().forEach(s -> streams.add(new Stream(s)));
      streams.forEach(Stream::open);
    }
  }

  @Override
  protected void disconnect() {
    streams.forEach(Stream::close);
  }

  private String token() {
    return config.accessToken() == null ? null : config.accessToken().value();
  }

  /** One stream: its WebSocket, its catch-up, its position. */
  private final class Stream {
    private final String name;
    private final String position;
    private final io.vertx.core.http.WebSocketConnectOptions options;
    private WebSocket socket;
    private boolean catchingUp;
    private String maxSeen;
    private String catchUpFrom;

    Stream(String name) {
      this.name = name;
      this.position = "since:" + name;
      this.maxSeen = position(position);
      this.options = new WebSocketConnectOptions().setAbsoluteURI(config.streamingUrl() + "/api/v1/streaming?"
          + streamQuery(name));
      String token = token();
      if (token != null) {
        options.addHeader("Authorization", "Bearer " + token);
      }
    }

    void open() {
      if (stopping()) {
        return;
      }
      wsClient.connect(options).onSuccess(ws -> {
        socket = ws;
        connected();
        ws.textMessageHandler(this::onMessage);
        ws.exceptionHandler(e -> failed("stream " + name + ": " + e.getMessage()));
        ws.closeHandler(v -> {
          socket = null;
          if (!stopping()) {
            failed("stream " + name + " closed by the server");
            retry(null);
          }
        });
        catchUpFrom = maxSeen;
        catchUp(0);
      }).onFailure(e -> {
        failed("stream " + name + ": cannot connect: " + e.getMessage());
        retry(null);
      });
    }

    void close() {
      if (socket != null) {
        socket.close();
      }
    }

    private void retry(Duration hint) {
      reconnectLater(hint, this::open);
    }

    private void onMessage(String message) {
      MastodonParser.Event event;
      try {
        event = parser.event(message);
      } catch (IllegalArgumentException e) {
        reject("mastodon " + name + ": " + e.getMessage(), message, null);
        return;
      }
      if (event instanceof MastodonParser.Status s) {
        publish(s.mention(), !catchingUp);
      } else if (event instanceof MastodonParser.Delete d) {
        emitDelete(d.mentionId(), null);
      }
      pauseWhileOverloaded(socket);
    }

    /** Publishes (if it matches the keywords) and, outside catch-up, moves the position past it. */
    private void publish(Mention m, boolean advance) {
      seen(m.details().nativeId());
      Map<String, String> after = advance ? Map.of(position, maxSeen) : null;
      if (Texts.matchesAny(m.text(), keywords)) {
        emit(m, after);
      } else if (after != null) {
        advance(after);
      }
    }

    private void seen(String statusId) {
      if (maxSeen == null || Ids.compareNumeric(statusId, maxSeen) > 0) {
        maxSeen = statusId;
      }
    }

    /** Reads the timeline after the last position, oldest page first (min_id), up to the configured pages. */
    private void catchUp(int page) {
      if (catchUpFrom == null || page >= config.catchUpPages()) {
        catchingUp = false;
        if (maxSeen != null) {
          advance(Map.of(position, maxSeen));
        }
        if (catchUpFrom != null && page >= config.catchUpPages() && page > 0) {
          failed("stream " + name + ": catch-up stopped after " + page + " pages, older statuses skipped");
        }
        return;
      }
      catchingUp = true;
      var request = http.getAbs(config.instance() + timelinePath(name) + "min_id=" + catchUpFrom + "&limit=40")
          .as(CappedBody.of(CappedBody.DEFAULT_MAX));
      String token = token();
      if (token != null) {
        request.putHeader("Authorization", "Bearer " + token);
      }
      request.send().onSuccess(resp -> onPage(resp, page)).onFailure(e -> {
        catchingUp = false;
        failed("timeline " + name + ": " + e.getMessage());
      });
    }

    private void onPage(HttpResponse<Buffer> resp, int page) {
      Duration wait = RateLimits.waitFor(resp.headers(), resp.statusCode(), Instant.now());
      if (resp.statusCode() != 200) {
        catchingUp = false;
        failed("timeline " + name + ": HTTP " + resp.statusCode());
        if (wait != null) {
          vertx.setTimer(Math.max(1, wait.toMillis()), t -> catchUp(page));
        }
        return;
      }
      List<Mention> statuses;
      try {
        statuses = parser.timeline(resp.bodyAsString());
      } catch (IllegalArgumentException e) {
        catchingUp = false;
        reject("mastodon timeline " + name + ": " + e.getMessage(), resp.bodyAsString(), null);
        return;
      }
      List<Mention> oldestFirst = new ArrayList<>(statuses);
      java.util.Collections.reverse(oldestFirst);
      for (Mention m : oldestFirst) {
        publish(m, false);
        if (Ids.compareNumeric(m.details().nativeId(), catchUpFrom) > 0) {
          catchUpFrom = m.details().nativeId();
        }
      }
      if (statuses.isEmpty()) {
        catchUpFrom = null;
        catchUp(0);
      } else if (wait != null) {
        vertx.setTimer(Math.max(1, wait.toMillis()), t -> catchUp(page + 1));
      } else {
        catchUp(page + 1);
      }
    }
  }

  static String streamQuery(String stream) {
    if (stream.startsWith("hashtag:")) {
      return "stream=hashtag&tag=" + URLEncoder.encode(stream.substring(8), StandardCharsets.UTF_8);
    }
    if (stream.startsWith("list:")) {
      return "stream=list&list=" + stream.substring(5);
    }
    return "stream=" + stream;
  }

  static String timelinePath(String stream) {
    if (stream.startsWith("hashtag:")) {
      return "/api/v1/timelines/tag/" + URLEncoder.encode(stream.substring(8), StandardCharsets.UTF_8) + "?";
    }
    if (stream.startsWith("list:")) {
      return "/api/v1/timelines/list/" + stream.substring(5) + "?";
    }
    return switch (stream) {
      case "public:local" -> "/api/v1/timelines/public?local=true&";
      case "user" -> "/api/v1/timelines/home?";
      default -> "/api/v1/timelines/public?";
    };
  }
}
