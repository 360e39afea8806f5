package fr.communitydefender.collectors.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fetching from a local HTTP server: private addresses need allow_private, redirects are checked, bodies bounded. */
class SafeFetchIT {
  static Vertx vertx;
  static HttpServer server;
  static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Router r = Router.router(vertx);
    r.get("/feed").handler(ctx -> ctx.end("<rss/>"));
    r.get("/moved").handler(ctx -> ctx.response().setStatusCode(302).putHeader("Location", "/feed").end());
    r.get("/metadata").handler(ctx -> ctx.response().setStatusCode(301)
        .putHeader("Location", "http://169.254.169.254/latest/meta-data/").end());
    r.get("/loop").handler(ctx -> ctx.response().setStatusCode(302).putHeader("Location", "/loop").end());
    r.get("/big").handler(ctx -> ctx.response().setChunked(true).end("x".repeat(20_000)));
    server = vertx.createHttpServer().requestHandler(r).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    client = vertx.createHttpClient();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  static String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  static Throwable failure(String path, boolean allowPrivate, long max) throws Exception {
    try {
      SafeFetch.get(vertx, client, url(path), MultiMap.caseInsensitiveMultiMap(), max, allowPrivate)
          .await(10, TimeUnit.SECONDS);
      return null;
    } catch (Exception e) {
      return e;
    }
  }

  @Test
  void shouldFetchFollowRedirectsAndRefuseWhatIsNotAllowed() throws Exception {
    assertThat(failure("/feed", false, 1000)).hasMessageContaining("address 127.0.0.1 of 127.0.0.1 is private");
    SafeFetch.Response ok = SafeFetch.get(vertx, client, url("/moved"), MultiMap.caseInsensitiveMultiMap(), 1000, true)
        .await(10, TimeUnit.SECONDS);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body().toString()).isEqualTo("<rss/>");
    assertThat(failure("/loop", true, 1000)).hasMessageContaining("more than 5 redirects");
    assertThat(failure("/big", true, 10_000)).hasMessageContaining("over the limit of 10000");
    assertThat(failure("/metadata", false, 1000)).hasMessageContaining("private");
  }
}
