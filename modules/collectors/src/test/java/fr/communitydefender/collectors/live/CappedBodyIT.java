package fr.communitydefender.collectors.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CappedBodyIT {
  static Vertx vertx;
  static HttpServer server;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    server = vertx.createHttpServer().requestHandler(req -> {
      int kb = Integer.parseInt(req.getParam("kb"));
      req.response().setChunked(true);
      for (int i = 0; i < kb; i++) {
        req.response().write(Buffer.buffer(new byte[1024]));
      }
      req.response().end();
    }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldFailABodyOverTheLimitAndKeepOneUnderIt() throws Exception {
    WebClient client = WebClient.create(vertx);
    String base = "http://127.0.0.1:" + server.actualPort() + "/?kb=";
    var small = client.getAbs(base + "100").as(CappedBody.of(512 * 1024)).send()
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThat(small.body().length()).isEqualTo(100 * 1024);
    var big = client.getAbs(base + "2048").as(CappedBody.of(512 * 1024)).send().toCompletionStage().toCompletableFuture();
    Assertions.assertThatThrownBy(() -> big.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .hasMessageContaining("over the limit of 524288 bytes");
  }
}
