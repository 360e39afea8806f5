package fr.communitydefender.alerting;

import fr.communitydefender.domain.incident.IncidentEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/** Meters of the alerting stage: incident events by type (bounded tag values). */
public final class AlertingMetrics {
  private final Map<IncidentEvent.Type, Counter> incidents = new EnumMap<>(IncidentEvent.Type.class);
  private final MeterRegistry registry;
  private final Counter termsSkipped;

  public AlertingMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (IncidentEvent.Type t : IncidentEvent.Type.values()) {
      incidents.put(t, Counter.builder("cd.incidents").description("Incident events emitted")
          .tag("event", t.name().toLowerCase(java.util.Locale.ROOT)).register(registry));
    }
    termsSkipped = Counter.builder("cd.alerting.term.signals.skipped")
        .description("Term signals no new_term rule could use (below min_count, or within a minute of the last kept)")
        .register(registry);
  }

  public void termSkipped() {
    termsSkipped.increment();
  }

  /** A change of the rule folder: {@code applied}, or {@code kept} (the new files had a problem). */
  public void rulesReload(String result) {
    registry.counter("cd.rules.reloads", "result", result).increment();
  }

  public void incident(IncidentEvent.Type type) {
    incidents.get(type).increment();
  }
}
