package fr.communitydefender.room.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.room.Publication;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * Bluesky through the AT Protocol's XRPC API: {@code com.atproto.server.createSession} (handle and app password),
 * then {@code com.atproto.repo.createRecord} of an {@code app.bsky.feed.post} whose record key is a TID derived from
 * the publication's id and time, so a retry first finds the post with {@code getRecord} and does not post twice. A
 * reply (the parent's {@code at://} URI) carries the {@code reply} refs (root and parent, URI and CID) read from the
 * parent.
 */
public final class BlueskyClient implements SocialClient {
  private static final String POST = "app.bsky.feed.post";
  private static final String TID_CHARS = "234567abcdefghijklmnopqrstuvwxyz";
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI service;
  private final String handle;
  private final String password;

  public BlueskyClient(URI service, String handle, String password) {
    this.service = java.util.Objects.requireNonNull(service, "service");
    this.handle = java.util.Objects.requireNonNull(handle, "handle");
    this.password = java.util.Objects.requireNonNull(password, "password");
  }

  @Override
  public Posted post(Publication p) throws IOException, InterruptedException {
    ObjectNode login = Json.MAPPER.createObjectNode().put("identifier", handle).put("password", password);
    JsonNode session = call("POST", "com.atproto.server.createSession", null, login);
    String jwt = session.path("accessJwt").asText();
    String did = session.path("did").asText();
    String rkey = tid(p);
    JsonNode existing = getRecord(jwt, did, rkey);
    if (existing != null) {
      return new Posted(existing.path("uri").asText(), url(rkey));
    }
    ObjectNode record = Json.MAPPER.createObjectNode().put("$type", POST).put("text", p.text())
        .put("createdAt", p.at().toString());
    record.putArray("langs").add("fr");
    if (p.replyToRef() != null && p.replyToRef().startsWith("at://")) {
      String[] parts = p.replyToRef().substring(5).split("/");
      if (parts.length != 3) {
        throw new Refused("reply target is not an at:// post URI: " + p.replyToRef());
      }
      JsonNode parent = call("GET", "com.atproto.repo.getRecord?repo=" + enc(parts[0]) + "&collection="
          + enc(parts[1]) + "&rkey=" + enc(parts[2]), jwt, null);
      ObjectNode parentRef = Json.MAPPER.createObjectNode().put("uri", parent.path("uri").asText())
          .put("cid", parent.path("cid").asText());
      JsonNode root = parent.path("value").path("reply").path("root");
      ObjectNode reply = record.putObject("reply");
      reply.set("root", root.isMissingNode() ? parentRef : root);
      reply.set("parent", parentRef);
    }
    ObjectNode body = Json.MAPPER.createObjectNode().put("repo", did).put("collection", POST).put("rkey", rkey);
    body.set("record", record);
    JsonNode created = call("POST", "com.atproto.repo.createRecord", jwt, body);
    return new Posted(created.path("uri").asText(), url(rkey));
  }

  private String url(String rkey) {
    return "https://bsky.app/profile/" + handle + "/post/" + rkey;
  }

  private JsonNode getRecord(String jwt, String did, String rkey) throws IOException, InterruptedException {
    HttpRequest r = HttpRequest.newBuilder(service.resolve("/xrpc/com.atproto.repo.getRecord?repo=" + enc(did)
        + "&collection=" + POST + "&rkey=" + rkey)).timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + jwt).GET().build();
    HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (resp.statusCode() == 200) {
      return Json.MAPPER.readTree(resp.body());
    }
    if (resp.statusCode() == 400 || resp.statusCode() == 404) {
      return null; // RecordNotFound
    }
    throw new IOException("Bluesky answered HTTP " + resp.statusCode() + " to getRecord");
  }

  private JsonNode call(String method, String nsid, String jwt, JsonNode body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(service.resolve("/xrpc/" + nsid)).timeout(Duration.ofSeconds(20))
        .header("Accept", "application/json");
    if (jwt != null) {
      b.header("Authorization", "Bearer " + jwt);
    }
    if (body != null) {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() / 100 != 2) {
      String msg = "Bluesky answered HTTP " + r.statusCode() + " to " + nsid.replaceAll("\\?.*", "") + ": "
          + MastodonClient.abbreviate(r.body());
      if (r.statusCode() / 100 == 4 && r.statusCode() != 408 && r.statusCode() != 429) {
        throw new Refused(msg);
      }
      throw new IOException(msg);
    }
    return Json.MAPPER.readTree(r.body());
  }

  /**
   * A TID (13 characters, base32-sortable): 53 bits of microseconds since the epoch (the publication's time) and 10
   * bits of "clock id" taken from the SHA-256 of the publication's id, the same on every retry.
   */
  static String tid(Publication p) {
    long micros = p.at().getEpochSecond() * 1_000_000L + p.at().getNano() / 1_000;
    long clock;
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(p.id().getBytes(StandardCharsets.UTF_8));
      clock = ((h[0] & 0xff) << 2 | (h[1] & 0xff) >> 6) & 0x3ff;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long v = (micros & 0x1F_FFFF_FFFF_FFFFL) << 10 | clock;
    char[] out = new char[13];
    for (int i = 12; i >= 0; i--) {
      out[i] = TID_CHARS.charAt((int) (v & 31));
      v >>>= 5;
    }
    return new String(out);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
