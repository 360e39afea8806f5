package fr.communitydefender.console.silences;

import fr.communitydefender.console.access.AccessHandler;
import fr.communitydefender.console.access.Actor;
import fr.communitydefender.console.http.ApiErrors;
import fr.communitydefender.console.http.KafkaSender;
import fr.communitydefender.console.http.Responses;
import fr.communitydefender.domain.config.Durations;
import fr.communitydefender.domain.incident.Silence;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.topic.Topics;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Silences: {@code GET /api/silences} (active first), {@code POST /api/silences {watch, rule?, reason, duration}}
 * (201 with the silence once on Kafka), {@code DELETE /api/silences/:id} (ends it now). Who creates it is the
 * signed-in account. Alerting applies them; the indexer writes each version to the main courante.
 */
public final class SilencesRouter {
  private SilencesRouter() {}

  public static Router create(Vertx vertx, SilenceView view, KafkaSender sender, java.time.Clock clock) {
    Router router = Router.router(vertx);
    router.get("/silences").handler(ctx -> Responses.json(ctx, 200, Json.write(view.list(clock.instant()))));
    router.post("/silences").handler(BodyHandler.create(false).setBodyLimit(8192));
    router.post("/silences").handler(ctx -> {
      Silence silence;
      try {
        JsonObject body = ctx.body().asJsonObject();
        if (body == null) {
          throw new IllegalArgumentException("body: expected JSON {watch, rule?, reason, duration}");
        }
        Duration d = duration(body.getString("duration"));
        Instant now = clock.instant();
        silence = new Silence(UUID.randomUUID().toString(), body.getString("watch"), body.getString("rule"),
            Actor.of(ctx).username(), body.getString("reason"), now, now.plus(d));
      } catch (DecodeException | ClassCastException e) {
        ApiErrors.send(ctx, 400, "body: expected JSON {watch, rule?, reason, duration}");
        return;
      } catch (IllegalArgumentException e) {
        ApiErrors.send(ctx, 400, e.getMessage());
        return;
      }
      Silence created = silence;
      ctx.put(AccessHandler.AUDIT_DETAIL, created.id() + " veille " + created.watch() + " jusqu'à " + created.expiresAt());
      sender.send(vertx.getOrCreateContext(), Topics.SILENCES, created.id(), created)
          .onSuccess(v -> Responses.json(ctx, 201, Json.write(created)))
          .onFailure(e -> ApiErrors.send(ctx, 503, "silence not saved: Kafka did not answer"));
    });
    router.delete("/silences/:id").handler(ctx -> {
      Silence silence = view.get(ctx.pathParam("id"));
      if (silence == null) {
        ApiErrors.send(ctx, 404, "no silence with id '" + ctx.pathParam("id") + "'");
        return;
      }
      Instant now = clock.instant();
      if (!silence.activeAt(now)) {
        ApiErrors.send(ctx, 409, "silence already ended at " + silence.expiresAt());
        return;
      }
      Silence ended = silence.endedAt(now);
      sender.send(vertx.getOrCreateContext(), Topics.SILENCES, ended.id(), ended)
          .onSuccess(v -> Responses.json(ctx, 200, Json.write(ended)))
          .onFailure(e -> ApiErrors.send(ctx, 503, "silence not ended: Kafka did not answer"));
    });
    return router;
  }

  private static Duration duration(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("duration: required (examples: 30m, 2h, 1d)");
    }
    try {
      Duration d = Durations.parse(text.strip());
      if (d.toMinutes() < 1) {
        throw new IllegalArgumentException("duration: at least 1m");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw e.getMessage() != null && e.getMessage().startsWith("duration") ? e
          : new IllegalArgumentException("duration: invalid '" + text + "' (examples: 30m, 2h, 1d)");
    }
  }
}
