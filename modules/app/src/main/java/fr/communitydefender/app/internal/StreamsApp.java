package fr.communitydefender.app.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/** Runs a topology with the project's Streams settings; closing leaves the group so a restart is quick. */
public final class StreamsApp implements AutoCloseable {
  private final KafkaStreams streams;

  private StreamsApp(KafkaStreams streams) {
    this.streams = streams;
  }

  /** Starts the topology; its Kafka Streams metrics (lag, dropped late records, …) are bound to {@code registry}. */
  public static StreamsApp start(String applicationId, Topology topology, String bootstrap, Path stateDir,
      MeterRegistry registry) {
    return start(applicationId, topology, bootstrap, stateDir, registry, 1);
  }

  /** As above with {@code threads} stream threads. */
  public static StreamsApp start(String applicationId, Topology topology, String bootstrap, Path stateDir,
      MeterRegistry registry, int threads) {
    return start(applicationId, topology, bootstrap, stateDir, registry, threads, new Properties());
  }

  /** As {@link #start} with commits every 100 ms (the incident rooms: people wait for the answer). */
  public static StreamsApp startExactlyOnce(String applicationId, Topology topology, String bootstrap, Path stateDir,
      MeterRegistry registry) {
    Properties fast = new Properties();
    fast.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    return start(applicationId, topology, bootstrap, stateDir, registry, 1, fast);
  }

  private static StreamsApp start(String applicationId, Topology topology, String bootstrap, Path stateDir,
      MeterRegistry registry, int threads, Properties overrides) {
    Properties props = properties(applicationId, bootstrap, stateDir, threads);
    props.putAll(overrides);
    // Static membership: the same id across restarts of this process (its state directory), one per application.
    props.put(StreamsConfig.consumerPrefix(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
        applicationId + "-" + instanceId(stateDir));
    KafkaStreams streams = new KafkaStreams(topology, props);
    new KafkaStreamsMetrics(streams).bindTo(registry);
    streams.start();
    return new StreamsApp(streams);
  }

  /** The Streams settings every application of the project runs with (the evaluation's test drivers too). */
  public static Properties properties(String applicationId, String bootstrap, Path stateDir, int threads) {
    Properties p = new Properties();
    p.putAll(fr.communitydefender.domain.topic.KafkaClients.common()); // security settings (TLS, SASL) first
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
    // Exactly-once: state stores (their changelogs), outputs and consumed offsets commit in one transaction, so a
    // crash neither loses a record whose "seen" mark was committed nor doubles one whose output was.
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
    // A process killed without leaving its group is replaced in seconds: short sessions, and static membership
    // (group.instance.id, see withInstance) so the restarted process takes its partitions back without waiting.
    p.put(StreamsConfig.consumerPrefix(org.apache.kafka.clients.consumer.ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
        fr.communitydefender.domain.topic.ConsumerLoop.SESSION_TIMEOUT_MS);
    p.put(StreamsConfig.consumerPrefix(org.apache.kafka.clients.consumer.ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
        fr.communitydefender.domain.topic.ConsumerLoop.SESSION_TIMEOUT_MS / 3);
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 10 * 1024 * 1024L);
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    p.put("processing.exception.handler.global.enabled", true);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Processing.class);
    p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Production.class);
    p.put(StreamsConfig.producerPrefix("linger.ms"), 20);
    // Batches of up to 128 KB, as our other producers (Producers.forTopic): between two commits a partition of the
    // enriched topic gets ~175 KB at 5,000 mentions/s — eleven 16 KB batches (the default) for the broker to append.
    p.put(StreamsConfig.producerPrefix("batch.size"), 128 * 1024);
    return p;
  }

  /** This process's stable id: the host name and a hash of the state directory's absolute path. */
  static String instanceId(Path stateDir) {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "host";
    }
    return host.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
        + Integer.toHexString(stateDir.toAbsolutePath().normalize().toString().hashCode());
  }

  public boolean running() {
    KafkaStreams.State s = streams.state();
    return s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  @Override
  public void close() {
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(Duration.ofSeconds(15)));
  }
}
