package fr.communitydefender.collectors.facebook;

import static fr.communitydefender.collectors.live.LiveHarness.ids;
import static fr.communitydefender.collectors.live.LiveHarness.raw;
import static fr.communitydefender.collectors.live.LiveHarness.rawNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.communitydefender.collectors.live.LiveCollectors;
import fr.communitydefender.collectors.live.LiveHarness;
import fr.communitydefender.domain.config.Secret;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a local Graph API: page token required, feed pages followed by cursor on the Graph host only, comments of
 * the latest posts, entries without id dead-lettered, a restart that asks {@code since} the last poll.
 */
class FacebookCollectorIT {
  private static final DateTimeFormatter GRAPH = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXX")
      .withZone(ZoneOffset.UTC);
  @TempDir
  Path dir;
  private final LiveHarness harness = new LiveHarness();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<JsonObject> comments = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  private static JsonObject entry(String id, String message, Instant at) {
    return new JsonObject().put("id", id).put("message", message).put("created_time", GRAPH.format(at))
        .put("from", new JsonObject().put("id", "123").put("name", "Ville de Sainte-Aure"));
  }

  private int server(Instant now) throws Exception {
    Router router = Router.router(harness.vertx);
    String base = "http://127.0.0.1:%d/v21.0";
    router.route().handler(ctx -> {
      requests.add(ctx.request().uri());
      if (!"Bearer page-s3cret".equals(ctx.request().getHeader("Authorization"))) {
        ctx.response().setStatusCode(400).end("{\"error\":{\"message\":\"Invalid OAuth access token.\",\"code\":190}}");
        return;
      }
      ctx.next();
    });
    router.get("/v21.0/123/feed").handler(ctx -> {
      int port = ctx.request().localAddress().port();
      JsonObject page = "a1".equals(ctx.request().getParam("after"))
          ? new JsonObject().put("data", new JsonArray().add(entry("123_2", "Sainte-Aure : point presse à 17h",
              now.minusSeconds(3600)))).put("paging", new JsonObject().put("next", "https://evil.example/steal?after=z"))
          : new JsonObject().put("data", new JsonArray().add(entry("123_3", "Sainte-Aure : le gymnase est ouvert",
              now.minusSeconds(60))).add(new JsonObject().put("message", "sans id").put("created_time",
              GRAPH.format(now)))).put("paging", new JsonObject().put("next", String.format(base, port)
              + "/123/feed?after=a1"));
      ctx.response().putHeader("Content-Type", "application/json").end(page.encode());
    });
    router.get("/v21.0/:post/comments").handler(ctx -> {
      JsonArray data = new JsonArray();
      comments.stream().filter(c -> c.getString("post").equals(ctx.pathParam("post")))
          .forEach(c -> data.add(entry(c.getString("id"), c.getString("message"), Instant.parse(c.getString("at")))));
      ctx.response().putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("data", data).put("paging", new JsonObject()).encode());
    });
    return harness.serve(router);
  }

  @Test
  void shouldReadTheFeedAndCommentsAndAskOnlyForWhatIsNewAfterARestart() throws Exception {
    Instant now = Instant.now();
    int port = server(now);
    comments.add(new JsonObject().put("post", "123_3").put("id", "3_1").put("message", "Merci !")
        .put("at", now.minusSeconds(30).toString()));
    FacebookConfig config = new FacebookConfig("fb-it", "http://127.0.0.1:" + port + "/v21.0", "123",
        Secret.ofFile(LiveHarness.tokenFile(dir, "page-s3cret")), Duration.ofHours(1), true, 5);
    LiveCollectors live = harness.start(config);
    raw("facebook:", l -> ids(l).containsAll(List.of("facebook:123_3", "facebook:123_2", "facebook:3_1")));
    assertThat(LiveHarness.deadLetters("collector:fb-it", 1)).singleElement()
        .satisfies(d -> assertThat(d.reason()).isEqualTo("graph: entry without id"));
    assertThat(requests).noneMatch(r -> r.contains("steal"));
    await().atMost(Duration.ofSeconds(10)).until(() -> requests.stream().anyMatch(r -> r.contains("/123_2/comments")));
    Thread.sleep(1500);
    live.close();

    comments.add(new JsonObject().put("post", "123_2").put("id", "2_1").put("message", "Et les écoles ?")
        .put("at", Instant.now().plusSeconds(1).toString()));
    requests.clear();
    LiveCollectors restarted = harness.start(config);
    raw("facebook:", l -> ids(l).contains("facebook:2_1"));
    assertThat(requests).anyMatch(r -> r.contains("/123_3/comments") && r.contains("since="));
    restarted.close();
    assertThat(ids(rawNow("facebook:"))).containsExactlyInAnyOrder("facebook:123_3", "facebook:123_2",
        "facebook:3_1", "facebook:2_1");
    assertThat(rawNow("facebook:2_1").get(0).value().details().inReplyTo()).isEqualTo("facebook:123_2");
  }
}
