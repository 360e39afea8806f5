package fr.communitydefender.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyFiguresTest {
  private static final Instant OPENED = Instant.parse("2026-03-14T18:40:30Z");

  private static List<Report.Minute> curve(Instant from, long... counts) {
    List<Report.Minute> out = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      out.add(new Report.Minute(from.plusSeconds(60L * i), counts[i], counts[i] / 2));
    }
    return out;
  }

  @Test
  void shouldFindTheFirstMinuteAboveTwiceTheBaselineWithinHalfAnHourBeforeOpening() {
    Instant start = Instant.parse("2026-03-14T17:10:00Z"); // 90 minutes before the opening minute
    long[] counts = new long[91];
    for (int i = 0; i < 60; i++) {
      counts[i] = i % 2 == 0 ? 1 : 0; // baseline 0.5 per minute
    }
    counts[70] = 1; // not a rise: fewer than 2
    counts[75] = 2; // 18:25: the first rise (2 > 2 × 0.5)
    counts[80] = 9;
    List<Report.Minute> c = curve(start, counts);
    assertThat(KeyFigures.firstRise(c, OPENED)).isEqualTo(Instant.parse("2026-03-14T18:25:00Z"));
    assertThat(KeyFigures.firstRise(curve(start, new long[91]), OPENED)).as("no rise: the opening minute")
        .isEqualTo(Instant.parse("2026-03-14T18:40:00Z"));
  }

  @Test
  void shouldComputeDelaysFromTheEventsAndLeaveMissingStepsEmpty() {
    Incident incident = new Incident("spike.ville.1", "spike", "ville", Severity.HIGH, "Pic", Incident.Status.RESOLVED,
        OPENED, OPENED, OPENED.plusSeconds(3600), 40, 40, 20, Duration.ofMinutes(5), "r");
    IncidentEvent ack = new IncidentEvent(IncidentEvent.Type.ACKNOWLEDGED, OPENED.plusSeconds(300),
        incident.acknowledged("marie", OPENED.plusSeconds(300), null), "marie");
    List<Report.Entry> pages = List.of(new Report.Entry(OPENED.plusSeconds(95), "pager", "page.failed", ""),
        new Report.Entry(OPENED.plusSeconds(12), "pager", "page.sent", ""));
    Instant from = Instant.parse("2026-03-14T17:40:00Z");
    List<Report.Minute> c = curve(from, 0, 0, 4, 8, 2);
    KeyFigures f = KeyFigures.compute(incident, List.of(ack), c, pages, List.of(), from, from.plusSeconds(600), 14, 9,
        2);
    assertThat(f.toFirstPage()).isEqualTo(Duration.ofSeconds(12));
    assertThat(f.toAcknowledge()).isEqualTo(Duration.ofMinutes(5));
    assertThat(f.toFirstApprovedResponse()).isNull();
    assertThat(f.toPublication()).isNull();
    assertThat(f.peak()).isEqualTo(8);
    assertThat(f.peakAt()).isEqualTo(from.plusSeconds(180));
    assertThat(f.negativeShareBefore()).isEqualTo((2 + 4 + 1) / 14.0);
    assertThat(f.negativeShareAfter()).isNull();
    assertThat(f.mentions()).isEqualTo(14);
  }
}
