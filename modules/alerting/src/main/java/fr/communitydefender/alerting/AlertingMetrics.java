package fr.communitydefender.alerting;

import fr.communitydefender.domain.incident.IncidentEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/** Meters of the alerting stage: incident events by type (bounded tag values). */
public final class AlertingMetrics {
  private final Map<IncidentEvent.Type, Counter> incidents = new EnumMap<>(IncidentEvent.Type.class);

  public AlertingMetrics(MeterRegistry registry) {
    for (IncidentEvent.Type t : IncidentEvent.Type.values()) {
      incidents.put(t, Counter.builder("cd.incidents").description("Incident events emitted")
          .tag("event", t.name().toLowerCase(java.util.Locale.ROOT)).register(registry));
    }
  }

  public void incident(IncidentEvent.Type type) {
    incidents.get(type).increment();
  }
}
