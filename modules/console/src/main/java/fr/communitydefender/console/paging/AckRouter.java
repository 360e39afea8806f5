package fr.communitydefender.console.paging;

import fr.communitydefender.console.http.ApiErrors;
import fr.communitydefender.console.http.KafkaSender;
import fr.communitydefender.console.http.Responses;
import fr.communitydefender.console.incidents.IncidentView;
import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentCommand;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.paging.AckLinkUse;
import fr.communitydefender.domain.paging.AckToken;
import fr.communitydefender.domain.topic.Topics;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * The acknowledgement links sent with pages. {@code GET /ack/TOKEN} shows a confirmation page (a link opened by a
 * mail scanner or a preview must not take the incident); {@code POST /ack/TOKEN} (with an optional comment) takes it
 * in the name of the person the link was sent to — once: a used, expired or altered link is refused (410, 410, 403).
 * Uses are written to the used-links topic, which every console instance reads whole, so a link stays used across
 * restarts and instances. {@code GET /api/incidents/ID/pages} lists the page attempts of an incident.
 */
public final class AckRouter {
  private final IncidentView incidents;
  private final PagesView pages;
  private final KafkaSender sender;
  private final byte[] key;
  private static final java.time.format.DateTimeFormatter OPENED = java.time.format.DateTimeFormatter
      .ofPattern("dd/MM à HH:mm").withZone(java.time.ZoneId.of("Europe/Paris"));
  private final Set<String> used;
  private final java.time.Clock clock;

  private AckRouter(IncidentView incidents, PagesView pages, KafkaSender sender, byte[] key, Set<String> used,
      java.time.Clock clock) {
    this.incidents = incidents;
    this.pages = pages;
    this.sender = sender;
    this.key = key;
    this.used = used;
    this.clock = clock;
  }

  /**
   * Routes for the root router; {@code key} null disables the links (answers 404). {@code used}: the keys of used
   * links ({@link AckLinkUse#key}), kept up to date from the used-links topic.
   */
  public static Router create(Vertx vertx, IncidentView incidents, PagesView pages, KafkaSender sender, byte[] key,
      Set<String> used, java.time.Clock clock) {
    AckRouter a = new AckRouter(incidents, pages, sender, key, used, clock);
    Router router = Router.router(vertx);
    router.get("/api/incidents/:id/pages").handler(ctx -> Responses.json(ctx, 200, Json.write(pages.of(ctx.pathParam("id")))));
    if (key != null) {
      router.get("/ack/:token").handler(a::confirm);
      router.post("/ack/:token").handler(BodyHandler.create(false).setBodyLimit(4096)).handler(a::take);
    }
    return router;
  }

  private record Checked(AckToken token, Incident incident) {}

  /** Null after answering when the link is not usable. */
  private Checked check(RoutingContext ctx) {
    AckToken token;
    try {
      token = AckToken.verify(ctx.pathParam("token"), key, clock.instant());
    } catch (AckToken.Invalid e) {
      page(ctx, e.getMessage().equals("link expired") ? 410 : 403, "Lien refusé",
          e.getMessage().equals("link expired") ? "Ce lien a expiré. Ouvrez la console pour prendre l'incident."
              : "Ce lien n'est pas valide (" + e.getMessage() + ").");
      return null;
    }
    if (used.contains(usedKey(token))) {
      page(ctx, 410, "Lien déjà utilisé", "Ce lien a déjà servi : il ne vaut qu'une fois.");
      return null;
    }
    Incident incident = incidents.get(token.incidentId());
    if (incident == null) {
      page(ctx, 404, "Incident inconnu", "Cet incident n'est pas (ou plus) connu de la console.");
      return null;
    }
    if (incident.status() != Incident.Status.OPEN) {
      page(ctx, 409, "Déjà " + (incident.status() == Incident.Status.RESOLVED ? "résolu" : "pris"),
          "L'incident « " + incident.title() + " » est " + incident.status().name().toLowerCase(Locale.ROOT)
              + (incident.acknowledgedBy() != null ? " (pris par " + incident.acknowledgedBy() + ")" : "") + ".");
      return null;
    }
    return new Checked(token, incident);
  }

  private void confirm(RoutingContext ctx) {
    Checked c = check(ctx);
    if (c == null) {
      return;
    }
    String form = "<form method=\"post\"><p><label>Commentaire (facultatif)<br><textarea name=\"comment\" maxlength=\"500\""
        + " rows=\"3\"></textarea></label></p><p><button type=\"submit\">Je prends l'incident</button></p></form>";
    page(ctx, 200, "Prendre l'incident", "« " + c.incident().title() + " » — veille " + c.incident().watchId()
        + ", ouvert le " + OPENED.format(c.incident().openedAt()) + ". " + (c.incident().reason() == null ? "" : c.incident().reason()),
        form);
  }

  private void take(RoutingContext ctx) {
    Checked c = check(ctx);
    if (c == null) {
      return;
    }
    String comment = ctx.request().getFormAttribute("comment");
    if (comment != null && comment.length() > 500) {
      page(ctx, 400, "Commentaire trop long", "500 caractères au plus.");
      return;
    }
    if (!used.add(usedKey(c.token()))) {
      page(ctx, 410, "Lien déjà utilisé", "Ce lien a déjà servi : il ne vaut qu'une fois.");
      return;
    }
    sender.send(ctx.vertx().getOrCreateContext(), Topics.INCIDENT_COMMANDS, c.incident().watchId(),
            new IncidentCommand(IncidentCommand.Type.ACKNOWLEDGE, c.incident().watchId(), c.incident().id(),
                c.token().personId() + " (lien)", clock.instant(), comment))
        .compose(v -> sender.send(ctx.vertx().getOrCreateContext(), Topics.ACK_LINKS_USED, usedKey(c.token()),
            new AckLinkUse(c.token().incidentId(), c.token().personId(), c.token().nonce(), clock.instant())))
        .onSuccess(v -> page(ctx, 202, "C'est noté", "L'incident « " + c.incident().title()
            + " » est à vous. L'escalade s'arrête."))
        .onFailure(e -> {
          used.remove(usedKey(c.token()));
          ApiErrors.send(ctx, 503, "acknowledgement not sent: Kafka did not answer");
        });
  }

  private static String usedKey(AckToken t) {
    return AckLinkUse.key(t);
  }

  private static void page(RoutingContext ctx, int status, String title, String text) {
    page(ctx, status, title, text, "");
  }

  /** A small page; every dynamic text is escaped (incident titles and reasons may quote mentions). */
  private static void page(RoutingContext ctx, int status, String title, String text, String trustedForm) {
    String html = "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
        + "content=\"width=device-width, initial-scale=1\"><title>" + escape(title) + "</title><link rel=\"stylesheet\" "
        + "href=\"/style.css\"></head><body class=\"ack\"><main><h1>" + escape(title) + "</h1><p>" + escape(text)
        + "</p>" + trustedForm + "<p><a href=\"/\">Ouvrir la console</a></p></main></body></html>";
    ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(html);
  }

  static String escape(String s) {
    return fr.communitydefender.domain.text.Html.escape(s);
  }
}
