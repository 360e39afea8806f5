package fr.communitydefender.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Meters of the processing stage; tags are bounded (no watch ids from user text, no authors). */
public final class PipelineMetrics {
  private final Counter matched;
  private final Counter unmatched;
  private final Counter deadLettered;
  private final Counter signals;

  private final MeterRegistry registry;

  public PipelineMetrics(MeterRegistry registry) {
    this.registry = registry;
    matched = Counter.builder("cd.mentions.processed").tag("matched", "true").register(registry);
    unmatched = Counter.builder("cd.mentions.processed").tag("matched", "false").register(registry);
    deadLettered = Counter.builder("cd.mentions.dead.lettered").description("Input sent to the dead-letter topic")
        .tag("stage", "process").tag("source", "topic").register(registry);
    signals = Counter.builder("cd.signals").description("Volume signals emitted").tag("kind", "volume")
        .register(registry);
  }

  public void processed(boolean hasWatch) {
    (hasWatch ? matched : unmatched).increment();
  }

  public void deadLettered() {
    deadLettered.increment();
  }

  /** A deep-tier analysis, by label (negative, neutral, positive, unsupported). */
  public void deepAnalysed(String label) {
    registry.counter("cd.mentions.deep.analysed", "sentiment", label).increment();
  }

  /** A mention selected for the deep tier but skipped, by reason (stale). */
  public void deepSkipped(String reason) {
    registry.counter("cd.mentions.deep.skipped", "reason", reason).increment();
  }

  /** A repeat of a mention already processed, dropped. */
  public void duplicate() {
    registry.counter("cd.mentions.duplicates").increment();
  }

  /** A mention dated too far ahead of its arrival, counted at its arrival time instead. */
  public void futureDated() {
    registry.counter("cd.mentions.future.dated").increment();
  }

  public void signal() {
    signals.increment();
  }
}
