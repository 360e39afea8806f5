package fr.communitydefender.paging.sender;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The "why" of an incident for emails, from the console's {@code GET /api/incidents/{id}/explanation} (the same
 * explanation the console shows: summary, top terms, widest-reaching posts): a few plain-text lines, or nothing when
 * the console cannot give them (the page goes without them).
 */
public final class IncidentWhy {
  private final WebClient http;
  private final String consoleUrl;

  public IncidentWhy(Vertx vertx, String consoleUrl) {
    this.http = WebClient.create(vertx);
    this.consoleUrl = consoleUrl;
  }

  /**
   * The lines to add to an email about {@code incidentId}, in {@code lang}; empty when unavailable. A console that
   * does not know the incident yet (it reads the incidents topic on its own) is asked again, three times a second
   * apart; one answer may take up to 12 s (the first explanation loads the NER models), the email waits that long
   * at most — SMS pages never wait for it.
   */
  public String lines(String incidentId, String lang) {
    for (int attempt = 0; attempt < 4; attempt++) {
      try {
        HttpResponse<Buffer> resp = http.getAbs(consoleUrl + "/api/incidents/"
                + URLEncoder.encode(incidentId, StandardCharsets.UTF_8) + "/explanation").timeout(12_000).send()
            .toCompletionStage().toCompletableFuture().get(13, TimeUnit.SECONDS);
        if (resp.statusCode() == 200) {
          return format(resp.bodyAsJsonObject(), !"en".equals(lang));
        }
        if (resp.statusCode() != 404) {
          return "";
        }
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "";
      } catch (Exception e) {
        return "";
      }
    }
    return "";
  }

  static String format(JsonObject x, boolean fr) {
    StringBuilder sb = new StringBuilder();
    sb.append(fr ? "Ce qui s'en dit" : "What is said").append(" (").append(x.getInteger("sampleSize", 0))
        .append(fr ? " mentions récentes) :\n" : " recent mentions):\n");
    if (x.getString("summary") != null) {
      sb.append("  ").append(x.getString("summary")).append('\n');
    }
    List<String> terms = new ArrayList<>();
    JsonArray t = x.getJsonArray("terms", new JsonArray());
    for (int i = 0; i < Math.min(8, t.size()); i++) {
      terms.add(t.getJsonObject(i).getString("key") + " (" + t.getJsonObject(i).getLong("count") + ")");
    }
    if (!terms.isEmpty()) {
      sb.append(fr ? "  Termes : " : "  Terms: ").append(String.join(", ", terms)).append('\n');
    }
    JsonArray posts = x.getJsonArray("topPosts", new JsonArray());
    if (!posts.isEmpty()) {
      sb.append(fr ? "  Publications les plus vues :\n" : "  Widest-reaching posts:\n");
      for (int i = 0; i < Math.min(3, posts.size()); i++) {
        JsonObject p = posts.getJsonObject(i);
        String text = p.getString("text", "").replaceAll("\\s+", " ");
        sb.append("   - [").append(p.getString("source", "?")).append(fr ? ", audience " : ", reach ")
            .append(p.getLong("reach", 0L)).append("] ").append(text.length() > 200 ? text.substring(0, 200) + "…" : text)
            .append('\n');
      }
    }
    return sb.toString();
  }
}
