package fr.communitydefender.console.situation;

import fr.communitydefender.console.access.AccessHandler;
import fr.communitydefender.console.access.Actor;
import fr.communitydefender.console.http.ApiErrors;
import fr.communitydefender.console.http.KafkaSender;
import fr.communitydefender.console.http.Responses;
import fr.communitydefender.console.incidents.IncidentView;
import fr.communitydefender.domain.access.SituationLink;
import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.paging.AckToken;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.storage.search.SearchQuery;
import fr.communitydefender.storage.search.SearchService;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Read-only situation links for partners. Admins: {@code GET /api/situation-links},
 * {@code POST /api/situation-links {label, hours}} (1 to 720 hours; answers the link),
 * {@code DELETE /api/situation-links/:id} (revokes it). Anyone holding a valid link: {@code GET /situation/TOKEN}
 * (the page) and {@code GET /situation/TOKEN/data}: the incidents' status, severity and times, the volume curve of
 * their watches over the last 6 hours, and the published statements — no mention, author, comment or name. The
 * token is signed (same format as acknowledgement links, with a key of its own derived from the installation key)
 * and refused once expired or revoked.
 */
public final class SituationRouter {
  private final Vertx vertx;
  private final IncidentView incidents;
  private final SearchService search;
  private final KafkaSender sender;
  private final byte[] key;
  private final Clock clock;
  private final Map<String, SituationLink> links = new ConcurrentHashMap<>();

  public SituationRouter(Vertx vertx, IncidentView incidents, SearchService search, KafkaSender sender,
      byte[] installationKey, Clock clock) {
    this.vertx = vertx;
    this.incidents = incidents;
    this.search = search;
    this.sender = sender;
    this.key = derive(installationKey);
    this.clock = clock;
  }

  private static byte[] derive(byte[] installationKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(installationKey, "HmacSHA256"));
      return mac.doFinal("situation-links".getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A link's latest version, from the topic or this instance. */
  public void apply(SituationLink link) {
    links.merge(link.id(), link, (old, neu) -> old.revokedAt() != null ? old : neu);
  }

  /** Routes for the root router (admin routes under /api, the partner page outside). */
  public Router router() {
    Router r = Router.router(vertx);
    r.get("/api/situation-links").handler(ctx -> Responses.json(ctx, 200, Json.write(links.values().stream()
        .sorted(Comparator.comparing(SituationLink::createdAt).reversed()).toList())));
    r.post("/api/situation-links").handler(BodyHandler.create(false).setBodyLimit(4096)).handler(this::create);
    r.delete("/api/situation-links/:id").handler(this::revoke);
    r.get("/situation/:token/data").handler(this::data);
    r.get("/situation/:token").handler(ctx -> ctx.reroute("/situation.html"));
    return r;
  }

  String token(SituationLink link) {
    return new AckToken(link.id(), "situation", link.expiresAt(), "partner").sign(key);
  }

  private void create(RoutingContext ctx) {
    Actor actor = Actor.of(ctx);
    SituationLink link;
    try {
      JsonObject b = ctx.body().asJsonObject();
      if (b == null) {
        throw new IllegalArgumentException("body: expected JSON {label, hours}");
      }
      Object h = b.getValue("hours", 24);
      if (!(h instanceof Number n) || n.intValue() < 1 || n.intValue() > 720) {
        throw new IllegalArgumentException("hours: between 1 and 720");
      }
      Instant now = clock.instant();
      link = new SituationLink(UUID.randomUUID().toString(), b.getValue("label") instanceof String s ? s : null,
          actor.username(), now, now.plus(Duration.ofHours(((Number) h).intValue())), null, null);
    } catch (DecodeException | ClassCastException e) {
      ApiErrors.send(ctx, 400, "body: expected JSON {label, hours}");
      return;
    } catch (IllegalArgumentException e) {
      ApiErrors.send(ctx, 400, e.getMessage());
      return;
    }
    ctx.put(AccessHandler.AUDIT_DETAIL, link.id() + " « " + link.label() + " » jusqu'à " + link.expiresAt());
    sender.send(ctx.vertx().getOrCreateContext(), Topics.SITUATION_LINKS, link.id(), link).onSuccess(v -> {
      apply(link);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("link", link);
      out.put("path", "/situation/" + token(link));
      Responses.json(ctx, 201, Json.write(out));
    }).onFailure(e -> ApiErrors.send(ctx, 503, "link not saved: Kafka did not answer"));
  }

  private void revoke(RoutingContext ctx) {
    SituationLink link = links.get(ctx.pathParam("id"));
    if (link == null) {
      ApiErrors.send(ctx, 404, "no situation link '" + ctx.pathParam("id") + "'");
      return;
    }
    if (link.revokedAt() != null) {
      ApiErrors.send(ctx, 409, "link already revoked");
      return;
    }
    SituationLink revoked = link.revoked(clock.instant(), Actor.of(ctx).username());
    ctx.put(AccessHandler.AUDIT_DETAIL, link.id() + " « " + link.label() + " »");
    sender.send(ctx.vertx().getOrCreateContext(), Topics.SITUATION_LINKS, link.id(), revoked).onSuccess(v -> {
      apply(revoked);
      Responses.json(ctx, 200, Json.write(revoked));
    }).onFailure(e -> ApiErrors.send(ctx, 503, "link not revoked: Kafka did not answer"));
  }

  private void data(RoutingContext ctx) {
    Instant now = clock.instant();
    AckToken t;
    try {
      t = AckToken.verify(ctx.pathParam("token"), key, now);
    } catch (AckToken.Invalid e) {
      ApiErrors.send(ctx, e.getMessage().equals("link expired") ? 410 : 403, "situation link refused: "
          + e.getMessage());
      return;
    }
    SituationLink link = links.get(t.incidentId());
    if (link == null || !link.usableAt(now)) {
      ApiErrors.send(ctx, 410, "situation link revoked");
      return;
    }
    List<Map<String, Object>> shown = incidents.list().stream().map(SituationRouter::publicView).toList();
    List<String> watches = incidents.list().stream().filter(Incident::isOpen).map(Incident::watchId).distinct()
        .toList();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("label", link.label());
    out.put("generatedAt", now);
    out.put("expiresAt", link.expiresAt());
    out.put("incidents", shown);
    out.put("statements", List.of());
    if (search == null || watches.isEmpty()) {
      out.put("curve", null);
      Responses.json(ctx, 200, Json.write(out));
      return;
    }
    vertx.executeBlocking(() -> search.histogram(new SearchQuery(null, watches, null, null, null, null,
        now.minus(Duration.ofHours(6)), now, null, 1, 1), SearchService.Interval.MINUTE), false).onComplete(ar -> {
          out.put("curve", ar.succeeded() ? ar.result() : null);
          Responses.json(ctx, 200, Json.write(out));
        });
  }

  /** What a partner sees of an incident: no acknowledgement names or comments, no mention text. */
  static Map<String, Object> publicView(Incident i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", i.title());
    m.put("watch", i.watchId());
    m.put("severity", i.severity());
    m.put("status", i.status());
    m.put("openedAt", i.openedAt());
    m.put("resolvedAt", i.resolvedAt());
    m.put("peakCount", i.peakCount());
    return m;
  }
}
