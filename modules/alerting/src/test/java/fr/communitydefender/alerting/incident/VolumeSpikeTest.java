package fr.communitydefender.alerting.incident;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.alerting.rules.NegativeShareRule;
import fr.communitydefender.alerting.rules.VolumeSpikeRule;
import fr.communitydefender.domain.signal.VolumeSignal;
import fr.communitydefender.domain.incident.IncidentEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The count-aware spike rule on the real topology, with explicit event times (one signal per minute). */
class VolumeSpikeTest {
  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private AlertDriver alerts;

  @BeforeEach
  void setUp() {
    alerts = new AlertDriver(T0, new VolumeSpikeRule("spike", "*", null, null, null, null, null, null, null,
        Duration.ofHours(2), null, null));
  }

  @AfterEach
  void tearDown() {
    alerts.close();
  }

  private void minute(long minute, long count) {
    alerts.minute(minute, count);
  }

  /** Minutes [from, to) with {@code count} each. */
  private void minutes(long from, long to, long count) {
    for (long m = from; m < to; m++) {
      minute(m, count);
    }
  }

  private List<IncidentEvent> opened() {
    return alerts.opened();
  }

  @Test
  void shouldStayQuietWhenThreeMentionsReplaceOneOnAQuietWatch() {
    for (long m = 0; m < 600; m += 5) {
      minute(m, 1); // one mention every five minutes for ten hours
    }
    minute(600, 1);
    minute(601, 1);
    minute(602, 1);
    assertThat(opened()).isEmpty();
  }

  @Test
  void shouldFireWhenDozensFollowSilenceEvenWithoutHistory() {
    minute(0, 0);
    minute(1, 30);
    List<IncidentEvent> events = opened();
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.incident().currentCount()).isEqualTo(30);
      assertThat(e.incident().reason()).startsWith("30 mentions en 5m ; attendu ≈ ");
    });
  }

  @Test
  void shouldFireJustAtTheMinimumCountWhenNothingIsExpected() {
    minutes(0, 120, 0); // two quiet hours: the watch has history
    minute(120, 3);
    assertThat(opened()).as("3 mentions: under min_count 4").isEmpty();
    minute(121, 1);
    assertThat(opened()).as("4 mentions after silence").hasSize(1);
  }

  @Test
  void shouldNeedThresholdRefMentionsInTheReferenceWindowWhenSet() {
    for (boolean referenceHasThree : new boolean[] {false, true}) {
      alerts.close();
      alerts = new AlertDriver(T0, new VolumeSpikeRule("spike", "*", null, null, null, null, null, null, null, null, 3L,
          Duration.ofHours(2), null, null, null, null, null, null, null, null, null, null, null));
      for (long m = 0; m < 120; m++) {
        minute(m, referenceHasThree && (m == 90 || m == 100 || m == 110) ? 1 : 0);
      }
      minute(120, 30); // the reference window (the hour before the last 5 minutes) holds 3 or 0 mentions
      assertThat(opened()).as("reference holds 3: " + referenceHasThree).hasSize(referenceHasThree ? 1 : 0);
    }
  }

  @Test
  void shouldWaitForDozensWhenTheWatchIsNew() {
    minutes(0, 10, 2); // a new watch with its usual 2 a minute: not news
    assertThat(opened()).isEmpty();
    minute(10, 12);
    assertThat(opened()).as("a dozen in a minute on top").hasSize(1);
  }

  @Test
  void shouldNotFireOnTheDecayingTailWhenTheLastDayWasBusier() {
    minutes(0, 60, 20); // a real spike: 1,200 mentions in an hour
    assertThat(opened()).hasSize(1);
    minutes(60, 600, 0); // quiet: the incident resolves after 2 h
    assertThat(alerts.events()).extracting(IncidentEvent::type).contains(IncidentEvent.Type.RESOLVED);
    minutes(600, 610, 3); // the next morning's bump: 15 in 5 min, well below 3 × the day's average
    assertThat(opened()).isEmpty();
  }

  @Test
  void shouldLearnTheBusyHourOfTheDayWhenItRepeats() {
    for (long m = 0; m < 4 * 1440; m++) {
      long ofDay = m % 1440;
      if (ofDay >= 480 && ofDay < 540) {
        minute(m, 3); // the 08:00 market rush, 3 a minute
      } else if (ofDay % 20 == 0) {
        minute(m, 1); // 3 an hour the rest of the day
      }
    }
    minutes(4 * 1440 + 480, 4 * 1440 + 485, 3); // the fifth morning's rush: usual for 08:00
    assertThat(opened()).as("the rush is news the first mornings, then it is learned for 08:00")
        .isNotEmpty().allSatisfy(e -> assertThat(e.at()).isBefore(T0.plus(Duration.ofDays(2))));
  }

  @Test
  void shouldOpenOneIncidentForOneSpikeWhenItLastsAnHour() {
    minutes(0, 120, 0);
    for (long m = 120; m < 180; m++) {
      minute(m, 5 + (m % 7));
    }
    assertThat(opened()).hasSize(1);
  }

  /** The spike rule of setUp (quiet 2 h) with {@code settle} set, or the 1-hour rise rule of the project's files. */
  private static VolumeSpikeRule spike(String id, Duration window, Duration reference, Long minCount, Double settle) {
    return new VolumeSpikeRule(id, "*", window, reference, null, minCount, null, null, null, null, null,
        Duration.ofHours(2), settle, null, null, null, null, null, null, null, null, null, null);
  }

  @Test
  void shouldKeepOneIncidentWhileTheCrisisGoesOnWhenItsNewsPeaksComePastQuiet() {
    minutes(0, 60, 20); // the onset: 1,200 mentions in an hour
    assertThat(opened()).hasSize(1);
    minutes(60, 600, 1); // nine hours of 60 an hour: 5 % of the busiest hour, a crisis still followed
    minute(480, 0);
    minutes(481, 483, 30); // a news peak five hours after the rule last fired
    minutes(483, 600, 1);
    assertThat(alerts.events()).extracting(IncidentEvent::type)
        .doesNotContain(IncidentEvent.Type.RESOLVED, IncidentEvent.Type.OPENED, IncidentEvent.Type.REOPENED);
    minutes(600, 800, 0); // calm: nothing for more than quiet
    assertThat(alerts.events()).filteredOn(e -> e.type() == IncidentEvent.Type.RESOLVED).singleElement()
        .satisfies(e -> assertThat(e.incident().reason()).contains("0,0 mention(s)/h contre 1200"));
  }

  @Test
  void shouldResolveOnQuietAloneWhenSettleIsZero() {
    alerts.close();
    alerts = new AlertDriver(T0, spike("spike", null, null, null, 0.0));
    minutes(0, 60, 20);
    minutes(60, 300, 1); // the same crisis going on at 60 an hour
    assertThat(alerts.events()).extracting(IncidentEvent::type).contains(IncidentEvent.Type.RESOLVED);
  }

  @Test
  void shouldResolveWhenBackToTwiceTheUsualRateOfABusyWatch() {
    alerts.close();
    alerts = new AlertDriver(T0, spike("spike", null, null, null, null));
    minutes(0, 2 * 1440, 2); // a busy watch: 120 an hour for two days
    minutes(2 * 1440, 2 * 1440 + 30, 40); // a spike: 1,200 in half an hour
    assertThat(opened()).hasSize(1);
    minutes(2 * 1440 + 30, 2 * 1440 + 400, 2); // back to its usual 120 an hour, far above 1 % of the busiest hour
    assertThat(alerts.events()).extracting(IncidentEvent::type).contains(IncidentEvent.Type.RESOLVED);
  }

  @Test
  void shouldFireOnASlowRiseWhenAnHourWindowMeasuresItAgainstWhatWasLearnedBefore() {
    alerts.close();
    alerts = new AlertDriver(T0, spike("rise", Duration.ofHours(1), Duration.ofHours(6), 10L, null));
    for (long m = 0; m < 2 * 1440; m += 120) {
      minute(m, 1); // one mention every two hours for two days
    }
    for (long m = 2 * 1440; m < 2 * 1440 + 60; m += 4) {
      minute(m, 1); // then one every four minutes: 15 in the hour, none of them five-minute news
    }
    assertThat(opened()).as("the rise is not learned as normal while the hour measures it").singleElement()
        .satisfies(e -> assertThat(e.incident().reason()).startsWith("1"));
  }

  @Test
  void shouldJoinTheOngoingCrisisWhenAnotherRuleFiresLongAfterItsGroupWindow() {
    alerts.close();
    alerts = new AlertDriver(T0, spike("spike", null, null, null, null), new NegativeShareRule("colere", "*",
        Duration.ofMinutes(15), 0.6, 8L, Duration.ofMinutes(10), null, null));
    minutes(0, 120, 0);
    minutes(120, 180, 20); // the onset opens the spike incident
    minutes(180, 600, 1); // the crisis goes on at 60 an hour, the spike rule quiet for seven hours
    for (long m = 600; m < 615; m++) {
      alerts.minute(m, (s, e) -> new VolumeSignal("ville", s, e, 1, 1, 1, -1, 1, 0, 0, null)); // anger now
    }
    List<IncidentEvent> events = alerts.events();
    assertThat(events).filteredOn(e -> e.type() == IncidentEvent.Type.OPENED).singleElement()
        .satisfies(e -> assertThat(e.incident().ruleId()).isEqualTo("spike"));
    assertThat(events.get(events.size() - 1).incident().joinedRules()).containsExactly("colere");
  }

  @Test
  void shouldStayQuietOnASurgeWeeksAfterABigCrisisUnlessTheMonthTermIsOff() {
    for (double month : new double[] {3.0, 0.0}) {
      alerts.close();
      alerts = new AlertDriver(T0, new VolumeSpikeRule("spike", "*", null, null, null, null, null, null, null, month,
          null, Duration.ofHours(2), null, null, null, null, null, null, null, null, null, null, null));
      minutes(0, 360, 30); // the crisis: 10,800 mentions in six hours
      for (long m = 360; m < 20 * 1440; m += 20) {
        minute(m, 1); // then three an hour for three weeks
      }
      alerts.events();
      minutes(20 * 1440, 20 * 1440 + 4, 3); // 12 in 4 minutes: news after a quiet week, an echo after that month
      assertThat(opened()).as("month_factor " + month).hasSize(month > 0 ? 0 : 1);
    }
  }

  @Test
  void shouldPageAgainWhenAHeldOpenIncidentFlaresFarAbovePeak() {
    minutes(0, 120, 0);
    minute(120, 6); // a warning: six posts, an incident opens (peak 6)
    for (long m = 130; m < 600; m += 10) {
      minute(m, 1); // then the story keeps going at 6 an hour: the incident stays open past its quiet period
    }
    assertThat(alerts.events()).extracting(IncidentEvent::type).containsExactly(IncidentEvent.Type.OPENED);
    minute(600, 4);
    minute(601, 10); // the event itself: 14 in 5 minutes, not yet three times the warning's peak
    assertThat(alerts.events()).as("held open, the incident stays as it is").isEmpty();
    minute(602, 10); // 24: far above it — the incident is reopened and pages again
    assertThat(alerts.events()).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(IncidentEvent.Type.REOPENED);
      assertThat(e.incident().reason()).startsWith("reprise : 24 mentions en 5m");
      assertThat(e.incident().acknowledgedBy()).isNull();
    });
  }

  /**
   * A storm: two quiet days, a warning seen by the hourly rule (15 in an hour), the story going on at 6 an hour for
   * ten hours (the incident held open), then the landfall: 3 a minute for ten minutes, seen by the 5-minute rule.
   */
  private List<IncidentEvent> warningThenLandfall(Double escalation) {
    alerts.close();
    alerts = new AlertDriver(T0, spike("rise", Duration.ofHours(1), Duration.ofHours(6), 10L, null),
        new VolumeSpikeRule("spike", "*", null, null, null, null, null, null, null, null, null, Duration.ofHours(2),
            null, null, null, null, null, null, null, null, null, null, escalation));
    for (long m = 0; m < 2 * 1440; m += 120) {
      minute(m, 1);
    }
    long warning = 2 * 1440;
    for (long m = warning; m < warning + 60; m += 4) {
      minute(m, 1);
    }
    for (long m = warning + 60; m < warning + 660; m += 10) {
      minute(m, 1);
    }
    minutes(warning + 660, warning + 670, 3);
    minutes(warning + 670, warning + 700, 0);
    return alerts.events().stream()
        .filter(e -> e.type() == IncidentEvent.Type.OPENED || e.type() == IncidentEvent.Type.REOPENED).toList();
  }

  @Test
  void shouldPageAgainWhenTheWarningsIncidentBecomesTheEventTenfold() {
    assertThat(warningThenLandfall(null)).as("escalation off: the landfall joins the warning's incident silently")
        .singleElement().satisfies(e -> assertThat(e.incident().ruleId()).isEqualTo("rise"));
    List<IncidentEvent> pages = warningThenLandfall(10.0);
    assertThat(pages).extracting(IncidentEvent::type).as("%s", pages.stream().map(e -> e.at() + " "
        + e.incident().reason()).toList()).containsExactly(IncidentEvent.Type.OPENED, IncidentEvent.Type.REOPENED);
    assertThat(pages.get(1).incident().reason()).startsWith("escalade (spike) : ");
    assertThat(pages.get(1).incident().acknowledgedBy()).isNull();
    assertThat(pages.get(1).at()).isAfterOrEqualTo(T0.plus(Duration.ofMinutes(2 * 1440 + 660)));
  }

  @Test
  void shouldRefuseAnEscalationFactorBelowTwo() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new VolumeSpikeRule("spike", "*", null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 1.5))
        .hasMessageContaining("escalation");
  }
}
