package fr.communitydefender.alerting.incident;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.alerting.rules.TimeWindow;
import fr.communitydefender.alerting.rules.VolumeThresholdRule;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The keys every rule has: for, cooldown, labels, description, active and mute windows. */
class RuleOptionsTest {
  /** A Saturday, 18:00 UTC = 19:00 in Paris. */
  private static final Instant T0 = Instant.parse("2026-03-14T18:00:00Z");
  private AlertDriver alerts;

  private void start(Duration forDuration, Duration cooldown, String description, List<TimeWindow> active,
      List<TimeWindow> mute) {
    alerts = new AlertDriver(T0, new VolumeThresholdRule("spike", "*", Duration.ofMinutes(5), 10L,
        Duration.ofMinutes(10), Severity.HIGH, "Pic", forDuration, cooldown, Map.of("team", "communication"),
        description, active, mute, null));
  }

  @AfterEach
  void tearDown() {
    if (alerts != null) {
      alerts.close();
    }
  }

  private void minute(int minute, long count) {
    alerts.minute(minute, count);
  }

  @Test
  void shouldWaitForThePersistencePeriodWhenForIsSet() {
    start(Duration.ofMinutes(2), null, null, null, null);
    minute(0, 12); // firing from 18:01
    minute(1, 0); // still firing at 18:02: 1 minute of 2
    assertThat(alerts.incidents.isEmpty()).isTrue();
    minute(2, 0); // 18:03: fired for 2 minutes
    assertThat(alerts.events()).singleElement()
        .satisfies(e -> assertThat(e.at()).isEqualTo(T0.plus(Duration.ofMinutes(3))));
  }

  @Test
  void shouldForgetAPendingFiringWhenItStopsBeforeTheForPeriod() {
    start(Duration.ofMinutes(10), null, null, null, null);
    minute(0, 12);
    for (int m = 1; m < 30; m++) {
      minute(m, 0); // fires until 18:05 only
    }
    assertThat(alerts.incidents.isEmpty()).isTrue();
  }

  @Test
  void shouldOpenANewIncidentAfterTheCooldownWhenItIsShorterThanQuiet() {
    start(null, Duration.ofMinutes(1), null, null, null);
    minute(0, 12);
    minute(16, 0); // resolved at 18:15
    minute(17, 11); // relapse at 18:18: after the 1-minute cooldown
    assertThat(alerts.events()).extracting(IncidentEvent::type).containsExactly(
        IncidentEvent.Type.OPENED, IncidentEvent.Type.RESOLVED, IncidentEvent.Type.OPENED);
  }

  @Test
  void shouldCarryLabelsAndRenderTheDescriptionWhenOpening() {
    start(null, null, "{count} mentions sur {watch} en {window} (seuil {threshold}, règle {rule})", null, null);
    minute(0, 12);
    IncidentEvent opened = alerts.incidents.readValue();
    assertThat(opened.incident().labels()).containsEntry("team", "communication");
    assertThat(opened.incident().description()).isEqualTo("12 mentions sur ville en 5m (seuil 10, règle spike)");
  }

  @Test
  void shouldRecordButMuteWhenTheScheduleSaysSo() {
    start(null, null, null, null, List.of(new TimeWindow(List.of("sat", "sun"), "18:00", "23:00", null)));
    minute(0, 12); // Saturday 19:01 in Paris
    assertThat(alerts.incidents.readValue().incident().silencedBy()).isEqualTo("schedule:spike");
  }

  @Test
  void shouldNotFireOutsideItsActiveHours() {
    start(null, null, null, List.of(new TimeWindow(List.of(), "08:00", "18:00", null)), null);
    minute(0, 12); // 19:01 in Paris: outside 08:00–18:00
    assertThat(alerts.incidents.isEmpty()).isTrue();
  }

  @Test
  void shouldCountACrossMidnightWindowOnTheDayItStarts() {
    TimeWindow nights = new TimeWindow(List.of("fri"), "22:00", "06:00", "Europe/Paris");
    assertThat(nights.contains(Instant.parse("2026-03-13T22:30:00Z"))).as("Friday 23:30").isTrue();
    assertThat(nights.contains(Instant.parse("2026-03-14T04:00:00Z"))).as("Saturday 05:00").isTrue();
    assertThat(nights.contains(Instant.parse("2026-03-14T22:30:00Z"))).as("Saturday 23:30").isFalse();
  }
}
