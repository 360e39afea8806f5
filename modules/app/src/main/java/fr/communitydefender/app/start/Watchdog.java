package fr.communitydefender.app.start;

import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The product watches itself (like Alertmanager's watchdog): a stage of this process that stays down for
 * {@code grace} (a Streams application in ERROR, the indexer or the pager stopped…) opens an incident of watch
 * {@value #WATCH}, severity high, on the incidents topic — which the paging stage pages like any other — and closes it
 * when the stage is back. If Kafka itself is unreachable nothing can be written: watch {@code /healthz} from outside
 * (Prometheus, a probe) for that.
 */
final class Watchdog {
  static final String WATCH = "community-defender";
  private final Map<String, BooleanSupplier> checks;
  private final Consumer<IncidentEvent> incidents;
  private final Duration grace;
  private final String instance;
  private final Map<String, Instant> downSince = new LinkedHashMap<>();
  private final Map<String, Incident> open = new LinkedHashMap<>();

  Watchdog(Map<String, BooleanSupplier> checks, Consumer<IncidentEvent> incidents, Duration grace, String instance) {
    this.checks = Objects.requireNonNull(checks, "checks");
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.grace = Objects.requireNonNull(grace, "grace");
    this.instance = Objects.requireNonNull(instance, "instance");
  }

  /** One round (every few seconds): opens or closes the stages' incidents. */
  synchronized void tick(Instant now) {
    for (Map.Entry<String, BooleanSupplier> c : checks.entrySet()) {
      String name = c.getKey();
      boolean up;
      try {
        up = c.getValue().getAsBoolean();
      } catch (RuntimeException e) {
        up = false;
      }
      if (up) {
        downSince.remove(name);
        Incident incident = open.remove(name);
        if (incident != null) {
          incidents.accept(new IncidentEvent(IncidentEvent.Type.RESOLVED, now, incident.resolved(now, "« " + name + " » répond de nouveau")));
        }
        continue;
      }
      Instant since = downSince.computeIfAbsent(name, k -> now);
      if (!open.containsKey(name) && !now.isBefore(since.plus(grace))) {
        Incident incident = new Incident(WATCH + "." + name + "." + instance + "." + since.getEpochSecond(),
            "watchdog", WATCH, Severity.HIGH, "Community Defender : l'étape « " + name + " » est arrêtée",
            Incident.Status.OPEN, since, now, null, 0, 0, 0, grace,
            "« " + name + " » ne répond plus depuis " + since + " sur " + instance
                + " : rien n'est traité par cette étape tant qu'elle n'est pas relancée");
        open.put(name, incident);
        incidents.accept(new IncidentEvent(IncidentEvent.Type.OPENED, now, incident));
      }
    }
  }
}
