package fr.communitydefender.room;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/** The incident room's meters; tags are bounded (command type, HTTP-like status, channel, outcome). */
public final class RoomMetrics {
  private final MeterRegistry registry;

  public RoomMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  public void command(String type, int status) {
    registry.counter("cd.room.commands", "type", type, "status", String.valueOf(status)).increment();
  }

  public void entries(int n) {
    registry.counter("cd.room.entries").increment(n);
  }

  public void published(String channel, String outcome) {
    registry.counter("cd.room.publications", "channel", channel, "outcome", outcome).increment();
  }
}
