package fr.communitydefender.streams.deep;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.domain.incident.Incident;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.json.JsonSerde;
import fr.communitydefender.domain.mention.DeepAnalysis;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.mention.MentionAnalysis;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.enrichment.sentiment.FastSentiment;
import fr.communitydefender.streams.PipelineMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Selection and output of the deep tier; the analyser is the real fast tier (the RNTN is tested on its own). */
class DeepTopologyTest {
  private static final Instant NOW = Instant.parse("2026-03-14T18:00:00Z");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final FastSentiment fast = FastSentiment.withBuiltInLexicons();
  private final List<String> analysed = new ArrayList<>();
  private TopologyTestDriver driver;
  private TestInputTopic<String, Mention> mentions;
  private TestInputTopic<String, IncidentEvent> incidents;
  private TestOutputTopic<String, DeepAnalysis> deep;

  @BeforeEach
  void setUp() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "deep-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(DeepTopology.build(new DeepConfig(5_000, Duration.ofMinutes(30), 1), text -> {
      analysed.add(text);
      return fast.analyse(text, "en");
    }, new PipelineMetrics(registry), () -> NOW), props);
    mentions = driver.createInputTopic(Topics.MENTIONS_ENRICHED.name(), Serdes.String().serializer(),
        JsonSerde.of(Mention.class).serializer());
    incidents = driver.createInputTopic(Topics.INCIDENTS.name(), Serdes.String().serializer(),
        JsonSerde.of(IncidentEvent.class).serializer());
    deep = driver.createOutputTopic(Topics.MENTIONS_DEEP.name(), Serdes.String().deserializer(),
        JsonSerde.of(DeepAnalysis.class).deserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  /** A mention published at {@code at}, appended to the enriched topic at {@code appended}. */
  private void mention(String id, String lang, String watch, long reach, Instant at, String text) {
    mention(id, lang, watch, reach, at, at, text);
  }

  private void mention(String id, String lang, String watch, long reach, Instant at, Instant appended, String text) {
    MentionAnalysis fastResult = new MentionAnalysis(lang, "neutral", 0, List.of(), FastSentiment.TIER, null);
    mentions.pipeInput(id, new Mention(id, "test", at, text, "someone", null, null, reach, List.of(watch),
        fastResult), appended);
  }

  private void incident(String watch, boolean open) {
    Incident i = new Incident("volume." + watch, "volume", watch, Severity.HIGH, "spike", Incident.Status.OPEN,
        NOW.minusSeconds(600), NOW.minusSeconds(60), null, 40, 40, 25, Duration.ofMinutes(5), "40 ≥ 25");
    IncidentEvent e = open ? new IncidentEvent(IncidentEvent.Type.OPENED, NOW.minusSeconds(600), i)
        : new IncidentEvent(IncidentEvent.Type.RESOLVED, NOW, i.resolved(NOW, "quiet"));
    incidents.pipeInput(i.id(), e, NOW.minusSeconds(600));
  }

  @Test
  void shouldAnalyseEnglishMentionWhenItsWatchHasAnOpenIncident() {
    incident("floods", true);
    mention("m1", "en", "floods", 10, NOW.minusSeconds(30), "The flood response is a terrible mess");
    DeepAnalysis out = deep.readValue();
    assertThat(out.mentionId()).isEqualTo("m1");
    assertThat(out.publishedAt()).isEqualTo(NOW.minusSeconds(30));
    assertThat(out.analysis().sentiment()).isEqualTo(MentionAnalysis.NEGATIVE);
    assertThat(deep.isEmpty()).isTrue();
  }

  @Test
  void shouldSkipMentionWhenNoIncidentIsOpenAndReachIsLow() {
    mention("m1", "en", "floods", 10, NOW.minusSeconds(30), "terrible");
    incident("floods", true);
    incident("floods", false);
    mention("m2", "en", "floods", 10, NOW.minusSeconds(20), "terrible again");
    assertThat(deep.isEmpty()).isTrue();
    assertThat(analysed).isEmpty();
  }

  @Test
  void shouldAnalyseHighReachMentionWhenNoIncidentIsOpen() {
    mention("m1", "en", "roads", 5_000, NOW.minusSeconds(30), "Great job on the new bridge");
    assertThat(deep.readValue().analysis().sentiment()).isEqualTo(MentionAnalysis.POSITIVE);
  }

  @Test
  void shouldLeaveFrenchToTheFastTierWhenIncidentIsOpen() {
    incident("floods", true);
    mention("m1", "fr", "floods", 50_000, NOW.minusSeconds(30), "Quelle honte cette gestion de la crue");
    assertThat(deep.isEmpty()).isTrue();
  }

  @Test
  void shouldSkipAndCountWhenMentionWaitedLongerThanMaxAge() {
    incident("floods", true);
    mention("m1", "en", "floods", 10, NOW.minus(Duration.ofHours(2)), "terrible");
    assertThat(deep.isEmpty()).isTrue();
    assertThat(registry.counter("cd.mentions.deep.skipped", "reason", "stale").count()).isEqualTo(1);
  }

  @Test
  void shouldAnalyseOldMentionWhenItWasAppendedRecentlyAsInADrillReplay() {
    incident("floods", true);
    mention("m1", "en", "floods", 10, NOW.minus(Duration.ofDays(200)), NOW.minusSeconds(5), "terrible");
    assertThat(deep.readValue().mentionId()).isEqualTo("m1");
  }

  @Test
  void shouldPublishUnsupportedWhenAnalyserThrows() {
    driver.close();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "deep-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(DeepTopology.build(DeepConfig.DEFAULT, text -> {
      throw new IllegalStateException("parser blew up");
    }, new PipelineMetrics(registry), () -> NOW), props);
    mentions = driver.createInputTopic(Topics.MENTIONS_ENRICHED.name(), Serdes.String().serializer(),
        JsonSerde.of(Mention.class).serializer());
    deep = driver.createOutputTopic(Topics.MENTIONS_DEEP.name(), Serdes.String().deserializer(),
        JsonSerde.of(DeepAnalysis.class).deserializer());
    mention("m1", "en", "x", 1_000_000, NOW, "anything");
    MentionAnalysis a = deep.readValue().analysis();
    assertThat(a.sentiment()).isEqualTo(MentionAnalysis.UNSUPPORTED);
    assertThat(a.note()).isEqualTo("deep tier failed: IllegalStateException");
  }
}
