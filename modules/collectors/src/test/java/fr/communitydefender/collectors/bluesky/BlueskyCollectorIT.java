package fr.communitydefender.collectors.bluesky;

import static fr.communitydefender.collectors.live.LiveHarness.ids;
import static fr.communitydefender.collectors.live.LiveHarness.raw;
import static fr.communitydefender.collectors.live.LiveHarness.rawNow;
import static fr.communitydefender.collectors.live.LiveHarness.tombstones;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.communitydefender.collectors.live.LiveCollectors;
import fr.communitydefender.collectors.live.LiveHarness;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Against a local Jetstream: it replays its event log from the {@code cursor} a client gives (as Jetstream does), then
 * streams live events. Disconnect, gapless resume, restart from the saved cursor, deletes, malformed events.
 */
class BlueskyCollectorIT {
  private static final long T0 = 1_795_942_800_000_000L;

  private final LiveHarness harness = new LiveHarness();
  private final List<JsonObject> log = new CopyOnWriteArrayList<>();
  private final List<ServerWebSocket> sockets = new CopyOnWriteArrayList<>();
  private final List<String> cursors = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  private int server() throws Exception {
    Router router = Router.router(harness.vertx);
    router.route("/subscribe").handler(ctx -> {
      if (!"app.bsky.feed.post".equals(ctx.request().getParam("wantedCollections"))) {
        ctx.response().setStatusCode(400).end();
        return;
      }
      String cursor = ctx.request().getParam("cursor");
      cursors.add(cursor == null ? "live" : cursor);
      ctx.request().toWebSocket().onSuccess(ws -> {
        if (cursor != null) {
          log.stream().filter(e -> e.getLong("time_us") >= Long.parseLong(cursor))
              .forEach(e -> ws.writeTextMessage(e.encode()));
        }
        sockets.add(ws);
      });
    });
    return harness.serve(router);
  }

  private static JsonObject post(int n, String text) {
    return new JsonObject().put("did", "did:plc:user" + n).put("time_us", T0 + n * 10_000_000L).put("kind", "commit")
        .put("commit", new JsonObject().put("operation", "create").put("collection", "app.bsky.feed.post")
            .put("rkey", "3k" + n).put("record", new JsonObject().put("$type", "app.bsky.feed.post")
                .put("text", text).put("createdAt", "2026-11-29T09:00:00Z")));
  }

  /** Appends to the log and, when {@code live}, sends to the connected client. */
  private void emit(JsonObject event, boolean live) {
    log.add(event);
    if (live) {
      sockets.get(sockets.size() - 1).writeTextMessage(event.encode());
    }
  }

  @Test
  void shouldResumeFromTheCursorAfterADropAndARestartWithoutGapOrDuplicate() throws Exception {
    int port = server();
    BlueskyConfig config = new BlueskyConfig("bsky-it", "ws://127.0.0.1:" + port + "/subscribe",
        List.of("Sainte-Aure"), List.of(), List.of());
    String prefix = "bluesky:did:plc:user";
    LiveCollectors live = harness.start(config);
    await().atMost(Duration.ofSeconds(10)).until(() -> sockets.size() == 1);
    assertThat(cursors).containsExactly("live");
    emit(post(1, "Inondation à Sainte-Aure"), true);
    emit(post(2, "Il fait beau ailleurs"), true);
    emit(post(3, "Sainte-Aure : routes coupées"), true);
    sockets.get(0).writeTextMessage("{\"time_us\": ");
    emit(post(4, "Courage Sainte-Aure"), true);
    emit(new JsonObject().put("did", "did:plc:user1").put("time_us", T0 + 45_000_000L).put("kind", "commit")
        .put("commit", new JsonObject().put("operation", "delete").put("collection", "app.bsky.feed.post")
            .put("rkey", "3k1")), true);
    raw(prefix, l -> ids(l).size() == 3 && tombstones(l).size() == 1);
    assertThat(LiveHarness.deadLetters("collector:bsky-it", 1)).hasSize(1);

    sockets.get(0).close();
    emit(post(5, "Sainte-Aure, la décrue"), false);
    emit(post(6, "Sainte-Aure remercie les pompiers"), false);
    await().atMost(Duration.ofSeconds(15)).until(() -> sockets.size() == 2);
    assertThat(cursors.get(1)).as("5 s before the last event seen").isEqualTo(Long.toString(T0 + 40_000_000L));
    raw(prefix, l -> ids(l).size() == 5);
    live.close();

    emit(post(7, "Sainte-Aure, bilan"), false);
    LiveCollectors restarted = harness.start(config);
    raw(prefix, l -> ids(l).contains(prefix + "7/3k7"));
    assertThat(cursors.get(2)).as("the saved cursor").isEqualTo(Long.toString(T0 + 55_000_000L));
    restarted.close();
    var all = rawNow(prefix);
    assertThat(ids(all)).containsExactlyInAnyOrder(prefix + "1/3k1", prefix + "3/3k3", prefix + "4/3k4",
        prefix + "5/3k5", prefix + "6/3k6", prefix + "7/3k7");
    assertThat(tombstones(all)).containsExactly(prefix + "1/3k1");
  }
}
