package fr.communitydefender.console.http;

import fr.communitydefender.domain.topic.TopicSpec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends people's decisions (acknowledgements, silences, room commands) to their topics; each future completes on the
 * caller's context once Kafka has the record (acks=all, idempotent), so the HTTP answer tells the truth. The send
 * itself runs on a thread of its own: {@code KafkaProducer.send} may block (for metadata, or a full buffer) up to
 * {@code max.block.ms}, which must never happen on an event loop.
 */
public final class KafkaSender implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;
  private final ExecutorService sending = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "cd-console-sender");
    t.setDaemon(true);
    return t;
  });

  public KafkaSender(String bootstrap) {
    producer = new KafkaProducer<>(fr.communitydefender.domain.topic.KafkaClients.with(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000)),
        new StringSerializer(), new ByteArraySerializer());
  }

  public <V> Future<Void> send(Context context, TopicSpec<String, V> topic, String key, V value) {
    Promise<Void> promise = Promise.promise();
    byte[] bytes;
    try {
      bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    try {
      sending.execute(() -> {
        try {
          producer.send(new ProducerRecord<>(topic.name(), key, bytes), (meta, error) -> context.runOnContext(v -> {
            if (error == null) {
              promise.complete();
            } else {
              promise.fail(error);
            }
          }));
        } catch (RuntimeException e) { // metadata not available within max.block.ms, producer closed…
          context.runOnContext(v -> promise.fail(e));
        }
      });
    } catch (RejectedExecutionException e) {
      return Future.failedFuture(new IllegalStateException("the console is stopping"));
    }
    return promise.future();
  }

  @Override
  public void close() {
    sending.shutdown();
    producer.close(Duration.ofSeconds(5));
  }
}
