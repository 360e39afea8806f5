package fr.communitydefender.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicInteger;

/** Meters of the storage stage: documents indexed and dead-lettered, bulk retries and latency, paused state. */
public final class StorageMetrics {
  private final MeterRegistry registry;
  private final Timer bulk;
  private final Counter retries;
  private final AtomicInteger paused = new AtomicInteger();

  public StorageMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.bulk = Timer.builder("cd.storage.bulk").description("Bulk requests to Elasticsearch").register(registry);
    this.retries = Counter.builder("cd.storage.bulk.retries").description("Bulk retries (items or whole requests)")
        .register(registry);
    registry.gauge("cd.storage.paused", paused);
  }

  /** {@code kind} is a document kind (mention, incident, incident_event, audit): bounded. */
  public void indexed(String kind, int n) {
    Counter.builder("cd.storage.indexed").tag("kind", kind).register(registry).increment(n);
  }

  public void deadLettered(int n) {
    Counter.builder("cd.mentions.dead.lettered").description("Input sent to the dead-letter topic")
        .tag("stage", "index").tag("source", "topic").register(registry).increment(n);
  }

  public Timer bulkTimer() {
    return bulk;
  }

  public void retried() {
    retries.increment();
  }

  public void paused(boolean value) {
    paused.set(value ? 1 : 0);
  }
}
