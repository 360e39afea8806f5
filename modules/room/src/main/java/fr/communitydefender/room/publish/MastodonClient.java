package fr.communitydefender.room.publish;

import com.fasterxml.jackson.databind.JsonNode;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.room.Publication;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Mastodon's statuses API ({@code POST /api/v1/statuses}, form-encoded, bearer token): a reply sets
 * {@code in_reply_to_id}; the publication's id is sent as {@code Idempotency-Key}, which Mastodon honours for an
 * hour, so a retry after a lost answer returns the same status instead of posting again.
 */
public final class MastodonClient implements SocialClient {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;
  private final String token;

  public MastodonClient(URI base, String token) {
    this.base = java.util.Objects.requireNonNull(base, "base");
    this.token = java.util.Objects.requireNonNull(token, "token");
  }

  @Override
  public Posted post(Publication p) throws IOException, InterruptedException {
    StringBuilder form = new StringBuilder("status=").append(enc(p.text())).append("&visibility=public&language=fr");
    if (p.replyToRef() != null && !p.replyToRef().isBlank()) {
      form.append("&in_reply_to_id=").append(enc(p.replyToRef()));
    }
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/statuses"))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + token)
        .header("Idempotency-Key", p.id())
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() / 100 != 2) {
      String msg = "Mastodon answered HTTP " + r.statusCode() + ": " + abbreviate(r.body());
      if (r.statusCode() / 100 == 4 && r.statusCode() != 408 && r.statusCode() != 429) {
        throw new Refused(msg);
      }
      throw new IOException(msg);
    }
    JsonNode status = Json.MAPPER.readTree(r.body());
    return new Posted(status.path("id").asText(), status.path("url").asText(status.path("uri").asText()));
  }

  static String abbreviate(String s) {
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
