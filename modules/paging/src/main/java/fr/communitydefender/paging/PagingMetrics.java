package fr.communitydefender.paging;

import io.micrometer.core.instrument.MeterRegistry;

/** The paging meters; tags are bounded (kind, channel, provider, outcome), never a person or an address. */
public final class PagingMetrics {
  private final MeterRegistry registry;

  public PagingMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void queued(String kind) {
    registry.counter("cd.paging.queued", "kind", kind).increment();
  }

  public void escalated() {
    registry.counter("cd.paging.escalations").increment();
  }

  public void acknowledged() {
    registry.counter("cd.paging.acknowledged").increment();
  }

  public void unacknowledged() {
    registry.counter("cd.paging.unacknowledged").increment();
  }

  public void attempt(String channel, String provider, String outcome) {
    registry.counter("cd.paging.attempts", "channel", channel, "provider", provider, "outcome", outcome).increment();
  }
}
