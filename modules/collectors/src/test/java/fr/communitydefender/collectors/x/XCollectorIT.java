package fr.communitydefender.collectors.x;

import static fr.communitydefender.collectors.live.LiveHarness.ids;
import static fr.communitydefender.collectors.live.LiveHarness.raw;
import static fr.communitydefender.collectors.live.LiveHarness.rawNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.communitydefender.collectors.live.Fixtures;
import fr.communitydefender.collectors.live.LiveCollectors;
import fr.communitydefender.collectors.live.LiveHarness;
import fr.communitydefender.domain.config.Secret;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a local X API v2: bearer token checked, rules synchronised (stale deleted, missing added), a 429 with
 * {@code x-rate-limit-reset} honoured, the stream's keep-alives and corrupt lines, a dropped stream caught up with the
 * recent search from the last tweet id, an edit updating its mention.
 */
class XCollectorIT {
  @TempDir
  Path dir;
  private final LiveHarness harness = new LiveHarness();
  private final List<JsonObject> rulePosts = new CopyOnWriteArrayList<>();
  private final List<String> sinceIds = new CopyOnWriteArrayList<>();
  private final List<HttpServerResponse> streams = new CopyOnWriteArrayList<>();
  private final AtomicInteger streamCalls = new AtomicInteger();
  private final List<Long> streamCallTimes = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  private int server() throws Exception {
    Router router = Router.router(harness.vertx);
    router.route().handler(ctx -> {
      if (!"Bearer x-s3cret".equals(ctx.request().getHeader("Authorization"))) {
        ctx.response().setStatusCode(401).end("{\"title\":\"Unauthorized\",\"status\":401}");
        return;
      }
      ctx.next();
    });
    router.get("/2/tweets/search/stream/rules").handler(ctx -> ctx.response().end(new JsonObject().put("data",
        new JsonArray().add(new JsonObject().put("id", "r1").put("value", "old campaign"))
            .add(new JsonObject().put("id", "r2").put("value", "\"Sainte-Aure\""))).encode()));
    router.post("/2/tweets/search/stream/rules").handler(BodyHandler.create()).handler(ctx -> {
      rulePosts.add(ctx.body().asJsonObject());
      ctx.response().end(new JsonObject().put("meta", new JsonObject().put("sent", "now")).encode());
    });
    router.get("/2/tweets/search/stream").handler(ctx -> {
      streamCallTimes.add(System.currentTimeMillis());
      if (!ctx.request().getParam("expansions", "").contains("author_id")) {
        ctx.response().setStatusCode(400).end();
        return;
      }
      if (streamCalls.incrementAndGet() == 1) {
        ctx.response().setStatusCode(429)
            .putHeader("x-rate-limit-remaining", "0")
            .putHeader("x-rate-limit-reset", Long.toString(Instant.now().getEpochSecond() + 2)).end();
        return;
      }
      ctx.response().setChunked(true).putHeader("Content-Type", "application/json");
      ctx.response().write("\r\n");
      streams.add(ctx.response());
    });
    router.get("/2/tweets/search/recent").handler(ctx -> {
      sinceIds.add(ctx.request().getParam("since_id"));
      ctx.response().end(Fixtures.ours("x/search.json"));
    });
    return harness.serve(router);
  }

  @Test
  void shouldSyncRulesStreamCatchUpAfterADropAndApplyEdits() throws Exception {
    int port = server();
    List<String> lines = Fixtures.ours("x/stream.jsonl").lines().toList();
    XConfig config = new XConfig("x-it", "http://127.0.0.1:" + port,
        Secret.ofFile(LiveHarness.tokenFile(dir, "x-s3cret")),
        List.of(new XConfig.Rule("\"Sainte-Aure\"", "commune"), new XConfig.Rule("#SainteAure", "hashtag")), null);
    LiveCollectors live = harness.start(config);
    await().atMost(Duration.ofSeconds(20)).until(() -> streams.size() == 1);
    assertThat(rulePosts).containsExactly(
        new JsonObject().put("delete", new JsonObject().put("ids", new JsonArray().add("r1"))),
        new JsonObject().put("add", new JsonArray().add(new JsonObject().put("value", "#SainteAure")
            .put("tag", "hashtag"))));
    assertThat(streamCallTimes.get(1) - streamCallTimes.get(0)).as("waited for the rate-limit reset")
        .isGreaterThanOrEqualTo(900);
    assertThat(sinceIds).as("nothing to catch up on a first start").isEmpty();
    streams.get(0).write(lines.get(0) + "\r\n" + lines.get(1) + "\r\n\r\n" + lines.get(4) + "\r\n");
    raw("x:18620", l -> ids(l).size() == 2);
    assertThat(LiveHarness.deadLetters("collector:x-it", 1)).hasSize(1);
    streams.get(0).end();

    await().atMost(Duration.ofSeconds(20)).until(() -> streams.size() == 2);
    await().atMost(Duration.ofSeconds(10)).until(() -> sinceIds.contains("1862000000000000002"));
    raw("x:18620", l -> ids(l).size() == 4);
    streams.get(1).write(lines.get(2) + "\r\n");
    raw("x:18620", l -> ids(l).size() == 5);
    live.close();
    var all = rawNow("x:18620");
    assertThat(ids(all)).containsExactlyInAnyOrder("x:1862000000000000001", "x:1862000000000000002",
        "x:1862000000000000004", "x:1862000000000000005", "x:1862000000000000001");
    assertThat(all).filteredOn(r -> r.value().edited()).singleElement().satisfies(r -> {
      assertThat(r.value().details().editedAt()).isEqualTo(Instant.parse("2026-11-29T09:03:00Z"));
      assertThat(r.value().text()).contains("19h");
    });
  }
}
