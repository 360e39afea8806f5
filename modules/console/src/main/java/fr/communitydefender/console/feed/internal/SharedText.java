package fr.communitydefender.console.feed.internal;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A text message encoded to UTF-8 once and written to many sockets. {@code writeTextMessage} encodes its string again
 * for every socket — at a thousand mentions a second and two hundred clients that was most of the event loop. Vert.x
 * has no public text frame made from bytes, so the message goes as RFC 6455 fragments: a text frame with its first
 * character, then continuation frames of at most {@link #FRAME_BYTES} bytes that share the encoded buffers (Vert.x
 * writes a buffer's slice, never the buffer itself). Clients see one text message. The first frame is never empty:
 * with per-message compression (browsers ask for it) Netty refuses an empty fragment that is not the last.
 */
public final class SharedText {
  /** The largest continuation frame (Vert.x's default maximum frame size for its own clients). */
  public static final int FRAME_BYTES = 65_536;

  private final String head;
  private final List<Buffer> chunks;

  private SharedText(String head, List<Buffer> chunks) {
    this.head = head;
    this.chunks = chunks;
  }

  public static SharedText of(String message) {
    String head = message.isEmpty() ? "" : message.substring(0, Character.charCount(message.codePointAt(0)));
    byte[] bytes = message.substring(head.length()).getBytes(StandardCharsets.UTF_8);
    List<Buffer> chunks = new ArrayList<>();
    for (int from = 0; from < bytes.length; from += FRAME_BYTES) {
      chunks.add(Buffer.buffer(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + FRAME_BYTES))));
    }
    return new SharedText(head, List.copyOf(chunks));
  }

  /** How many frames follow the first one. */
  public int continuations() {
    return chunks.size();
  }

  /** Writes the message to {@code ws}; call on its event loop, so that no other message comes between fragments. */
  public void writeTo(ServerWebSocket ws) {
    if (chunks.isEmpty()) {
      ws.writeTextMessage(head);
      return;
    }
    ws.writeFrame(WebSocketFrame.textFrame(head, false));
    for (int i = 0; i < chunks.size(); i++) {
      ws.writeFrame(WebSocketFrame.continuationFrame(chunks.get(i), i == chunks.size() - 1));
    }
  }
}
