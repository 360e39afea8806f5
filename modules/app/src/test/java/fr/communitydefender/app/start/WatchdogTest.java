package fr.communitydefender.app.start;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class WatchdogTest {
  static final Instant T0 = Instant.parse("2026-12-02T03:00:00Z");
  final AtomicBoolean process = new AtomicBoolean(true);
  final List<IncidentEvent> events = new ArrayList<>();
  final Watchdog watchdog;

  WatchdogTest() {
    Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
    checks.put("process", process::get);
    checks.put("index", () -> true);
    checks.put("broken", () -> {
      throw new IllegalStateException("check itself fails");
    });
    watchdog = new Watchdog(checks, events::add, Duration.ofSeconds(30), "cd-1");
  }

  @Test
  void shouldOpenAnIncidentWhenAStageStaysDownPastTheGraceAndCloseItWhenItIsBack() {
    watchdog.tick(T0);
    process.set(false);
    watchdog.tick(T0.plusSeconds(5));
    watchdog.tick(T0.plusSeconds(34));
    assertThat(events).extracting(e -> e.incident().title()).noneMatch(t -> t.contains("process"));
    watchdog.tick(T0.plusSeconds(35));
    watchdog.tick(T0.plusSeconds(60));
    List<IncidentEvent> process = events.stream().filter(e -> e.incident().title().contains("« process »")).toList();
    assertThat(process).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(IncidentEvent.Type.OPENED);
      assertThat(e.incident().watchId()).isEqualTo(Watchdog.WATCH);
      assertThat(e.incident().status()).isEqualTo(Incident.Status.OPEN);
      assertThat(e.incident().openedAt()).isEqualTo(T0.plusSeconds(5));
    });
    this.process.set(true);
    watchdog.tick(T0.plusSeconds(65));
    assertThat(events.stream().filter(e -> e.incident().title().contains("« process »")).map(IncidentEvent::type))
        .containsExactly(IncidentEvent.Type.OPENED, IncidentEvent.Type.RESOLVED);
  }

  @Test
  void shouldTreatACheckThatThrowsAsDown() {
    watchdog.tick(T0);
    watchdog.tick(T0.plusSeconds(31));
    assertThat(events).extracting(e -> e.incident().title()).anyMatch(t -> t.contains("« broken »"));
    assertThat(events).extracting(e -> e.incident().title()).noneMatch(t -> t.contains("« index »"));
  }
}
