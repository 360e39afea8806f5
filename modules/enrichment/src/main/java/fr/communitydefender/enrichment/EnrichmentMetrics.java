package fr.communitydefender.enrichment;

import fr.communitydefender.domain.mention.MentionAnalysis;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Meters of the enrichment stage: mentions analysed by language and label (both bounded sets). */
public final class EnrichmentMetrics {
  private final MeterRegistry registry;

  public EnrichmentMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void analysed(MentionAnalysis a) {
    Counter.builder("cd.mentions.analysed").description("Mentions analysed by the enrichment stage")
        .tag("lang", a.lang()).tag("sentiment", a.sentiment()).tag("tier", a.tier())
        .register(registry).increment();
  }
}
