package fr.communitydefender.collectors.feed;

import static fr.communitydefender.collectors.live.LiveHarness.ids;
import static fr.communitydefender.collectors.live.LiveHarness.raw;
import static fr.communitydefender.collectors.live.LiveHarness.rawNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.communitydefender.collectors.live.Fixtures;
import fr.communitydefender.collectors.live.LiveCollectors;
import fr.communitydefender.collectors.live.LiveHarness;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a local feed server with ETags: conditional polls, new items only, a restart that does not republish. */
class FeedCollectorIT {
  private final LiveHarness harness = new LiveHarness();
  private final AtomicReference<String> body = new AtomicReference<>(Fixtures.ours("feed/presse.rss"));
  private final AtomicInteger version = new AtomicInteger(1);
  private final List<String> conditions = new CopyOnWriteArrayList<>();
  private final AtomicInteger notModified = new AtomicInteger();

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  private int server() throws Exception {
    Router router = Router.router(harness.vertx);
    router.get("/rss").handler(ctx -> {
      String etag = "\"v" + version.get() + "\"";
      String given = ctx.request().getHeader("If-None-Match");
      conditions.add(given == null ? "-" : given);
      if (etag.equals(given)) {
        notModified.incrementAndGet();
        ctx.response().setStatusCode(304).end();
        return;
      }
      ctx.response().putHeader("ETag", etag).putHeader("Content-Type", "application/rss+xml").end(body.get());
    });
    return harness.serve(router);
  }

  private void publishItem(String guid, String title) {
    body.set(body.get().replace("    <item>", "    <item>\n      <title>" + title + "</title>\n      <guid>" + guid
        + "</guid>\n      <link>https://echo.example/" + guid + "</link>\n      <pubDate>Sun, 29 Nov 2026 11:00:00 +0100"
        + "</pubDate>\n    </item>\n    <item>"));
    version.incrementAndGet();
  }

  @Test
  void shouldPublishOnlyNewItemsAndResumeWithTheSavedEtag() throws Exception {
    int port = server();
    FeedConfig config = new FeedConfig("echo-it", "http://127.0.0.1:" + port + "/rss", Duration.ofSeconds(1), true,
        null);
    String prefix = "feed:echo-it:";
    LiveCollectors live = harness.start(config);
    raw(prefix, l -> ids(l).size() == 2);
    await().atMost(Duration.ofSeconds(10)).until(() -> notModified.get() >= 1);
    publishItem("echo-48300", "Sainte-Aure : la décrue commence");
    raw(prefix, l -> ids(l).size() == 3);
    await().atMost(Duration.ofSeconds(10)).until(() -> notModified.get() >= 2);
    live.close();

    conditions.clear();
    LiveCollectors restarted = harness.start(config);
    await().atMost(Duration.ofSeconds(10)).until(() -> !conditions.isEmpty());
    assertThat(conditions.get(0)).as("the saved ETag").isEqualTo("\"v2\"");
    publishItem("echo-48301", "Sainte-Aure : les écoles rouvrent lundi");
    raw(prefix, l -> ids(l).size() == 4);
    restarted.close();
    var all = rawNow(prefix);
    assertThat(ids(all)).hasSize(4).doesNotHaveDuplicates();
    assertThat(all).extracting(r -> r.value().text()).contains("Sainte-Aure : les écoles rouvrent lundi");
  }
}
