package fr.communitydefender.app.start;

import fr.communitydefender.app.demo.DemoOnCall;
import fr.communitydefender.devservices.elasticsearch.EmbeddedElasticsearch;
import fr.communitydefender.devservices.kafka.EmbeddedKafka;
import fr.communitydefender.devservices.mail.MailCatcher;
import fr.communitydefender.paging.oncall.OnCallConfig;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices of local mode: the embedded Kafka broker, the embedded Elasticsearch node (child JVM) and the demo's
 * mail catcher. Only this class touches {@code devservices}, and only when local mode asks for them, so a production
 * class path (without the embedded engines) runs every role against real clusters.
 */
final class LocalEngines {
  private static final Logger LOG = LoggerFactory.getLogger(LocalEngines.class);
  private final Resources resources = new Resources("local");
  private EmbeddedElasticsearch.Starting esStarting;
  private EmbeddedElasticsearch es;
  private EmbeddedKafka kafka;
  private MailCatcher mailCatcher;

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

  void stop() {
    resources.closeAll();
  }
}
