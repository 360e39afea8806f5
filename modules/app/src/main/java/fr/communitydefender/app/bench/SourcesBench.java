package fr.communitydefender.app.bench;

import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.app.start.Assembly;
import fr.communitydefender.app.start.Role;
import fr.communitydefender.app.start.RuntimeOptions;
import fr.communitydefender.collectors.bluesky.JetstreamParser;
import fr.communitydefender.collectors.feed.FeedParser;
import fr.communitydefender.collectors.live.CollectorsConfig;
import fr.communitydefender.collectors.mastodon.MastodonParser;
import fr.communitydefender.collectors.webhook.WebhookConfig;
import fr.communitydefender.domain.config.Secret;
import fr.communitydefender.domain.watch.Watch;
import fr.communitydefender.domain.watch.WatchesConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Load harness (not a test) for the live sources: parsing throughput of Jetstream events, Mastodon statuses (HTML to
 * text) and RSS items on one thread, and the webhook intake end to end (HTTP, validation, Kafka acknowledgement) on the
 * embedded broker with 4 concurrent senders of 500-mention batches. Prints one line of figures.
 * Usage: {@code SourcesBench [intake mentions]} (default 200000).
 */
public final class SourcesBench {
  private SourcesBench() {}

  public static void main(String[] args) throws Exception {
    int intakeN = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    JetstreamParser jetstream = new JetstreamParser("bsky");
    MastodonParser mastodon = new MastodonParser("mastodon.example", "masto");
    FeedParser feed = new FeedParser("echo");
    String[] events = new String[1000];
    String[] statuses = new String[1000];
    for (int i = 0; i < events.length; i++) {
      events[i] = new JsonObject().put("did", "did:plc:u" + i).put("time_us", 1_795_942_800_000_000L + i)
          .put("kind", "commit").put("commit", new JsonObject().put("operation", "create")
              .put("collection", "app.bsky.feed.post").put("rkey", "3k" + i).put("record", new JsonObject()
                  .put("$type", "app.bsky.feed.post").put("createdAt", "2026-11-29T09:00:00Z")
                  .put("langs", new JsonArray().add("fr")).put("text", "Inondation à Sainte-Aure, message " + i)))
          .encode();
      statuses[i] = new JsonObject().put("event", "update").put("payload", new JsonObject().put("id", "11300" + i)
          .put("created_at", "2026-11-29T09:00:00Z").put("content", "<p>Coupure d&#39;eau rue des Lilas à "
              + "<a href=\"https://m.example/tags/sainteaure\">#<span>SainteAure</span></a></p><p>Message " + i
              + "<br>Merci &amp; bonne soirée</p>").put("account", new JsonObject().put("id", "1").put("acct", "a")
              .put("followers_count", 10)).encode()).encode();
    }
    StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Écho</title>"
        + "<link>https://e.example</link><description>d</description>");
    for (int i = 0; i < 50; i++) {
      rss.append("<item><title>Sainte-Aure, article ").append(i).append("</title><link>https://e.example/").append(i)
          .append("</link><pubDate>Sun, 29 Nov 2026 09:30:00 +0100</pubDate><description><![CDATA[<p>Le gymnase ")
          .append(i).append(" accueille les sinistrés.</p>]]></description></item>");
    }
    byte[] rssBytes = rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    double jetstreamPerS = rate(200_000, i -> jetstream.event(events[i % events.length]));
    double mastodonPerS = rate(50_000, i -> mastodon.event(statuses[i % statuses.length]));
    double rssItemsPerS = 50 * rate(2_000, i -> feed.parse(rssBytes, Instant.now()));

    Path dir = Files.createTempDirectory("cd-sources-bench");
    Path token = Files.writeString(dir.resolve("token"), "bench-token");
    WatchesConfig watches = new WatchesConfig(List.of(new Watch("ville", null, List.of("sainte-aure"), null, null)));
    try (Assembly collect = Assembly.start(new RuntimeOptions(EnumSet.of(Role.COLLECT), dir.resolve("data"),
        null, 0, "127.0.0.1", 0, 3, null, watches, new AlertRules(List.of()), null, null, null, null,
        new CollectorsConfig(List.of(new WebhookConfig("bench", Secret.ofFile(token), null, 4 << 20, 1000)))))) {
      HttpClient http = HttpClient.newHttpClient();
      URI uri = URI.create("http://127.0.0.1:" + collect.intakePort() + "/api/intake/bench");
      int batch = 500;
      int batches = Math.max(1, intakeN / batch);
      List<String> bodies = new ArrayList<>();
      for (int b = 0; b < batches; b++) {
        JsonArray items = new JsonArray();
        for (int i = 0; i < batch; i++) {
          items.add(new JsonObject().put("id", "m" + b + "-" + i).put("publishedAt", "2026-11-29T10:00:00Z")
              .put("text", "Sainte-Aure : signalement " + b + "-" + i).put("author", "citoyen-" + i));
        }
        bodies.add(items.encode());
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      long t0 = System.nanoTime();
      List<Future<Integer>> statuses202 = new ArrayList<>();
      for (String body : bodies) {
        statuses202.add(pool.submit(() -> http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer bench-token")
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode()));
      }
      int accepted = 0;
      for (Future<Integer> f : statuses202) {
        accepted += f.get() == 202 ? batch : 0;
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      pool.shutdown();
      System.out.printf("jetstream_events_per_s=%.0f mastodon_statuses_per_s=%.0f rss_items_per_s=%.0f "
          + "intake_mentions_per_s=%.0f intake_accepted=%d/%d%n", jetstreamPerS, mastodonPerS, rssItemsPerS,
          accepted / seconds, accepted, batches * batch);
    }
  }

  /** Runs {@code work} n times after a warm-up of n/4; returns runs per second. */
  private static double rate(int n, IntConsumer work) {
    for (int i = 0; i < n / 4; i++) {
      work.accept(i);
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      work.accept(i);
    }
    return n / ((System.nanoTime() - t0) / 1e9);
  }
}
