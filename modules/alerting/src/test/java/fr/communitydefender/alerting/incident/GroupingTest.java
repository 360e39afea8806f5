package fr.communitydefender.alerting.incident;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.alerting.rules.NegativeShareRule;
import fr.communitydefender.alerting.rules.VolumeThresholdRule;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.signal.VolumeSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rules firing on one watch soon after each other make one incident. */
class GroupingTest {
  private static final Instant T0 = Instant.parse("2026-03-14T18:00:00Z");
  private AlertDriver alerts;

  private void start(Duration group) {
    VolumeThresholdRule volume = new VolumeThresholdRule("volume", "*", Duration.ofMinutes(5), 10L,
        Duration.ofMinutes(10), Severity.HIGH, "Pic", null, null, null, null, null, null, null);
    NegativeShareRule anger = new NegativeShareRule("colere", "*", Duration.ofMinutes(15), 0.6, 8L,
        Duration.ofMinutes(10), null, null, null, null, null, null, null, null, group);
    alerts = new AlertDriver(T0, volume, anger);
  }

  @AfterEach
  void tearDown() {
    alerts.close();
  }

  private void minute(int minute, long count, long negative) {
    alerts.minute(minute, (s, e) -> new VolumeSignal("ville", s, e, count, count, negative, -negative, count, 0, 0,
        null));
  }

  @Test
  void shouldJoinTheOpenIncidentWhenAnotherRuleFiresWithinTheGroupWindow() {
    start(null);
    minute(0, 12, 0); // the volume rule opens
    minute(3, 10, 10); // anger follows three minutes later: 10 negatives of 22
    minute(4, 10, 10); // 20 of 32 = 62 %
    List<IncidentEvent> events = alerts.events();
    assertThat(events).extracting(IncidentEvent::type).containsOnlyOnce(IncidentEvent.Type.OPENED)
        .containsOnly(IncidentEvent.Type.OPENED, IncidentEvent.Type.UPDATED);
    assertThat(events).extracting(e -> e.incident().id()).containsOnly(events.get(0).incident().id());
    assertThat(events.get(events.size() - 1).incident().joinedRules()).containsExactly("colere");
  }

  @Test
  void shouldKeepTheGroupedIncidentOpenWhileTheJoinedRuleFires() {
    start(null);
    minute(0, 12, 0);
    minute(3, 10, 10);
    minute(4, 10, 10);
    for (int m = 5; m <= 18; m++) {
      minute(m, 2, 2); // volume quiet from 18:09; anger keeps firing on the last 15 minutes
    }
    assertThat(alerts.events()).extracting(IncidentEvent::type)
        .doesNotContain(IncidentEvent.Type.RESOLVED);
  }

  @Test
  void shouldOpenItsOwnIncidentWhenGroupingIsOff() {
    start(Duration.ZERO);
    minute(0, 12, 0);
    minute(3, 10, 10);
    minute(4, 10, 10);
    List<IncidentEvent> opened = alerts.events().stream()
        .filter(e -> e.type() == IncidentEvent.Type.OPENED).toList();
    assertThat(opened).extracting(e -> e.incident().ruleId()).containsExactly("volume", "colere");
  }
}
