package fr.communitydefender.devservices.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.text.Html;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local server speaking the part of Mastodon's REST API the console publishes with, for the demo and the tests
 * (the commune's real instance is not reachable here): {@code POST /api/v1/statuses} (form-encoded or JSON, bearer
 * token, {@code Idempotency-Key} honoured like Mastodon: the same key returns the first status),
 * {@code GET /api/v1/statuses/:id}, {@code GET /api/v1/accounts/1/statuses} (newest first) and a public page per
 * status ({@code /@ville/:id}, the status URL). {@link #failNext(int)} makes the next posts fail with HTTP 503.
 */
public final class MastodonStandIn implements AutoCloseable {
  /** A status as received. */
  public record Status(String id, String text, String inReplyToId, String visibility, String idempotencyKey,
      Instant at) {}

  private final HttpServer server;
  private final String token;
  private final List<Status> statuses = new ArrayList<>();
  private final Map<String, Status> byKey = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(110_000_000_000L);
  private final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();

  private MastodonStandIn(HttpServer server, String token) {
    this.server = server;
    this.token = token;
  }

  /** Starts on {@code port} (0: any free port) of the loopback address. */
  public static MastodonStandIn start(int port, String token) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      MastodonStandIn m = new MastodonStandIn(server, token);
      server.createContext("/", m::handle);
      server.setExecutor(Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "mastodon-stand-in");
        t.setDaemon(true);
        return t;
      }));
      server.start();
      return m;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the Mastodon stand-in: " + e.getMessage(), e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public synchronized List<Status> statuses() {
    return List.copyOf(statuses);
  }

  /** The next {@code n} posts answer 503 (after storing nothing). */
  public void failNext(int n) {
    failures.set(n);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      if (method.equals("POST") && path.equals("/api/v1/statuses")) {
        post(ex);
      } else if (method.equals("GET") && path.startsWith("/api/v1/statuses/")) {
        Status s = find(path.substring("/api/v1/statuses/".length()));
        if (s == null) {
          json(ex, 404, "{\"error\":\"Record not found\"}");
        } else {
          json(ex, 200, status(s).toString());
        }
      } else if (method.equals("GET") && path.equals("/api/v1/accounts/1/statuses")) {
        List<Status> all = statuses();
        var array = Json.MAPPER.createArrayNode();
        for (int i = all.size() - 1; i >= 0; i--) {
          array.add(status(all.get(i)));
        }
        json(ex, 200, array.toString());
      } else if (method.equals("GET") && path.startsWith("/@ville/")) {
        Status s = find(path.substring("/@ville/".length()));
        if (s == null) {
          send(ex, 404, "text/plain; charset=utf-8", "not found");
        } else {
          send(ex, 200, "text/html; charset=utf-8", "<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\">"
              + "<title>@ville — Mastodon (démo locale)</title><main><p><strong>@ville</strong> · "
              + Html.escape(s.at().toString()) + "</p><p id=\"status\">" + Html.escape(s.text()) + "</p></main></html>");
        }
      } else {
        json(ex, 404, "{\"error\":\"Record not found\"}");
      }
    }
  }

  private void post(HttpExchange ex) throws IOException {
    if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      json(ex, 401, "{\"error\":\"The access token is invalid\"}");
      return;
    }
    Map<String, String> params = new LinkedHashMap<>();
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readNBytes(1_000_000);
    }
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type != null && type.startsWith("application/json")) {
      JsonNode n = Json.MAPPER.readTree(body);
      n.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
    } else {
      for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    String text = params.get("status");
    if (text == null || text.isBlank()) {
      json(ex, 422, "{\"error\":\"Validation failed: Text can't be blank\"}");
      return;
    }
    if (text.codePointCount(0, text.length()) > 500) {
      json(ex, 422, "{\"error\":\"Validation failed: Text character limit of 500 exceeded\"}");
      return;
    }
    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      json(ex, 503, "{\"error\":\"Service Unavailable\"}");
      return;
    }
    String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
    Status s;
    synchronized (this) {
      Status existing = key == null ? null : byKey.get(key);
      if (existing != null) {
        s = existing;
      } else {
        s = new Status(String.valueOf(ids.incrementAndGet()), text, params.get("in_reply_to_id"),
            params.getOrDefault("visibility", "public"), key, Instant.now());
        statuses.add(s);
        if (key != null) {
          byKey.put(key, s);
        }
      }
    }
    json(ex, 200, status(s).toString());
  }

  private synchronized Status find(String id) {
    return statuses.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
  }

  private ObjectNode status(Status s) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("id", s.id());
    n.put("created_at", s.at().toString());
    n.put("in_reply_to_id", s.inReplyToId());
    n.put("visibility", s.visibility());
    n.put("uri", baseUrl() + "/users/ville/statuses/" + s.id());
    n.put("url", baseUrl() + "/@ville/" + s.id());
    n.put("content", "<p>" + Html.escape(s.text()) + "</p>");
    n.putObject("account").put("id", "1").put("username", "ville").put("acct", "ville");
    return n;
  }

  private static void json(HttpExchange ex, int status, String body) throws IOException {
    send(ex, status, "application/json; charset=utf-8", body);
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
