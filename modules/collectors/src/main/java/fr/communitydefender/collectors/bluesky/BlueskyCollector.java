package fr.communitydefender.collectors.bluesky;

import fr.communitydefender.collectors.CollectorMetrics;
import fr.communitydefender.collectors.live.CursorStore;
import fr.communitydefender.collectors.live.LiveCollector;
import fr.communitydefender.collectors.live.MentionSink;
import fr.communitydefender.collectors.live.RecentIds;
import fr.communitydefender.collectors.live.internal.Texts;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bluesky through Jetstream: posts only ({@code wantedCollections=app.bsky.feed.post}), filtered here by keywords,
 * hashtags and accounts; the cursor is the last event's {@code time_us}, and a reconnection asks Jetstream to replay
 * from 5 s before it (gapless; repeats are dropped). Deletes are honoured for posts this collector published
 * recently (the firehose deletes millions of posts that were never ours).
 */
public final class BlueskyCollector extends LiveCollector {
  static final String CURSOR = "time_us";
  private static final long REWIND_US = 5_000_000;

  private final BlueskyConfig config;
  private final JetstreamParser parser;
  private final List<String> keywords;
  private final Set<String> hashtags;
  private final Set<String> accounts;
  private WebSocketClient client;
  private WebSocket socket;
  private long lastTimeUs;
  private long lastAdvanceMs;
  /** Posts published within the rewind window, saved with the cursor: a replay after a restart skips them. */
  private final RecentIds recent;

  public BlueskyCollector(BlueskyConfig config, MentionSink sink, CursorStore store, CollectorMetrics metrics) {
    super(config.id(), config.type(), sink, store, metrics);
    this.config = config;
    this.parser = new JetstreamParser(config.id());
    this.keywords = Texts.foldAll(config.keywords());
    this.hashtags = Set.copyOf(Texts.foldAll(config.hashtags()));
    this.accounts = Set.copyOf(config.accounts());
    String saved = position(CURSOR);
    this.lastTimeUs = saved == null ? 0 : Long.parseLong(saved);
    this.recent = RecentIds.decode(position(RecentIds.POSITION));
  }

  /** The subscription URL, resuming from {@code cursorUs} (0: live). */
  String url(long cursorUs) {
    StringBuilder url = new StringBuilder(config.url()).append("?wantedCollections=app.bsky.feed.post");
    if (keywords.isEmpty() && hashtags.isEmpty()) {
      accounts.stream().sorted().forEach(d -> url.append("&wantedDids=").append(URLEncoder.encode(d, StandardCharsets.UTF_8)));
    }
    if (cursorUs > 0) {
      url.append("&cursor=").append(Math.max(1, cursorUs - REWIND_US));
    }
    return url.toString();
  }

  @Override
  protected void connect() {
    if (client == null) {
      client = vertx.createWebSocketClient();
    }
    client.connect(new WebSocketConnectOptions().setAbsoluteURI(url(lastTimeUs))).onSuccess(ws -> {
      socket = ws;
      connected();
      ws.textMessageHandler(this::onMessage);
      ws.exceptionHandler(e -> failed("jetstream: " + e.getMessage()));
      ws.closeHandler(v -> {
        socket = null;
        if (!stopping()) {
          failed("jetstream closed the connection");
          reconnectLater(null);
        }
      });
    }).onFailure(e -> {
      failed("jetstream: cannot connect: " + e.getMessage());
      reconnectLater(null);
    });
  }

  @Override
  protected void disconnect() {
    if (socket != null) {
      socket.close();
    }
  }

  private void onMessage(String message) {
    JetstreamParser.Event event;
    try {
      event = parser.event(message);
    } catch (IllegalArgumentException e) {
      reject("jetstream: " + e.getMessage(), message, null);
      return;
    }
    lastTimeUs = Math.max(lastTimeUs, event.timeUs());
    Map<String, String> after = Map.of(CURSOR, Long.toString(lastTimeUs));
    if (event instanceof JetstreamParser.Post p && wanted(p) && !recent.contains(versionKey(p))) {
      recent.add(versionKey(p), p.timeUs());
      recent.forgetBefore(lastTimeUs - REWIND_US);
      emit(p.mention(), Map.of(CURSOR, Long.toString(lastTimeUs), RecentIds.POSITION, recent.encode()));
    } else if (event instanceof JetstreamParser.Delete d && sink.knows(d.mentionId())) {
      emitDelete(d.mentionId(), after);
    } else if (System.currentTimeMillis() - lastAdvanceMs >= 1_000) {
      lastAdvanceMs = System.currentTimeMillis();
      advance(after);
    }
    pauseWhileOverloaded(socket);
  }

  /** An edit is a new version of the same mention: it is published even when the first version was. */
  private static String versionKey(JetstreamParser.Post p) {
    return p.mention().id() + (p.mention().edited() ? "~" + p.timeUs() : "");
  }

  private boolean wanted(JetstreamParser.Post p) {
    return accounts.contains(p.did()) || p.hashtags().stream().anyMatch(hashtags::contains)
        || (!keywords.isEmpty() && Texts.matchesAny(p.mention().text(), keywords));
  }
}
