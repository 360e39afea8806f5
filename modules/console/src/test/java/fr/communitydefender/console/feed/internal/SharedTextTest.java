package fr.communitydefender.console.feed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocketClientOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SharedTextTest {
  @Test
  void shouldArriveAsOneWholeTextMessageAtEveryClientWhenEncodedOnce() throws Exception {
    // larger than two frames, with two-byte and four-byte characters across the frame boundaries
    StringBuilder sb = new StringBuilder("{\"type\":\"mentions\",\"text\":\"");
    while (sb.length() < 3 * SharedText.FRAME_BYTES) {
      sb.append("Crue à Sainte-Aure 🌊 ");
    }
    String big = sb.append("\"}").toString();
    SharedText bigText = SharedText.of(big);
    SharedText small = SharedText.of("{\"type\":\"incident\"}");
    assertThat(bigText.continuations()).isGreaterThan(2);
    assertThat(small.continuations()).isEqualTo(1);
    assertThat(SharedText.of("{").continuations()).isZero();

    Vertx vertx = Vertx.vertx();
    try {
      HttpServer server = vertx.createHttpServer().webSocketHandler(ws -> {
        bigText.writeTo(ws);
        small.writeTo(ws);
        SharedText.of("").writeTo(ws);
      }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
      List<LinkedBlockingQueue<String>> received = new ArrayList<>();
      List<WebSocket> clients = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        received.add(messages);
        clients.add(HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
            URI.create("ws://127.0.0.1:" + server.actualPort() + "/"), new WebSocket.Listener() {
              final StringBuilder partial = new StringBuilder();

              @Override
              public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                  messages.add(partial.toString());
                  partial.setLength(0);
                }
                ws.request(1);
                return null;
              }
            }).get(10, TimeUnit.SECONDS));
      }
      // a browser asks for per-message compression: the same messages through a compressing connection
      LinkedBlockingQueue<String> compressed = new LinkedBlockingQueue<>();
      received.add(compressed);
      vertx.createWebSocketClient(new WebSocketClientOptions().setTryUsePerMessageCompression(true)
              .setMaxMessageSize(1 << 20))
          .connect(server.actualPort(), "127.0.0.1", "/").onSuccess(ws -> ws.textMessageHandler(compressed::add))
          .await(10, TimeUnit.SECONDS);
      for (LinkedBlockingQueue<String> messages : received) {
        assertThat(messages.poll(10, TimeUnit.SECONDS)).isEqualTo(big);
        assertThat(messages.poll(10, TimeUnit.SECONDS)).isEqualTo("{\"type\":\"incident\"}");
        assertThat(messages.poll(10, TimeUnit.SECONDS)).isEmpty();
      }
      clients.forEach(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join());
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
