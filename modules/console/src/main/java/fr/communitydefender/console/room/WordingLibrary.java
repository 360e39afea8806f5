package fr.communitydefender.console.room;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fr.communitydefender.console.access.AccessHandler;
import fr.communitydefender.console.access.Actor;
import fr.communitydefender.console.http.ApiErrors;
import fr.communitydefender.console.http.KafkaSender;
import fr.communitydefender.console.http.Responses;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.room.Wording;
import fr.communitydefender.domain.topic.Topics;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The library of approved wording and templates: the French starter set shipped in the jar
 * ({@code wording/starter-fr.yaml}) and what admins write (compacted topic; kind {@code hidden} hides an entry).
 * {@code GET /api/wording?q=&scenario=&kind=} searches titles, texts and tags without accents or case;
 * {@code PUT /api/wording/:id} and {@code DELETE /api/wording/:id} are for admins.
 */
public final class WordingLibrary {
  public static final Set<String> SCENARIOS = Set.of("flood", "storm", "heatwave", "strike", "water-cut",
      "cyber-attack", "road-works", "any");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
  private final Map<String, Wording> starter = new LinkedHashMap<>();
  private final Map<String, Wording> custom = new ConcurrentHashMap<>();

  public WordingLibrary() {
    try (InputStream in = WordingLibrary.class.getResourceAsStream("/wording/starter-fr.yaml")) {
      List<Wording> list = new YAMLMapper().findAndRegisterModules().readValue(in, new TypeReference<>() {});
      list.forEach(w -> starter.put(w.id(), w));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the wording starter set", e);
    }
  }

  /** From the topic (reader thread). */
  public void apply(String id, Wording w) {
    if (w == null) {
      custom.remove(id);
    } else {
      custom.put(id, w);
    }
  }

  public List<Wording> search(String q, String scenario, String kind) {
    Map<String, Wording> all = new LinkedHashMap<>(starter);
    all.putAll(custom);
    String needle = q == null ? "" : fold(q);
    List<Wording> out = new ArrayList<>();
    for (Wording w : all.values()) {
      if ("hidden".equals(w.kind()) || kind != null && !kind.equals(w.kind())
          || scenario != null && !scenario.equals(w.scenario()) && !"any".equals(w.scenario())) {
        continue;
      }
      if (needle.isEmpty() || fold(w.title() + " " + w.text() + " " + String.join(" ", w.tags())).contains(needle)) {
        out.add(w);
      }
    }
    return out;
  }

  static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
  }

  public Router router(Vertx vertx, KafkaSender sender, Clock clock) {
    Router router = Router.router(vertx);
    router.get("/wording").handler(ctx -> {
      String q = ctx.request().getParam("q");
      String scenario = ctx.request().getParam("scenario");
      String kind = ctx.request().getParam("kind");
      if (q != null && q.length() > 200) {
        ApiErrors.send(ctx, 400, "q: at most 200 characters");
        return;
      }
      if (scenario != null && !scenario.isEmpty() && !SCENARIOS.contains(scenario)) {
        ApiErrors.send(ctx, 400, "scenario: one of " + String.join(", ", SCENARIOS.stream().sorted().toList()));
        return;
      }
      Responses.json(ctx, 200, Json.write(search(q, scenario == null || scenario.isEmpty() ? null : scenario,
          kind == null || kind.isEmpty() ? null : kind)));
    });
    router.put("/wording/:id").handler(BodyHandler.create(false).setBodyLimit(16 * 1024));
    router.put("/wording/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      Wording w;
      try {
        JsonObject b = ctx.body().asJsonObject();
        if (b == null) {
          throw new IllegalArgumentException("body: expected {kind, scenario, title, text, tags}");
        }
        w = checked(id, b, Actor.of(ctx).username(), clock);
      } catch (DecodeException | ClassCastException e) {
        ApiErrors.send(ctx, 400, "body: expected {kind, scenario, title, text, tags}");
        return;
      } catch (IllegalArgumentException e) {
        ApiErrors.send(ctx, 400, e.getMessage());
        return;
      }
      ctx.put(AccessHandler.AUDIT_DETAIL, w.title());
      Wording saved = w;
      sender.send(vertx.getOrCreateContext(), Topics.WORDING, id, saved).onSuccess(v -> {
        apply(id, saved);
        Responses.json(ctx, 200, Json.write(saved));
      }).onFailure(e -> ApiErrors.send(ctx, 503, "not saved: Kafka did not answer"));
    });
    router.delete("/wording/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      Wording existing = custom.containsKey(id) ? custom.get(id) : starter.get(id);
      if (existing == null || "hidden".equals(existing.kind())) {
        ApiErrors.send(ctx, 404, "no wording '" + id + "'");
        return;
      }
      Wording hidden = new Wording(id, "hidden", existing.scenario(), existing.title(), "", List.of(),
          Actor.of(ctx).username(), clock.instant());
      sender.send(vertx.getOrCreateContext(), Topics.WORDING, id, hidden).onSuccess(v -> {
        apply(id, hidden);
        ctx.response().setStatusCode(204).end();
      }).onFailure(e -> ApiErrors.send(ctx, 503, "not removed: Kafka did not answer"));
    });
    return router;
  }

  private static Wording checked(String id, JsonObject b, String by, Clock clock) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("id: 2 to 64 characters among a-z 0-9 -");
    }
    String kind = b.getString("kind", "template");
    if (!kind.equals("template") && !kind.equals("element")) {
      throw new IllegalArgumentException("kind: template or element");
    }
    String scenario = b.getString("scenario", "any");
    if (!SCENARIOS.contains(scenario)) {
      throw new IllegalArgumentException("scenario: one of " + String.join(", ", SCENARIOS.stream().sorted().toList()));
    }
    String title = b.getString("title");
    String text = b.getString("text");
    if (title == null || title.isBlank() || title.length() > 200) {
      throw new IllegalArgumentException("title: 1 to 200 characters");
    }
    if (text == null || text.isBlank() || text.length() > 5000) {
      throw new IllegalArgumentException("text: 1 to 5,000 characters");
    }
    JsonArray tags = b.getJsonArray("tags", new JsonArray());
    List<String> list = new ArrayList<>();
    for (Object t : tags) {
      if (!(t instanceof String s) || s.length() > 50 || list.size() >= 20) {
        throw new IllegalArgumentException("tags: at most 20 texts of 50 characters");
      }
      list.add(s);
    }
    return new Wording(id, kind, scenario, title.strip(), text.strip(), list, by, clock.instant());
  }
}
