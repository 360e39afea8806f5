package fr.communitydefender.collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The collectors' meters; the {@code source} tag is a collector kind (bounded), never an author or a text. */
public final class CollectorMetrics {
  private final MeterRegistry registry;

  public CollectorMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void mentionIn(String source) {
    count("cd.mentions.in", "Mentions published by collectors", source);
  }

  public void deadLettered(String source) {
    Counter.builder("cd.mentions.dead.lettered").description("Input sent to the dead-letter topic")
        .tag("stage", "collect").tag("source", source).register(registry).increment();
  }

  /** A mention dated too far ahead of now, published dated now. */
  public void futureDated(String source) {
    count("cd.collector.future.dated", "Mentions dated ahead of their collection, dated now instead", source);
  }

  public void duplicate(String source) {
    count("cd.collector.duplicates", "Repeats of recently published mentions, dropped", source);
  }

  public void deleted(String source) {
    count("cd.collector.deletes", "Deletions honoured (tombstones published)", source);
  }

  public void reconnect(String source) {
    count("cd.collector.reconnects", "Reconnections after a drop or an error", source);
  }

  public void error(String source) {
    count("cd.collector.errors", "Source errors (connection, HTTP status, rate limit)", source);
  }

  private void count(String name, String description, String source) {
    Counter.builder(name).description(description).tag("source", source).register(registry).increment();
  }
}
