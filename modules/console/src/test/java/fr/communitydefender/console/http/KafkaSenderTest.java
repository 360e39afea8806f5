package fr.communitydefender.console.http;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.domain.incident.Silence;
import fr.communitydefender.domain.topic.Topics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KafkaSenderTest {
  @Test
  void shouldLeaveTheEventLoopFreeWhenKafkaIsUnreachable() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Vertx vertx = Vertx.vertx();
    KafkaSender sender = new KafkaSender("127.0.0.1:" + closedPort);
    try {
      CompletableFuture<Boolean> loopFree = new CompletableFuture<>();
      CompletableFuture<Throwable> failure = new CompletableFuture<>();
      Context context = vertx.getOrCreateContext();
      context.runOnContext(v -> {
        Future<Void> f = sender.send(context, Topics.SILENCES, "s1", new Silence("s1", "*", null, "test", "essai",
            Instant.parse("2026-12-02T21:00:00Z"), Instant.parse("2026-12-02T23:00:00Z")));
        f.onFailure(failure::complete);
        // the next task of this event loop runs before Kafka's answer (here: none, a time-out), not after it
        context.runOnContext(x -> loopFree.complete(!f.isComplete()));
      });
      assertThat(loopFree.get(30, TimeUnit.SECONDS)).isTrue();
      assertThat(failure.get(30, TimeUnit.SECONDS)).as("the caller still learns that nothing was sent").isNotNull();
    } finally {
      sender.close();
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
