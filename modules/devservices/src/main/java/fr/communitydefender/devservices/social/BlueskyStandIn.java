package fr.communitydefender.devservices.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.communitydefender.domain.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A local server speaking the AT Protocol XRPC calls the console publishes with: {@code com.atproto.server.createSession},
 * {@code com.atproto.repo.createRecord} (refuses a record key that exists, like a PDS), {@code com.atproto.repo.getRecord}
 * ({@code RecordNotFound} with HTTP 400). Records are kept by {@code at://did/collection/rkey}; {@link #put} adds a post
 * of someone else (to reply to).
 */
public final class BlueskyStandIn implements AutoCloseable {
  public static final String DID = "did:plc:villedemo";
  private final HttpServer server;
  private final String handle;
  private final String password;
  private final Map<String, ObjectNode> records = new LinkedHashMap<>();

  private BlueskyStandIn(HttpServer server, String handle, String password) {
    this.server = server;
    this.handle = handle;
    this.password = password;
  }

  public static BlueskyStandIn start(String handle, String appPassword) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      BlueskyStandIn b = new BlueskyStandIn(server, handle, appPassword);
      server.createContext("/xrpc/", b::handle);
      server.setExecutor(Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bluesky-stand-in");
        t.setDaemon(true);
        return t;
      }));
      server.start();
      return b;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Records by URI, in the order created. */
  public synchronized Map<String, ObjectNode> records() {
    return new LinkedHashMap<>(records);
  }

  /** Adds a record (e.g. a resident's post) and returns its URI. */
  public synchronized String put(String did, String rkey, ObjectNode value) {
    String uri = "at://" + did + "/app.bsky.feed.post/" + rkey;
    records.put(uri, wrap(uri, value));
    return uri;
  }

  private static ObjectNode wrap(String uri, JsonNode value) {
    ObjectNode r = Json.MAPPER.createObjectNode();
    r.put("uri", uri);
    r.put("cid", "bafyrei" + Integer.toHexString(uri.hashCode() & 0x7fffffff) + Integer.toHexString(value.hashCode()));
    r.set("value", value);
    return r;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String nsid = ex.getRequestURI().getPath().substring("/xrpc/".length());
      JsonNode body;
      try (InputStream in = ex.getRequestBody()) {
        byte[] bytes = in.readNBytes(1_000_000);
        body = bytes.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(bytes);
      }
      switch (nsid) {
        case "com.atproto.server.createSession" -> {
          if (!handle.equals(body.path("identifier").asText()) || !password.equals(body.path("password").asText())) {
            send(ex, 401, "{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}");
            return;
          }
          send(ex, 200, Json.MAPPER.createObjectNode().put("accessJwt", "jwt-" + handle).put("refreshJwt", "r")
              .put("handle", handle).put("did", DID).toString());
        }
        case "com.atproto.repo.createRecord" -> {
          if (!authorized(ex)) {
            return;
          }
          String uri = "at://" + body.path("repo").asText() + "/" + body.path("collection").asText() + "/"
              + body.path("rkey").asText();
          synchronized (this) {
            if (records.containsKey(uri)) {
              send(ex, 400, "{\"error\":\"InvalidRequest\",\"message\":\"Record already exists\"}");
              return;
            }
            ObjectNode r = wrap(uri, body.path("record"));
            records.put(uri, r);
            send(ex, 200, Json.MAPPER.createObjectNode().put("uri", uri).put("cid", r.path("cid").asText())
                .toString());
          }
        }
        case "com.atproto.repo.getRecord" -> {
          Map<String, String> q = query(ex.getRequestURI().getRawQuery());
          String uri = "at://" + q.get("repo") + "/" + q.get("collection") + "/" + q.get("rkey");
          ObjectNode r;
          synchronized (this) {
            r = records.get(uri);
          }
          if (r == null) {
            send(ex, 400, "{\"error\":\"RecordNotFound\",\"message\":\"Could not locate record\"}");
          } else {
            send(ex, 200, r.toString());
          }
        }
        default -> send(ex, 501, "{\"error\":\"MethodNotImplemented\"}");
      }
    }
  }

  private boolean authorized(HttpExchange ex) throws IOException {
    if (!("Bearer jwt-" + handle).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      send(ex, 401, "{\"error\":\"AuthenticationRequired\"}");
      return false;
    }
    return true;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  List<String> uris() {
    return List.copyOf(records.keySet());
  }
}
