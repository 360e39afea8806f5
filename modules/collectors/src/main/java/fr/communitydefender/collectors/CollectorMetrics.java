package fr.communitydefender.collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The collectors' meters; the {@code source} tag is a collector kind (bounded), never an author or a text. */
public final class CollectorMetrics {
  private final MeterRegistry registry;

  public CollectorMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void mentionIn(String source) {
    Counter.builder("cd.mentions.in").description("Mentions published by collectors")
        .tag("source", source).register(registry).increment();
  }

  public void deadLettered(String source) {
    Counter.builder("cd.mentions.dead.lettered").description("Input sent to the dead-letter topic")
        .tag("stage", "collect").tag("source", source).register(registry).increment();
  }
}
