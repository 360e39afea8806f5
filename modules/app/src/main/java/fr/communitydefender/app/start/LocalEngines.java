package fr.communitydefender.app.start;

import fr.communitydefender.app.demo.DemoOnCall;
import fr.communitydefender.devservices.elasticsearch.EmbeddedElasticsearch;
import fr.communitydefender.devservices.kafka.EmbeddedKafka;
import fr.communitydefender.devservices.mail.MailCatcher;
import fr.communitydefender.devservices.social.MastodonStandIn;
import fr.communitydefender.domain.json.Json;
import fr.communitydefender.room.publish.MastodonClient;
import fr.communitydefender.room.publish.SocialClient;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.util.function.Function;
import fr.communitydefender.paging.oncall.OnCallConfig;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices of local mode: the embedded Kafka broker, the embedded Elasticsearch node (child JVM), the demo's
 * mail catcher (and its mailbox route) and the Mastodon stand-in that receives published responses. Only this class
 * touches {@code devservices}, and only when local mode asks for them, so a production class path (without the
 * embedded engines) runs every role against real clusters.
 */
final class LocalEngines {
  private static final Logger LOG = LoggerFactory.getLogger(LocalEngines.class);
  private final Resources resources = new Resources("local");
  private EmbeddedElasticsearch.Starting esStarting;
  private EmbeddedElasticsearch es;
  private EmbeddedKafka kafka;
  private MailCatcher mailCatcher;
  private MastodonStandIn mastodon;

  /** Launches the node in the background (it takes seconds: the broker starts meanwhile). */
  void launchElasticsearch(Path esHome, Path dataDir, int port) {
    esStarting = EmbeddedElasticsearch.launch(esHome, dataDir, port);
    resources.add(esStarting::abort);
  }

  /** The node's URL once it answers. */
  String awaitElasticsearch() {
    if (es == null) {
      es = resources.add(esStarting.await());
    }
    return es.url();
  }

  String startKafka(Path dataDir, int port) {
    kafka = resources.add(EmbeddedKafka.start(dataDir, port));
    return kafka.bootstrapServers();
  }

  /** The demo on-call file, its pages going by email to a mail catcher in the process. */
  OnCallConfig demoOnCall(Path dataDir, int mailPort, String consoleUrl) {
    mailCatcher = resources.add(MailCatcher.start(mailPort));
    LOG.atInfo().addKeyValue("smtpPort", mailCatcher.port()).log("demo on-call: pages go to the local mail catcher");
    return DemoOnCall.load(dataDir, mailCatcher.port(), consoleUrl);
  }

  MailCatcher mailCatcher() {
    return mailCatcher;
  }

  /** {@code GET /api/dev/mailbox} of the console: the demo's caught pages (admin only), or null without a catcher. */
  Function<Vertx, Router> mailboxRoute() {
    MailCatcher catcher = mailCatcher;
    if (catcher == null) {
      return null;
    }
    return v -> {
      Router r = Router.router(v);
      r.get("/dev/mailbox").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
          .end(Json.write(catcher.messages())));
      return r;
    };
  }

  /** A local Mastodon stand-in and a client publishing to it (the demo, without publishing accounts). */
  SocialClient mastodonStandIn(int port) {
    String token = "demo-token";
    mastodon = resources.add(MastodonStandIn.start(port, token));
    LOG.atInfo().addKeyValue("url", mastodon.baseUrl() + "/api/v1/accounts/1/statuses")
        .log("demo: responses published to Mastodon go to a local stand-in");
    return new MastodonClient(URI.create(mastodon.baseUrl()), token);
  }

  MastodonStandIn mastodon() {
    return mastodon;
  }

  void stop() {
    resources.closeAll();
  }
}
