package fr.communitydefender.domain.topic;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka consumer on its own thread: poll, hand the records over, repeat until {@link #close()}. Values are raw
 * bytes, decoded by the subclass so that a bad record is its decision, not a crash of the loop.
 */
public abstract class ConsumerLoop implements Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);

  private final String name;
  private final Map<String, Object> props;
  private volatile boolean running = true;
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private volatile long lastPollMillis = System.currentTimeMillis();

  /** The consumer groups' session time-out: how long a member that died without leaving keeps its partitions. */
  public static final int SESSION_TIMEOUT_MS = 10_000;

  protected ConsumerLoop(String name, Map<String, Object> props) {
    this.name = name;
    Map<String, Object> all = new HashMap<>(props);
    all.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    all.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    // Records of aborted transactions (the Streams stages run exactly-once) are never seen.
    all.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // A member killed without leaving is noticed in 10 s, not 45: its partitions go to the restarted process quickly.
    all.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
    all.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, SESSION_TIMEOUT_MS / 3);
    this.props = Map.copyOf(all);
  }

  /** Subscribes or assigns. */
  protected abstract void onStart(KafkaConsumer<byte[], byte[]> consumer);

  /** Handles one non-empty batch. */
  protected abstract void onRecords(KafkaConsumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records)
      throws InterruptedException;

  protected final boolean running() {
    return running;
  }

  /** Marks the consumer as alive (call it when polling outside the main loop, e.g. while paused). */
  protected final void polled() {
    lastPollMillis = System.currentTimeMillis();
  }

  /** True while the loop runs and has polled within {@code maxSilence}. */
  public final boolean healthy(Duration maxSilence) {
    return running && System.currentTimeMillis() - lastPollMillis < maxSilence.toMillis();
  }

  @Override
  public final void run() {
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(KafkaClients.with(props))) {
      consumer = c;
      if (!running) {
        return;
      }
      onStart(c);
      polled();
      while (running) {
        ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(500));
        polled();
        if (!records.isEmpty()) {
          onRecords(c, records);
        }
      }
    } catch (WakeupException e) {
      if (running) {
        LOG.atError().setCause(e).addKeyValue("loop", name).log("consumer woken up unexpectedly");
        running = false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.atError().setCause(e).addKeyValue("loop", name).log("consumer loop stopped");
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }
}
