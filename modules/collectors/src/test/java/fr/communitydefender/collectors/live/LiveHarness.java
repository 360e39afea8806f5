package fr.communitydefender.collectors.live;

import fr.communitydefender.collectors.CollectorMetrics;
import fr.communitydefender.devservices.kafka.EmbeddedKafka;
import fr.communitydefender.domain.topic.TopicReader;
import fr.communitydefender.domain.collector.CollectorHealth;
import fr.communitydefender.domain.mention.DeadLetter;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.topic.TopicProvisioner;
import fr.communitydefender.domain.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A real Kafka broker shared by the collector integration tests of this JVM, a Vert.x instance for the protocol
 * servers, and readers of what collectors wrote (filtered by collector id, so tests do not see each other's records).
 */
public final class LiveHarness implements AutoCloseable {
  private static EmbeddedKafka kafka;

  public final Vertx vertx = Vertx.vertx();
  public final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  public static synchronized String bootstrap() {
    if (kafka == null) {
      try {
        kafka = EmbeddedKafka.start(Files.createTempDirectory("cd-collectors-it"), 0);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      TopicProvisioner.ensure(kafka.bootstrapServers(), 2, (short) 1);
      Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
    }
    return kafka.bootstrapServers();
  }

  public LiveCollectors start(SourceConfig... sources) {
    return LiveCollectors.start(vertx, new CollectorsConfig(List.of(sources)), bootstrap(),
        new CollectorMetrics(registry));
  }

  /** Serves {@code router} on a free local port; returns the port. */
  public int serve(Router router) throws Exception {
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .await(10, TimeUnit.SECONDS);
    return server.actualPort();
  }

  /** The raw-topic records whose key starts with {@code keyPrefix}, once {@code done} accepts them (30 s at most). */
  public static List<ConsumerRecord<String, Mention>> raw(String keyPrefix,
      Predicate<List<ConsumerRecord<String, Mention>>> done) {
    return filtered(Topics.MENTIONS_RAW, r -> r.key() != null && r.key().startsWith(keyPrefix), done);
  }

  /** Every raw-topic record now in the topic whose key starts with {@code keyPrefix}. */
  public static List<ConsumerRecord<String, Mention>> rawNow(String keyPrefix) {
    return TopicReader.readAll(bootstrap(), Topics.MENTIONS_RAW, Duration.ofSeconds(30)).stream()
        .filter(r -> r.key() != null && r.key().startsWith(keyPrefix)).toList();
  }

  /** The ids of the mentions (not tombstones) among {@code records}. */
  public static List<String> ids(List<ConsumerRecord<String, Mention>> records) {
    return records.stream().filter(r -> r.value() != null).map(r -> r.value().id()).toList();
  }

  public static List<String> tombstones(List<ConsumerRecord<String, Mention>> records) {
    return records.stream().filter(r -> r.value() == null).map(ConsumerRecord::key).toList();
  }

  public static List<DeadLetter> deadLetters(String origin, int atLeast) {
    return filtered(Topics.DEAD_LETTER, r -> r.value() != null && r.value().origin().equals(origin),
        l -> l.size() >= atLeast).stream().map(ConsumerRecord::value).toList();
  }

  public static List<CollectorHealth> healthReports(String collector) {
    return filtered(Topics.COLLECTOR_HEALTH, r -> collector.equals(r.key()), l -> !l.isEmpty()).stream()
        .map(ConsumerRecord::value).toList();
  }

  private static <V> List<ConsumerRecord<String, V>> filtered(fr.communitydefender.domain.topic.TopicSpec<String, V> topic,
      Predicate<ConsumerRecord<String, V>> keep, Predicate<List<ConsumerRecord<String, V>>> done) {
    List<ConsumerRecord<String, V>>[] kept = new List[] {List.of()};
    TopicReader.readUntil(bootstrap(), topic, all -> {
      kept[0] = all.stream().filter(keep).toList();
      return done.test(kept[0]);
    }, Duration.ofSeconds(30));
    return kept[0];
  }

  public static Path tokenFile(Path dir, String value) throws Exception {
    return Files.writeString(dir.resolve("token-" + value.hashCode()), value);
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }
}
