package fr.communitydefender.console.incidents;

import fr.communitydefender.domain.incident.IncidentCommand;
import fr.communitydefender.domain.topic.Topics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends people's decisions to alerting, keyed by watch; the future completes on the caller's context once acked. */
public final class IncidentCommands implements AutoCloseable {
  private final KafkaProducer<String, IncidentCommand> producer;

  public IncidentCommands(String bootstrap) {
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000),
        new StringSerializer(), Topics.INCIDENT_COMMANDS.valueSerde().serializer());
  }

  public Future<Void> send(Context context, IncidentCommand command) {
    Promise<Void> promise = Promise.promise();
    producer.send(new ProducerRecord<>(Topics.INCIDENT_COMMANDS.name(), command.watchId(), command),
        (meta, error) -> context.runOnContext(v -> {
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
    producer.close(java.time.Duration.ofSeconds(5));
  }
}
