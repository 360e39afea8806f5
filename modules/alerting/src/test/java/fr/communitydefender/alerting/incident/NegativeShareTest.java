package fr.communitydefender.alerting.incident;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.alerting.rules.NegativeShareRule;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.signal.VolumeSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** negative_share at its edges: share 0.6 and at least 8 negatives within 15 minutes. */
class NegativeShareTest {
  private static final Instant T0 = Instant.parse("2026-03-14T18:00:00Z");
  private AlertDriver alerts;

  @BeforeEach
  void setUp() {
    alerts = new AlertDriver(T0, new NegativeShareRule("colere", "*", Duration.ofMinutes(15), 0.6, 8L,
        Duration.ofMinutes(30), null, null));
  }

  @AfterEach
  void tearDown() {
    alerts.close();
  }

  private void minute(int minute, long count, long scored, long negative) {
    alerts.minute(minute, (s, e) -> new VolumeSignal("ville", s, e, count, scored, negative, -0.5 * negative, count,
        0, 0, null));
  }

  private List<IncidentEvent> events() {
    return alerts.events();
  }

  @Test
  void shouldStayQuietWhenNegativesAreManyButNotTheShare() {
    minute(0, 20, 20, 11); // 55 %
    assertThat(events()).isEmpty();
  }

  @Test
  void shouldStayQuietWhenTheShareIsHighButNegativesAreFew() {
    minute(0, 7, 7, 7); // 100 % of 7: under min_count 8
    assertThat(events()).isEmpty();
  }

  @Test
  void shouldFireAtTheShareAndCountAndSayWhy() {
    minute(0, 10, 10, 5);
    minute(1, 4, 3, 3); // 8 negatives of 13 scored: 61.5 %
    assertThat(events()).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(IncidentEvent.Type.OPENED);
      assertThat(e.incident().reason()).isEqualTo("8 mentions négatives sur 13 en 15m (62 %, seuil 60 % et 8)");
      assertThat(e.incident().title()).isEqualTo("Vague de mentions négatives");
    });
  }

  @Test
  void shouldIgnoreUnscoredMentionsWhenComputingTheShare() {
    minute(0, 30, 10, 8); // 20 posts without a sentiment (empty, garbled) do not dilute the share
    assertThat(events()).hasSize(1);
  }

  @Test
  void shouldResolveAfterQuietWhenAngerPasses() {
    minute(0, 10, 10, 9);
    for (int m = 1; m <= 50; m++) {
      minute(m, 2, 2, 0);
    }
    assertThat(events()).extracting(IncidentEvent::type)
        .containsExactly(IncidentEvent.Type.OPENED, IncidentEvent.Type.RESOLVED);
  }
}
