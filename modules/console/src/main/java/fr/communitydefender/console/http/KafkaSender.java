package fr.communitydefender.console.http;

import fr.communitydefender.domain.topic.TopicSpec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends people's decisions (acknowledgements, silences) to their topics; each future completes on the caller's
 * context once Kafka has the record (acks=all), so the HTTP answer tells the truth.
 */
public final class KafkaSender implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;

  public KafkaSender(String bootstrap) {
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000),
        new StringSerializer(), new ByteArraySerializer());
  }

  public <V> Future<Void> send(Context context, TopicSpec<String, V> topic, String key, V value) {
    Promise<Void> promise = Promise.promise();
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    producer.send(new ProducerRecord<>(topic.name(), key, bytes), (meta, error) -> context.runOnContext(v -> {
      if (error == null) {
        promise.complete();
      } else {
        promise.fail(error);
      }
    }));
    return promise.future();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
