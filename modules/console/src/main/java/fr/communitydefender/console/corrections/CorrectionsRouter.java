package fr.communitydefender.console.corrections;

import fr.communitydefender.console.access.AccessHandler;
import fr.communitydefender.console.access.Actor;
import fr.communitydefender.console.feed.FeedHub;
import fr.communitydefender.console.http.ApiErrors;
import fr.communitydefender.console.http.KafkaSender;
import fr.communitydefender.console.http.Responses;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.mention.SentimentCorrection;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.enrichment.model.ModelRegistry;
import fr.communitydefender.enrichment.model.Rebuild;
import fr.communitydefender.enrichment.sentiment.FastSentiment;
import fr.communitydefender.storage.gdpr.Erasure;
import fr.communitydefender.storage.mentions.MentionDocument;
import fr.communitydefender.storage.search.SearchService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commune's corrections and model. {@code POST /api/mentions/:id/correction {sentiment}} or {@code {irrelevant:
 * true}} (drafters and above; the mention is looked up in storage, else in the live feed, so the text trained on is
 * the one collected, not one a client sends); {@code GET /api/corrections} (the newest 500, and counts);
 * {@code GET /api/models} (every version of each language, the active one); {@code POST /api/models/:lang/rebuild}
 * and {@code POST /api/models/:lang/rollback} (admins; the rebuild trains on a worker thread and activates the
 * candidate only if its cross-validation estimate is at least the current model's, see {@link Rebuild}). Who did it
 * is the signed-in account; the access handler writes each to the main courante.
 */
public final class CorrectionsRouter {
  private CorrectionsRouter() {}

  public static Router create(Vertx vertx, FeedHub hub, CorrectionsView view, SearchService search, Erasure erasure,
      ModelRegistry registry, FastSentiment fast, KafkaSender sender, Clock clock) {
    Router router = Router.router(vertx);
    router.post("/mentions/:id/correction").handler(BodyHandler.create(false).setBodyLimit(1024));
    router.post("/mentions/:id/correction").handler(ctx -> {
      String sentiment;
      boolean irrelevant;
      try {
        JsonObject body = ctx.body().asJsonObject();
        if (body == null) {
          throw new ClassCastException();
        }
        sentiment = body.getString("sentiment");
        irrelevant = Boolean.TRUE.equals(body.getBoolean("irrelevant"));
      } catch (DecodeException | ClassCastException e) {
        ApiErrors.send(ctx, 400, "body: expected JSON {\"sentiment\": \"negative|neutral|positive\"} or "
            + "{\"irrelevant\": true}");
        return;
      }
      if (!irrelevant && (sentiment == null || !SentimentCorrection.LABELS.contains(sentiment))) {
        ApiErrors.send(ctx, 400, "sentiment: one of negative, neutral, positive (or irrelevant: true)");
        return;
      }
      String id = ctx.pathParam("id");
      Mention live = hub.recent(id);
      Future<MentionDocument> stored = search == null ? Future.succeededFuture(null)
          : vertx.executeBlocking(() -> search.mention(id), false);
      stored.recover(e -> Future.succeededFuture(null)).onSuccess(doc -> {
        if (doc == null && live == null) {
          ApiErrors.send(ctx, 404, "no mention with id '" + id + "' in storage or in the live feed");
          return;
        }
        SentimentCorrection c = doc != null
            ? new SentimentCorrection(id, doc.lang(), doc.text(), doc.authorKey(), doc.sentimentLabel(), sentiment,
                irrelevant, Actor.of(ctx).username(), clock.instant())
            : new SentimentCorrection(id, live.analysis() == null ? live.lang() : live.analysis().lang(), live.text(),
                erasure == null ? null : erasure.authorKey(live.author()),
                live.analysis() == null ? null : live.analysis().sentiment(), sentiment, irrelevant,
                Actor.of(ctx).username(), clock.instant());
        ctx.put(AccessHandler.AUDIT_DETAIL, "mention " + id + " : " + (irrelevant ? "hors sujet"
            : (c.was() == null ? "?" : c.was()) + " → " + sentiment));
        sender.send(vertx.getOrCreateContext(), Topics.SENTIMENT_CORRECTIONS, id, c)
            .onSuccess(v -> Responses.json(ctx, 201, Json.write(publicView(c))))
            .onFailure(e -> ApiErrors.send(ctx, 503, "correction not saved: Kafka did not answer"));
      });
    });
    router.get("/corrections").handler(ctx -> {
      Map<String, Object> out = new LinkedHashMap<>();
      List<SentimentCorrection> all = List.copyOf(view.all());
      Map<String, Long> counts = new java.util.TreeMap<>();
      all.forEach(c -> counts.merge(c.irrelevant() ? "irrelevant" : c.lang() + "." + c.sentiment(), 1L, Long::sum));
      out.put("total", all.size());
      out.put("counts", counts);
      out.put("corrections", view.newest(500).stream().map(CorrectionsRouter::publicView).toList());
      Responses.json(ctx, 200, Json.write(out));
    });
    router.get("/models").handler(ctx -> {
      if (registry == null) {
        ApiErrors.send(ctx, 503, "models unavailable: no model directory configured");
        return;
      }
      vertx.executeBlocking(() -> {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String lang : ModelRegistry.LANGUAGES) {
          Map<String, Object> one = new LinkedHashMap<>();
          one.put("active", registry.activeVersion(lang));
          one.put("versions", registry.versions(lang));
          out.put(lang, one);
        }
        return Json.write(out);
      }, false).onSuccess(json -> Responses.json(ctx, 200, json))
          .onFailure(e -> ApiErrors.send(ctx, 500, "models: " + e.getMessage()));
    });
    router.post("/models/:lang/rebuild").handler(ctx -> model(vertx, ctx, registry, () -> {
      Rebuild.Outcome o = Rebuild.run(registry, fast, ctx.pathParam("lang"), List.of(), view.all(),
          Actor.of(ctx).username(), clock.instant());
      ctx.put(AccessHandler.AUDIT_DETAIL, ctx.pathParam("lang") + " version " + o.version().version() + " " + o.reason());
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("activated", o.activated());
      out.put("reason", o.reason());
      out.put("version", o.version());
      return out;
    }));
    router.post("/models/:lang/rollback").handler(ctx -> model(vertx, ctx, registry, () -> {
      String lang = ctx.pathParam("lang");
      if (!ModelRegistry.LANGUAGES.contains(lang)) {
        throw new IllegalArgumentException("lang: fr or en, not '" + lang + "'");
      }
      int now = registry.rollback(lang);
      ctx.put(AccessHandler.AUDIT_DETAIL, lang + " → " + (now == 0 ? "fast tier" : "version " + now));
      return Map.of("active", now);
    }));
    return router;
  }

  private static void model(Vertx vertx, RoutingContext ctx, ModelRegistry registry,
      java.util.concurrent.Callable<Object> work) {
    if (registry == null) {
      ApiErrors.send(ctx, 503, "models unavailable: no model directory configured");
      return;
    }
    vertx.executeBlocking(work, false)
        .onSuccess(r -> Responses.json(ctx, 200, Json.write(r)))
        .onFailure(e -> ApiErrors.send(ctx, e instanceof IllegalArgumentException ? 400
            : e instanceof IllegalStateException ? 409 : 500, e.getMessage()));
  }

  /** What clients see of a correction: not the text (they have the mention) nor the author's key. */
  public static Map<String, Object> publicView(SentimentCorrection c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mentionId", c.mentionId());
    out.put("lang", c.lang());
    out.put("was", c.was());
    out.put("sentiment", c.sentiment());
    out.put("irrelevant", c.irrelevant());
    out.put("by", c.by());
    out.put("at", c.at());
    return out;
  }
}
