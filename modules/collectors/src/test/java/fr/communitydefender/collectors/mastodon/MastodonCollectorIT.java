package fr.communitydefender.collectors.mastodon;

import static fr.communitydefender.collectors.live.LiveHarness.ids;
import static fr.communitydefender.collectors.live.LiveHarness.raw;
import static fr.communitydefender.collectors.live.LiveHarness.rawNow;
import static fr.communitydefender.collectors.live.LiveHarness.tombstones;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.communitydefender.collectors.live.LiveCollectors;
import fr.communitydefender.collectors.live.LiveHarness;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Against a local server speaking Mastodon's streaming API (WebSocket, payloads as JSON strings) and REST timelines
 * ({@code min_id} paging): disconnect, catch-up, resume after a restart, deletes, malformed events.
 */
class MastodonCollectorIT {
  private final LiveHarness harness = new LiveHarness();
  private final List<JsonObject> timeline = new CopyOnWriteArrayList<>();
  private final List<ServerWebSocket> sockets = new CopyOnWriteArrayList<>();
  private final List<String> minIds = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  private int server() throws Exception {
    Router router = Router.router(harness.vertx);
    router.route("/api/v1/streaming").handler(ctx -> {
      if (!"hashtag".equals(ctx.request().getParam("stream")) || !"sainteaure".equals(ctx.request().getParam("tag"))) {
        ctx.response().setStatusCode(400).end();
        return;
      }
      ctx.request().toWebSocket().onSuccess(sockets::add);
    });
    router.get("/api/v1/timelines/tag/sainteaure").handler(ctx -> {
      String minId = ctx.request().getParam("min_id");
      minIds.add(minId);
      List<JsonObject> after = timeline.stream()
          .filter(s -> Long.parseLong(s.getString("id")) > Long.parseLong(minId))
          .sorted((a, b) -> Long.compare(Long.parseLong(a.getString("id")), Long.parseLong(b.getString("id"))))
          .limit(Integer.parseInt(ctx.request().getParam("limit"))).toList();
      JsonArray newestFirst = new JsonArray();
      for (int i = after.size() - 1; i >= 0; i--) {
        newestFirst.add(after.get(i));
      }
      ctx.response().putHeader("Content-Type", "application/json").end(newestFirst.encode());
    });
    return harness.serve(router);
  }

  private static JsonObject status(int id) {
    return new JsonObject().put("id", Integer.toString(id)).put("created_at",
            Instant.parse("2026-11-29T09:00:00Z").plusSeconds(id).toString())
        .put("content", "<p>Sainte-Aure message " + id + "</p>").put("language", "fr")
        .put("url", "https://mastodon.test/@a/" + id)
        .put("account", new JsonObject().put("id", "1").put("acct", "a").put("followers_count", 10));
  }

  /** Posts a status: in the timeline, and pushed on the stream when {@code live}. */
  private void post(int id, boolean live) {
    JsonObject s = status(id);
    timeline.add(s);
    if (live) {
      push(new JsonObject().put("stream", new JsonArray().add("hashtag").add("sainteaure")).put("event", "update")
          .put("payload", s.encode()).encode());
    }
  }

  private void push(String message) {
    sockets.get(sockets.size() - 1).writeTextMessage(message);
  }

  @Test
  void shouldCatchUpAfterADisconnectAndResumeAfterARestartWithoutGapOrDuplicate() throws Exception {
    int port = server();
    MastodonConfig config = new MastodonConfig("masto-it", "http://127.0.0.1:" + port, null,
        List.of("hashtag:sainteaure"), List.of(), null, null);
    String prefix = "mastodon:127.0.0.1:";
    LiveCollectors live = harness.start(config);
    await().atMost(Duration.ofSeconds(10)).until(() -> sockets.size() == 1);
    post(1, true);
    post(2, true);
    post(3, true);
    push("{\"event\":\"update\",\"payload\":\"{broken\"}");
    push("{\"event\":\"delete\",\"payload\":\"2\"}");
    raw(prefix, l -> ids(l).size() == 3 && tombstones(l).size() == 1);
    assertThat(LiveHarness.deadLetters("collector:masto-it", 1)).singleElement()
        .satisfies(d -> assertThat(d.payload()).contains("{broken"));

    post(4, false);
    post(5, false);
    sockets.get(0).close();
    await().atMost(Duration.ofSeconds(15)).until(() -> sockets.size() == 2);
    await().atMost(Duration.ofSeconds(10)).until(() -> minIds.contains("3"));
    post(6, true);
    push(new JsonObject().put("event", "update").put("payload", status(5).encode()).encode());
    raw(prefix, l -> ids(l).size() >= 6);
    live.close();

    post(7, false);
    LiveCollectors restarted = harness.start(config);
    raw(prefix, l -> ids(l).contains(prefix + "7"));
    assertThat(minIds).as("resumed from the last acknowledged status").contains("6");
    restarted.close();
    var all = rawNow(prefix);
    assertThat(ids(all)).containsExactlyInAnyOrder(prefix + "1", prefix + "2", prefix + "3", prefix + "4",
        prefix + "5", prefix + "6", prefix + "7");
    assertThat(tombstones(all)).containsExactly(prefix + "2");
    assertThat(all.stream().filter(r -> r.value() != null).map(r -> r.value().text()))
        .contains("Sainte-Aure message 4");
    assertThat(LiveHarness.healthReports("masto-it")).last().satisfies(h -> {
      assertThat(h.type()).isEqualTo("mastodon");
      assertThat(h.messages()).isGreaterThanOrEqualTo(1);
    });
  }
}
