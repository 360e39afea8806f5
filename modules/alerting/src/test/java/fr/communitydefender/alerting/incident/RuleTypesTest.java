package fr.communitydefender.alerting.incident;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.alerting.rules.AlertRule;
import fr.communitydefender.alerting.rules.FlatlineRule;
import fr.communitydefender.alerting.rules.FrequencyRule;
import fr.communitydefender.alerting.rules.InfluencerRule;
import fr.communitydefender.alerting.rules.NewTermRule;
import fr.communitydefender.alerting.rules.SentimentDropRule;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.json.JsonSerde;
import fr.communitydefender.domain.signal.TermSignal;
import fr.communitydefender.domain.signal.VolumeSignal;
import fr.communitydefender.domain.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** frequency, influencer, sentiment_drop and flatline at their edges. */
class RuleTypesTest {
  private static final Instant T0 = Instant.parse("2026-03-14T18:00:00Z");
  private AlertDriver alerts;

  private void start(AlertRule rule) {
    alerts = new AlertDriver(T0, rule);
  }

  @AfterEach
  void tearDown() {
    if (alerts != null) {
      alerts.close();
    }
  }

  /** Minute {@code m}: {@code count} mentions, all scored, with mean sentiment {@code mean} and top reach. */
  private void minute(int m, long count, double mean, long maxReach) {
    alerts.minute(m, (s, e) -> new VolumeSignal("ville", s, e, count, count, mean < 0 ? count : 0, mean * count,
        count, maxReach, maxReach, null));
  }

  private List<IncidentEvent> opened() {
    return alerts.opened();
  }

  @Test
  void shouldFireFrequencyAtNumEventsWithinTimeframe() {
    start(new FrequencyRule("freq", "*", Duration.ofMinutes(10), 20L, null, null, null, null, null, null, null, null,
        null, null));
    minute(0, 10, 0, 0);
    minute(5, 9, 0, 0);
    assertThat(opened()).as("19 in 10 minutes").isEmpty();
    minute(9, 1, 0, 0);
    assertThat(opened()).singleElement().satisfies(e ->
        assertThat(e.incident().reason()).isEqualTo("20 mentions en 10m (au moins 20)"));
  }

  @Test
  void shouldFireInfluencerWhenOneMentionReachesTheAudience() {
    start(new InfluencerRule("voix", "*", null, 50_000L, null, null, null, null, null, null, null, null, null, null,
        null));
    minute(0, 3, 0, 49_999);
    assertThat(opened()).isEmpty();
    minute(1, 1, 0, 50_000);
    assertThat(opened()).singleElement().satisfies(e ->
        assertThat(e.incident().reason()).startsWith("une mention d'audience 50"));
  }

  @Test
  void shouldFireInfluencerWhenAVerifiedAuthorPostsUnlessTurnedOff() {
    start(new InfluencerRule("voix", "*", null, 50_000L, null, null, null, null, null, null, null, null, null, null,
        null));
    alerts.minute(0, (s, e) -> new VolumeSignal("ville", s, e, 2, 0, 0, 0, 2, 300, 200, null, 0));
    assertThat(opened()).isEmpty();
    alerts.minute(1, (s, e) -> new VolumeSignal("ville", s, e, 1, 0, 0, 0, 1, 120, 120, null, 1));
    assertThat(opened()).singleElement().satisfies(e ->
        assertThat(e.incident().reason()).isEqualTo("1 mention(s) d'un compte certifié en 15m"));
  }

  @Test
  void shouldIgnoreVerifiedAuthorsWhenTheRuleSaysSo() {
    start(new InfluencerRule("voix", "*", null, 50_000L, false, null, null, null, null, null, null, null, null, null,
        null));
    alerts.minute(1, (s, e) -> new VolumeSignal("ville", s, e, 1, 0, 0, 0, 1, 120, 120, null, 1));
    assertThat(opened()).isEmpty();
  }

  @Test
  void shouldFireSentimentDropAgainstTheReferenceAndNeedEnoughMentions() {
    start(new SentimentDropRule("ton", "*", Duration.ofMinutes(2), Duration.ofMinutes(60), 0.3, 10L, null, null,
        null, null, null, null, null, null, null, null));
    for (int m = 0; m < 60; m++) {
      minute(m, 1, 0.2, 0); // an hour of mildly positive mentions
    }
    minute(60, 5, -0.2, 0); // the tone drops by 0.4 but only 5 scored mentions
    assertThat(opened()).isEmpty();
    minute(61, 5, -0.2, 0); // 10 scored mentions at -0.2: drop 0.4 ≥ 0.3
    assertThat(opened()).singleElement().satisfies(e ->
        assertThat(e.incident().reason()).startsWith("ton moyen -0,20 sur 10 mentions en 2m, contre +0,20"));
  }

  @Test
  void shouldFireFlatlineByWallClockWhenABusyWatchGoesSilent() {
    start(new FlatlineRule("muet", "*", Duration.ofMinutes(30), 1L, 5.0, null, null, null, null, null, null, null, null,
        null, null, null));
    for (int m = 0; m < 120; m++) {
      minute(m, 2, 0, 0); // two a minute for two hours: ~60 expected in 30 minutes
    }
    assertThat(opened()).isEmpty();
    alerts.driver.advanceWallClockTime(Duration.ofMinutes(20));
    assertThat(opened()).as("20 minutes without anything: the window still has mentions").isEmpty();
    alerts.driver.advanceWallClockTime(Duration.ofMinutes(15));
    assertThat(opened()).singleElement().satisfies(e ->
        assertThat(e.incident().reason()).startsWith("0 mention(s) en 30m alors que ≈ "));
  }

  @Test
  void shouldFireNewTermOnlyForATermAbsentLongerThanNoveltyOnASeasonedWatch() {
    start(new NewTermRule("sujet", "*", Duration.ofDays(1), 5L, null, null, null, null, null, null, null, null, null,
        null));
    TestInputTopic<String, TermSignal> terms = alerts.driver.createInputTopic(Topics.SIGNALS_TERMS.name(),
        Serdes.String().serializer(), JsonSerde.of(TermSignal.class).serializer());
    Instant early = T0.plus(Duration.ofMinutes(30));
    terms.pipeInput("ville", new TermSignal("ville", "marché", early, 9, null), early);
    assertThat(opened()).as("a new watch: everything is new, nothing is news").isEmpty();
    for (int m = 0; m < 26 * 60; m += 1) {
      minute(m, 1, 0, 0);
    }
    Instant at = T0.plus(Duration.ofHours(26));
    terms.pipeInput("ville", new TermSignal("ville", "fontaine", at, 6, at.minus(Duration.ofHours(12))), at);
    terms.pipeInput("ville", new TermSignal("ville", "amiante", at, 4, null), at);
    assertThat(opened()).as("fontaine was seen 12 h ago; amiante only 4 times").isEmpty();
    terms.pipeInput("ville", new TermSignal("ville", "amiante", at.plusSeconds(30), 5, null), at.plusSeconds(30));
    assertThat(opened()).singleElement().satisfies(e ->
        assertThat(e.incident().reason()).isEqualTo("nouveau(x) terme(s) en 1 h : amiante (5)"));
  }

  @Test
  void shouldKeepATermsSignalOnlyWhenANewTermRuleCanUseIt() {
    start(new NewTermRule("sujet", "*", Duration.ofDays(1), 5L, null, null, null, null, null, null, null, null, null,
        null));
    TestInputTopic<String, TermSignal> terms = alerts.driver.createInputTopic(Topics.SIGNALS_TERMS.name(),
        Serdes.String().serializer(), JsonSerde.of(TermSignal.class).serializer());
    for (int m = 0; m < 26 * 60; m += 1) {
      minute(m, 1, 0, 0);
    }
    Instant at = T0.plus(Duration.ofHours(26));
    for (int count = 1; count <= 4; count++) {
      terms.pipeInput("ville", new TermSignal("ville", "amiante", at, count, null), at);
    }
    terms.pipeInput("ville", new TermSignal("ville", "amiante", at.plusSeconds(10), 5, null), at.plusSeconds(10));
    terms.pipeInput("ville", new TermSignal("ville", "amiante", at.plusSeconds(20), 6, null), at.plusSeconds(20));
    terms.pipeInput("ville", new TermSignal("ville", "amiante", at.plusSeconds(75), 9, null), at.plusSeconds(75));
    assertThat(opened()).singleElement().satisfies(e ->
        assertThat(e.incident().reason()).isEqualTo("nouveau(x) terme(s) en 1 h : amiante (5)"));
    assertThat(alerts.registry.get("cd.alerting.term.signals.skipped").counter().count())
        .as("1 to 4: below min_count; 6: ten seconds after the 5 kept; 9, a minute later, kept").isEqualTo(5.0);
  }

  @Test
  void shouldFireFlatlineForASourceThatStopsWhileOthersGoOn() {
    start(new FlatlineRule("rss-muet", "*", Duration.ofMinutes(30), 1L, 5.0, "rss", null, null, null, null, null, null,
        null, null, null, null));
    for (int m = 0; m < 90; m++) {
      Map<String, Long> sources = m < 40 ? Map.of("rss", 1L, "mastodon", 2L) : Map.of("mastodon", 3L);
      alerts.minute(m, (s, e) -> new VolumeSignal("ville", s, e, 3, 0, 0, 0, 3, 0, 0, sources));
    }
    assertThat(opened()).singleElement().satisfies(e -> assertThat(e.incident().reason())
        .startsWith("source rss : 0 mention(s) en 30m contre "));
  }

  @Test
  void shouldFireFlatlineForAQuietSourceOnlyWhenItsCollectorReportsBeingDown() {
    start(new FlatlineRule("bsky-muet", "*", Duration.ofMinutes(30), 1L, 10.0, "bsky", null, null, null, null, null,
        null, null, null, null, null));
    for (int m = 0; m < 5; m++) {
      alerts.minute(m, (s, e) -> new VolumeSignal("ville", s, e, 1, 0, 0, 0, 1, 0, 0, Map.of("bsky", 1L)));
    }
    Instant wall = T0;
    alerts.health.pipeInput("bsky", new fr.communitydefender.domain.collector.CollectorHealth("bsky", "bluesky", true,
        wall, 0L, 5, 0, null, wall));
    alerts.driver.advanceWallClockTime(Duration.ofMinutes(40));
    assertThat(opened()).as("a source too quiet for the count check, collector connected").isEmpty();
    alerts.health.pipeInput("bsky", new fr.communitydefender.domain.collector.CollectorHealth("bsky", "bluesky", false,
        wall, 2400L, 5, 3, "jetstream: cannot connect: Connection refused", wall.plus(Duration.ofMinutes(40))));
    alerts.driver.advanceWallClockTime(Duration.ofSeconds(10));
    assertThat(opened()).singleElement().satisfies(e -> assertThat(e.incident().reason()).isEqualTo(
        "collecteur bsky déconnecté, rien reçu depuis 40m (jetstream: cannot connect: Connection refused)"));
  }

  @Test
  void shouldNotFireFlatlineOnAWatchThatIsUsuallyQuiet() {
    start(new FlatlineRule("muet", "*", Duration.ofMinutes(30), 1L, 5.0, null, null, null, null, null, null, null, null,
        null, null, null));
    for (int m = 0; m < 120; m += 30) {
      minute(m, 1, 0, 0);
    }
    alerts.driver.advanceWallClockTime(Duration.ofHours(2));
    assertThat(opened()).isEmpty();
  }
}
