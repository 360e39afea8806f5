package fr.communitydefender.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the detection harness scores incidents against reference onsets. */
class ScoringTest {
  private static final Instant ONSET = Instant.parse("2012-08-25T05:41:00Z");
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final Scoring scoring = new Scoring();
  @TempDir
  Path dir;

  /** Three mentions a minute apart from {@code from}, then one an hour for a day. */
  private static List<Instant> mentionsFrom(Instant from) {
    List<Instant> times = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      times.add(from.plus(Duration.ofMinutes(i)));
    }
    for (int h = 1; h < 24; h++) {
      times.add(from.plus(Duration.ofHours(h)));
    }
    return times;
  }

  private static EvalDetection.Opened incident(Instant at, boolean reopened) {
    return new EvalDetection.Opened("i", at, "volume-spike", "why", reopened, null, null);
  }

  private String score(List<Instant> times, EvalDetection.Opened... opened) {
    scoring.add("event", times, List.of(opened), List.of(ONSET),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
    return scoring.summary();
  }

  @Test
  void shouldCountTheIncidentAtTheDataFirstRiseWhenTheCollectionBeganHoursAfterTheOnset() {
    Instant rise = ONSET.plus(Duration.ofHours(13));
    String summary = score(mentionsFrom(rise), incident(rise.plus(Duration.ofMinutes(3)), false));
    assertThat(summary).contains("detected=1 ").contains("false_incidents=0 ").contains("median_delay_from_rise_s=180");
  }

  @Test
  void shouldCountAnIncidentFalseWhenItOpensSixHoursAfterTheLateRise() {
    Instant rise = ONSET.plus(Duration.ofHours(13));
    String summary = score(mentionsFrom(rise), incident(rise.plus(Duration.ofHours(6)), false));
    assertThat(summary).contains("detected=0 ").contains("false_incidents=1 ");
  }

  @Test
  void shouldMeasureTheHorizonFromTheOnsetWhenTheDataRiseADayOrMoreLater() {
    Instant rise = ONSET.plus(Duration.ofHours(30));
    String summary = score(mentionsFrom(rise), incident(rise.plus(Duration.ofMinutes(3)), false));
    assertThat(summary).contains("detected=0 ").contains("false_incidents=1 ");
  }

  @Test
  void shouldCountAReopeningAtTheOnsetAsItsDetectionBecauseItNotifiesAgain() {
    String summary = score(mentionsFrom(ONSET), incident(ONSET.plus(Duration.ofMinutes(4)), true));
    assertThat(summary).contains("detected=1 ").contains("false_incidents=0 ").contains("max_incidents_per_spike=1");
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("(reopened)");
  }

  @Test
  void shouldCountAnIncidentApartAsEarlyWhenItOpensBeforeTheFirstOnset() {
    String summary = score(mentionsFrom(ONSET), incident(ONSET.minus(Duration.ofDays(2)), false),
        incident(ONSET.plus(Duration.ofMinutes(2)), false));
    assertThat(summary).contains("detected=1 ").contains("false_incidents=0 ").contains("early_incidents=1 ");
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("EARLY incident 2012-08-23T05:41:00Z");
  }

  @Test
  void shouldCountEveryIncidentFalseWhenTheEventHasNoReferenceOnset() {
    scoring.add("control", mentionsFrom(ONSET), List.of(incident(ONSET, false)), List.of(),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(scoring.summary()).contains("false_incidents=1 ").contains("early_incidents=0 ");
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("FALSE incident 2012-08-25T05:41:00Z (no reference");
  }

  @Test
  void shouldGiveTheSuddenOnsetsTheirOwnMedianWhenTheKindsAreGiven() throws Exception {
    Path file = Files.writeString(dir.resolve("kinds.csv"), "event,kind\nquake,sudden\nfloods,progressive\n");
    scoring.withKinds(Scoring.readKinds(file));
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    scoring.add("quake", mentionsFrom(ONSET), List.of(incident(ONSET.plus(Duration.ofMinutes(4)), false)),
        List.of(ONSET), out);
    scoring.add("floods", mentionsFrom(ONSET), List.of(incident(ONSET.plus(Duration.ofMinutes(30)), false)),
        List.of(ONSET), out);

    assertThat(scoring.summary()).contains("median_delay_from_rise_s=1020 ")
        .endsWith("median_delay_from_rise_sudden_s=240");
  }

  @Test
  void shouldNameTheLineWhenAKindIsUnknown() throws Exception {
    Path file = Files.writeString(dir.resolve("kinds.csv"), "event,kind\nquake,fast\n");
    assertThatThrownBy(() -> Scoring.readKinds(file))
        .hasMessage(file + ":2: kind: 'fast' is neither sudden nor progressive");
  }
}
