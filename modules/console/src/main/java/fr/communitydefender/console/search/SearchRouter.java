package fr.communitydefender.console.search;

import fr.communitydefender.console.http.ApiErrors;
import fr.communitydefender.console.http.Responses;
import fr.communitydefender.storage.gdpr.Erasure;
import fr.communitydefender.storage.search.SearchQuery;
import fr.communitydefender.storage.search.SearchService;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Search over stored mentions: {@code GET /api/search}, {@code /api/search/histogram}, {@code /api/search/top}, and
 * the GDPR erasure {@code POST /api/gdpr/erasure}. Elasticsearch calls run on worker threads.
 */
public final class SearchRouter {
  private SearchRouter() {}

  public static Router create(Vertx vertx, SearchService search, Erasure erasure) {
    return create(vertx, search, erasure, key -> {});
  }

  /** {@code erased}: told the pseudonymous key of each erased author (to erase what else holds their posts). */
  public static Router create(Vertx vertx, SearchService search, Erasure erasure,
      java.util.function.Consumer<String> erased) {
    Router router = Router.router(vertx);
    router.get("/search").handler(ctx -> run(vertx, ctx, () -> search.search(query(ctx))));
    router.get("/search/histogram").handler(ctx -> run(vertx, ctx, () -> search.histogram(query(ctx),
        choice(ctx, "interval", SearchService.Interval.class, SearchService.Interval.MINUTE))));
    router.get("/search/top").handler(ctx -> run(vertx, ctx, () -> search.top(query(ctx),
        choice(ctx, "field", SearchService.TopField.class, SearchService.TopField.TERMS),
        integer(ctx, "size", 10))));
    router.post("/gdpr/erasure").handler(BodyHandler.create(false).setBodyLimit(4096));
    router.post("/gdpr/erasure").handler(ctx -> {
      String author;
      try {
        JsonObject body = ctx.body().asJsonObject();
        author = body == null ? null : body.getString("author");
      } catch (DecodeException | ClassCastException e) {
        ApiErrors.send(ctx, 400, "body: expected JSON {\"author\": \"handle\"}");
        return;
      }
      if (author == null || author.isBlank()) {
        ApiErrors.send(ctx, 400, "author: required");
        return;
      }
      String who = author;
      run(vertx, ctx, () -> {
        long deleted = erasure.eraseAuthor(who);
        erased.accept(erasure.authorKey(who));
        // the main courante says how many posts went, not whose: the handle is the personal data being erased
        ctx.put(fr.communitydefender.console.access.AccessHandler.AUDIT_DETAIL, deleted + " mention(s) effacée(s)");
        return new JsonObject().put("deleted", deleted).getMap();
      });
    });
    return router;
  }

  private static void run(Vertx vertx, RoutingContext ctx, Callable<Object> work) {
    Responses.blocking(vertx, ctx, work, "search unavailable: Elasticsearch did not answer");
  }


  static SearchQuery query(RoutingContext ctx) {
    List<String> watches = ctx.queryParam("watch").stream()
        .flatMap(w -> Arrays.stream(w.split(","))).map(String::strip).filter(w -> !w.isEmpty()).toList();
    return new SearchQuery(ctx.request().getParam("q"), watches, blankToNull(ctx.request().getParam("source")),
        blankToNull(ctx.request().getParam("lang")), decimal(ctx, "sentimentMin"), decimal(ctx, "sentimentMax"),
        instant(ctx, "from"), instant(ctx, "to"), choice(ctx, "sort", SearchQuery.Sort.class, null),
        integer(ctx, "page", 1), integer(ctx, "size", 20));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Instant instant(RoutingContext ctx, String name) {
    String v = blankToNull(ctx.request().getParam(name));
    try {
      return v == null ? null : Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + ": expected an ISO-8601 instant such as 2026-03-14T18:00:00Z");
    }
  }

  private static Double decimal(RoutingContext ctx, String name) {
    String v = blankToNull(ctx.request().getParam(name));
    try {
      return v == null ? null : Double.valueOf(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": expected a number");
    }
  }

  private static int integer(RoutingContext ctx, String name, int fallback) {
    String v = blankToNull(ctx.request().getParam(name));
    try {
      return v == null ? fallback : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": expected an integer");
    }
  }

  private static <E extends Enum<E>> E choice(RoutingContext ctx, String name, Class<E> type, E fallback) {
    String v = blankToNull(ctx.request().getParam(name));
    if (v == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": expected one of " + Arrays.stream(type.getEnumConstants())
          .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }
  }
}
