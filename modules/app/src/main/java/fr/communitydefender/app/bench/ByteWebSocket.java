package fr.communitydefender.app.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The harness's WebSocket client (RFC 6455, client side, no extensions): it hands each whole message to its handler
 * as bytes, without decoding them to a string. A browser decodes in its own process; the harness's 200 clients run in
 * the measured JVM, where the JDK client's UTF-8 decoding of every frame was a third of the screen phase's samples.
 * One virtual thread per client reads; pings are answered, a close is returned.
 */
final class ByteWebSocket implements AutoCloseable {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  /** A whole message: {@code data[0..length)}, received at {@code nanoTime}; the array is reused afterwards. */
  interface Handler {
    void message(byte[] data, int length, long nanoTime);
  }

  private final Socket socket;
  private final OutputStream out;
  private final Thread reader;

  private ByteWebSocket(Socket socket, OutputStream out, DataInputStream in, Handler handler) {
    this.socket = socket;
    this.out = out;
    this.reader = Thread.ofVirtual().name("bench-ws").start(() -> read(in, handler));
  }

  /** Opens {@code ws://host:port/path} with the given request headers ({@code name: value} lines). */
  static ByteWebSocket connect(String host, int port, String path, Handler handler, String... headers)
      throws IOException {
    Objects.requireNonNull(handler, "handler");
    Socket socket = new Socket(host, port);
    socket.setTcpNoDelay(true);
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    String key = Base64.getEncoder().encodeToString(nonce);
    StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: ").append(host)
        .append(':').append(port).append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ")
        .append(key).append("\r\nSec-WebSocket-Version: 13\r\n");
    for (String h : headers) {
      request.append(h).append("\r\n");
    }
    OutputStream out = socket.getOutputStream();
    out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
    String response = head(in);
    String accept = accept(key);
    if (!response.startsWith("HTTP/1.1 101") || !response.toLowerCase(java.util.Locale.ROOT)
        .contains("sec-websocket-accept: " + accept.toLowerCase(java.util.Locale.ROOT))) {
      socket.close();
      throw new IOException("WebSocket upgrade refused: " + response.lines().findFirst().orElse(""));
    }
    return new ByteWebSocket(socket, out, in, handler);
  }

  private static String head(DataInputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    while (!sb.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed during the upgrade");
      }
      sb.append((char) b);
    }
    return sb.toString();
  }

  static String accept(String key) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
          .digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void read(DataInputStream in, Handler handler) {
    byte[] message = new byte[256 * 1024];
    int length = 0;
    try {
      while (true) {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        int opcode = b0 & 0x0F;
        long size = b1 & 0x7F;
        if (size == 126) {
          size = in.readUnsignedShort();
        } else if (size == 127) {
          size = in.readLong();
        }
        byte[] mask = null;
        if ((b1 & 0x80) != 0) { // a server does not mask; read it anyway
          mask = new byte[4];
          in.readFully(mask);
        }
        if (opcode >= 8) { // control frame: close, ping, pong (at most 125 bytes)
          byte[] payload = new byte[(int) size];
          in.readFully(payload);
          unmask(payload, 0, payload.length, mask);
          if (opcode == 8) {
            send(8, payload);
            return;
          }
          if (opcode == 9) {
            send(10, payload);
          }
          continue;
        }
        if (opcode != 0) {
          length = 0; // a new text or binary message
        }
        if (length + size > message.length) {
          message = Arrays.copyOf(message, (int) Math.max(length + size, 2L * message.length));
        }
        in.readFully(message, length, (int) size);
        unmask(message, length, (int) size, mask);
        length += (int) size;
        if ((b0 & 0x80) != 0) {
          handler.message(message, length, System.nanoTime());
          length = 0;
        }
      }
    } catch (IOException e) {
      // closed by us or by the server
    } finally {
      try {
        socket.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  private static void unmask(byte[] data, int from, int length, byte[] mask) {
    if (mask != null) {
      for (int i = 0; i < length; i++) {
        data[from + i] ^= mask[i & 3];
      }
    }
  }

  /** A final frame from the client: masked, as RFC 6455 requires. */
  private synchronized void send(int opcode, byte[] payload) throws IOException {
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    byte[] frame = new byte[6 + payload.length];
    frame[0] = (byte) (0x80 | opcode);
    frame[1] = (byte) (0x80 | payload.length);
    System.arraycopy(mask, 0, frame, 2, 4);
    for (int i = 0; i < payload.length; i++) {
      frame[6 + i] = (byte) (payload[i] ^ mask[i & 3]);
    }
    out.write(frame);
    out.flush();
  }

  /** Sends a normal close (1000) and closes the connection. */
  @Override
  public void close() {
    try {
      send(8, new byte[] {0x03, (byte) 0xE8});
    } catch (IOException ignored) {
      // the connection is already gone
    }
    try {
      reader.join(2_000);
      socket.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
