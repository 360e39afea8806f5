package fr.communitydefender.streams.volume;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.json.JsonSerde;
import fr.communitydefender.domain.mention.DeadLetter;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.mention.MentionDetails;
import fr.communitydefender.domain.signal.TermSignal;
import fr.communitydefender.domain.signal.VolumeSignal;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.domain.watch.Watch;
import fr.communitydefender.enrichment.Enricher;
import fr.communitydefender.enrichment.EnrichmentMetrics;
import fr.communitydefender.streams.PipelineMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VolumeTopologyTest {
  private static final Instant T0 = Instant.parse("2026-03-14T18:00:00Z");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TopologyTestDriver driver;
  private TestInputTopic<String, String> raw;
  private TestOutputTopic<String, VolumeSignal> signals;
  private TestOutputTopic<String, Mention> enriched;
  private TestOutputTopic<String, DeadLetter> deadLetters;
  private int ids;

  @BeforeEach
  void setUp() {
    VolumeConfig config = new VolumeConfig(List.of(
        new Watch("ville", null, List.of("sainte-aure"), null, null),
        new Watch("crue", null, List.of("crue"), List.of("sainte-aure"), null)),
        Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofHours(1));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "volume-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    driver = new TopologyTestDriver(VolumeTopology.build(config,
        Enricher.standard(new EnrichmentMetrics(registry)), new PipelineMetrics(registry)), props);
    raw = driver.createInputTopic(Topics.MENTIONS_RAW.name(), Serdes.String().serializer(),
        Serdes.String().serializer());
    signals = driver.createOutputTopic(Topics.SIGNALS_VOLUME.name(), Serdes.String().deserializer(),
        JsonSerde.of(VolumeSignal.class).deserializer());
    enriched = driver.createOutputTopic(Topics.MENTIONS_ENRICHED.name(), Serdes.String().deserializer(),
        JsonSerde.of(Mention.class).deserializer());
    deadLetters = driver.createOutputTopic(Topics.DEAD_LETTER.name(), Serdes.String().deserializer(),
        JsonSerde.of(DeadLetter.class).deserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  /** Pipes a mention published at T0 + offset; the record timestamp is deliberately different (arrival time). */
  private void mention(Duration offset, String text) {
    Instant at = T0.plus(offset);
    String id = "m" + (++ids);
    raw.pipeInput(id, Json.write(new Mention(id, "test", at, text, "a", null, "fr", 0, List.of())),
        at.plusSeconds(5));
  }

  /** Latest count per (watch, window start) from the signals emitted so far. */
  private Map<String, Long> latestCounts() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (KeyValue<String, VolumeSignal> kv : signals.readKeyValuesToList()) {
      out.put(kv.key + "@" + Duration.between(T0, kv.value.windowStart()).toMinutes(), kv.value.count());
    }
    return out;
  }

  @Test
  void shouldRepartitionOnceWhenCountingAndDetectingTermsOfTheSameWatches() {
    var topology = VolumeTopology.build(new VolumeConfig(List.of(new Watch("ville", null, List.of("sainte-aure"),
        null, null)), Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofHours(1)),
        Enricher.standard(new EnrichmentMetrics(registry)), new PipelineMetrics(registry)).describe().toString();
    var topics = java.util.regex.Pattern.compile("topics?: \\[?([\\w.-]+-repartition)").matcher(topology).results()
        .map(r -> r.group(1)).distinct().toList();
    assertThat(topics).as("one repartition topic, written and read once").containsExactly(
        "mentions-by-watch-repartition");
  }

  @Test
  void shouldCountPerWatchInOneMinuteWindowsWhenMentionsMatch() {
    mention(Duration.ofSeconds(10), "Sainte-Aure : crue de la Loire");
    mention(Duration.ofSeconds(50), "Le marché de Sainte-Aure");
    mention(Duration.ofSeconds(70), "Sainte-Aure encore");
    assertThat(latestCounts()).containsExactly(
        Map.entry("ville@0", 2L), Map.entry("crue@0", 1L), Map.entry("ville@1", 1L));
    assertThat(registry.counter("cd.signals", "kind", "volume").count()).isEqualTo(4);
  }

  @Test
  void shouldPutMentionInTheLaterWindowWhenItFallsExactlyOnTheEdge() {
    mention(Duration.ofMillis(59_999), "Sainte-Aure a");
    mention(Duration.ofSeconds(60), "Sainte-Aure b");
    Map<String, Long> counts = latestCounts();
    assertThat(counts).containsEntry("ville@0", 1L).containsEntry("ville@1", 1L);
  }

  @Test
  void shouldUseEventTimeNotArrivalTimeWhenWindowing() {
    Instant at = T0.plusSeconds(30);
    raw.pipeInput("late-arrival", Json.write(new Mention("late-arrival", "test", at, "Sainte-Aure", null, null, null,
        0, List.of())), T0.plus(Duration.ofMinutes(7)));
    List<VolumeSignal> out = signals.readValuesToList();
    assertThat(out).singleElement().satisfies(s -> assertThat(s.windowStart()).isEqualTo(T0));
  }

  @Test
  void shouldCountLateMentionWhenItArrivesWithinGrace() {
    mention(Duration.ofSeconds(10), "Sainte-Aure 1");
    mention(Duration.ofSeconds(80), "Sainte-Aure 2"); // stream time 1:20, window 0 closes at 1:00 + 30 s grace
    mention(Duration.ofSeconds(20), "Sainte-Aure late but within grace");
    assertThat(latestCounts()).containsEntry("ville@0", 2L);
  }

  @Test
  void shouldDropLateMentionFromCountsWhenPastGraceButStillForwardIt() {
    mention(Duration.ofSeconds(10), "Sainte-Aure 1");
    mention(Duration.ofSeconds(95), "Sainte-Aure 2"); // stream time 1:35 > 1:30 (end + grace)
    mention(Duration.ofSeconds(20), "Sainte-Aure too late");
    assertThat(latestCounts()).containsEntry("ville@0", 1L).containsEntry("ville@1", 1L).hasSize(2);
    assertThat(enriched.readValuesToList()).extracting(Mention::text).contains("Sainte-Aure too late");
  }

  @Test
  void shouldForwardEveryMentionWithItsWatchesWhenParsed() {
    mention(Duration.ofSeconds(1), "Crue à Sainte-Aure");
    mention(Duration.ofSeconds(2), "Rien à voir");
    List<Mention> out = enriched.readValuesToList();
    assertThat(out).extracting(Mention::watches).containsExactly(List.of("ville", "crue"), List.of());
  }

  @Test
  void shouldCarryLanguageSentimentAndDriversWhenEnriched() {
    mention(Duration.ofSeconds(1), "Quelle honte, la mairie de Sainte-Aure ne répond jamais aux habitants");
    mention(Duration.ofSeconds(2), "Thanks Sainte-Aure, great job cleaning the park");
    mention(Duration.ofSeconds(3), "\u0000\u0001\uFFFD\uFFFD Sainte-Aure");
    List<Mention> out = enriched.readValuesToList();
    assertThat(out).extracting(m -> m.analysis().lang()).containsExactly("fr", "en", "fr");
    assertThat(out.get(0).analysis().sentiment()).isEqualTo("negative");
    assertThat(out.get(0).analysis().drivers()).contains("honte");
    assertThat(out.get(1).analysis().sentiment()).isEqualTo("positive");
    assertThat(out.get(2).analysis().sentiment()).isEqualTo("unsupported");
    assertThat(out.get(2).watches()).containsExactly("ville");
    assertThat(registry.counter("cd.mentions.analysed", "lang", "fr", "sentiment", "negative", "tier",
        "fast-lexicon").count()).isEqualTo(1);
  }

  @Test
  void shouldCarryNegativeShareAuthorsAndReachWhenSignalling() {
    String[][] posts = {
        {"Quelle honte, la mairie de Sainte-Aure ne répond jamais", "@colere", "120"},
        {"Bravo Sainte-Aure pour le marché, super ambiance", "@ravie", "30"},
        {"\u0000\u0001\uFFFD\uFFFD Sainte-Aure", "@colere", "5"}};
    for (int i = 0; i < posts.length; i++) {
      Instant at = T0.plusSeconds(10 + i);
      raw.pipeInput("s" + i, Json.write(new Mention("s" + i, "test", at, posts[i][0], posts[i][1], null, "fr",
          Long.parseLong(posts[i][2]), List.of())), at);
    }
    List<VolumeSignal> out = signals.readValuesToList();
    VolumeSignal last = out.get(out.size() - 1);
    assertThat(last.count()).isEqualTo(3);
    assertThat(last.scored()).as("the garbled post has no sentiment").isEqualTo(2);
    assertThat(last.negative()).isEqualTo(1);
    assertThat(last.negativeShare()).isEqualTo(0.5);
    assertThat(last.authors()).isEqualTo(2);
    assertThat(last.reach()).isEqualTo(155);
    assertThat(last.maxReach()).isEqualTo(120);
    assertThat(last.sources()).containsExactly(java.util.Map.entry("test", 3L));
    assertThat(last.sentimentSum()).isLessThan(0.5).isGreaterThan(-0.5);
  }

  @Test
  void shouldSignalATermThatIsNewAndRepeatsButNotAnEverydayOne() {
    TestOutputTopic<String, TermSignal> terms = driver.createOutputTopic(Topics.SIGNALS_TERMS.name(),
        Serdes.String().deserializer(), JsonSerde.of(TermSignal.class).deserializer());
    mention(Duration.ofMinutes(0), "Marché de Sainte-Aure ce matin");
    mention(Duration.ofHours(2), "Marché de Sainte-Aure très animé");
    mention(Duration.ofHours(4), "Sainte-Aure : marché et explosion rue Haute");
    mention(Duration.ofHours(4).plusMinutes(1), "Explosion entendue à Sainte-Aure, marché évacué");
    assertThat(terms.isEmpty()).isTrue();
    mention(Duration.ofHours(4).plusMinutes(2), "Sainte-Aure : l'explosion a eu lieu près du marché");
    List<TermSignal> out = terms.readValuesToList();
    assertThat(out).extracting(TermSignal::term).as("marché was seen two hours ago: not new").containsOnly("explosion");
    assertThat(out).singleElement().satisfies(t -> {
      assertThat(t.watchId()).isEqualTo("ville");
      assertThat(t.count()).isEqualTo(3);
      assertThat(t.previousSeen()).isNull();
      assertThat(t.at()).isEqualTo(T0.plus(Duration.ofHours(4).plusMinutes(2)));
    });
  }

  @Test
  void shouldDeadLetterAMentionDatedBefore1970WithItsReasonAndGoOn() {
    String old = "{\"id\":\"old\",\"source\":\"drill\",\"publishedAt\":\"1900-01-01T00:00:00Z\",\"text\":\"Sainte-Aure\"}";
    raw.pipeInput("old", old, T0);
    mention(Duration.ofSeconds(1), "Sainte-Aure ok");
    assertThat(deadLetters.readValuesToList()).singleElement().satisfies(d -> {
      assertThat(d.reason()).isEqualTo("publishedAt 1900-01-01T00:00:00Z is before 1970: not a plausible date for a "
          + "post");
      assertThat(d.payload()).isEqualTo(old);
    });
    assertThat(enriched.readValuesToList()).hasSize(1);
  }

  @Test
  void shouldDeadLetterWithReasonWhenRecordIsMalformed() {
    raw.pipeInput("bad-1", "{\"id\":\"bad-1\",\"text\":\"no date\"}", T0);
    raw.pipeInput("bad-2", "not json at all", T0);
    raw.pipeInput("never-seen", (String) null, T0);
    mention(Duration.ofSeconds(1), "Sainte-Aure ok");
    List<KeyValue<String, DeadLetter>> dead = deadLetters.readKeyValuesToList();
    assertThat(dead).as("a deletion of an unknown mention is not an error").hasSize(2);
    assertThat(dead.get(0).key).isEqualTo("bad-1");
    assertThat(dead.get(0).value.reason()).isEqualTo("publishedAt: required (ISO-8601 instant)");
    assertThat(dead.get(0).value.payload()).isEqualTo("{\"id\":\"bad-1\",\"text\":\"no date\"}");
    assertThat(dead.get(0).value.origin()).isEqualTo(Topics.MENTIONS_RAW.name());
    assertThat(dead.get(1).value.reason()).startsWith("Unrecognized token 'not'");
    assertThat(enriched.readValuesToList()).hasSize(1);
    assertThat(registry.counter("cd.mentions.dead.lettered", "stage", "process", "source", "topic").count())
        .isEqualTo(2);
  }

  @Test
  void shouldEnrichAMentionWithAnInvalidUtf8ByteAsItsDecodedTextWhenParsedFromBytes() {
    byte[] json = ("{\"id\":\"u1\",\"source\":\"test\",\"publishedAt\":\"2026-03-14T18:00:01Z\","
        + "\"text\":\"Sainte-Aure X\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    json[json.length - 3] = (byte) 0xFF; // the X: not UTF-8
    TestInputTopic<String, byte[]> bytes = driver.createInputTopic(Topics.MENTIONS_RAW.name(),
        Serdes.String().serializer(), Serdes.ByteArray().serializer());
    bytes.pipeInput("u1", json, T0.plusSeconds(5));
    assertThat(deadLetters.readValuesToList()).isEmpty();
    assertThat(enriched.readValuesToList()).singleElement()
        .satisfies(m -> assertThat(m.text()).isEqualTo("Sainte-Aure \uFFFD"));
  }

  private void pipe(Mention m) {
    raw.pipeInput(m.id(), Json.write(m), m.publishedAt().plusSeconds(5));
  }

  private static Mention live(String id, String text, Instant editedAt) {
    return new Mention(id, "masto", T0.plusSeconds(10), text, "@a@x", null, "fr", 0, List.of(), null,
        new MentionDetails("1", null, null, false, MentionDetails.Kind.POST, null, null, null, editedAt,
            "{\"raw\":true}"));
  }

  @Test
  void shouldDropARepeatedMentionAndCountItOnce() {
    pipe(live("mastodon:x:1", "Sainte-Aure sous l'eau", null));
    pipe(live("mastodon:x:1", "Sainte-Aure sous l'eau", null));
    assertThat(enriched.readValuesToList()).singleElement()
        .satisfies(m -> assertThat(m.details().raw()).as("raw payload stays in the raw topic").isNull());
    assertThat(latestCounts()).containsExactly(Map.entry("ville@0", 1L));
    assertThat(registry.counter("cd.mentions.duplicates").count()).isEqualTo(1);
  }

  @Test
  void shouldForwardAnEditToTheIndexWithoutCountingItAgain() {
    pipe(live("mastodon:x:1", "Sainte-Aure sous l'eau", null));
    pipe(live("mastodon:x:1", "Sainte-Aure sous l'eau, rue Haute", T0.plusSeconds(40)));
    assertThat(enriched.readValuesToList()).extracting(Mention::text)
        .containsExactly("Sainte-Aure sous l'eau", "Sainte-Aure sous l'eau, rue Haute");
    assertThat(latestCounts()).containsExactly(Map.entry("ville@0", 1L));
  }

  @Test
  void shouldPassADeletionOfAMentionSeenAndNeverResurrectIt() {
    pipe(live("mastodon:x:1", "Sainte-Aure sous l'eau", null));
    raw.pipeInput("mastodon:x:1", (String) null, T0.plusSeconds(30));
    pipe(live("mastodon:x:1", "Sainte-Aure sous l'eau", null));
    List<KeyValue<String, Mention>> out = enriched.readKeyValuesToList();
    assertThat(out).hasSize(2);
    assertThat(out.get(1).key).isEqualTo("mastodon:x:1");
    assertThat(out.get(1).value).as("a tombstone for the index").isNull();
  }

  @Test
  void shouldCountAMentionDatedHoursAheadAtItsArrivalAndKeepCountingTheRealOnes() {
    Instant arrival = T0.plusSeconds(10);
    raw.pipeInput("future", Json.write(new Mention("future", "rss", arrival.plus(Duration.ofHours(5)),
        "Sainte-Aure : flux au mauvais fuseau", "a", null, "fr", 0, List.of())), arrival);
    for (int i = 0; i < 3; i++) {
      mention(Duration.ofSeconds(20 + i), "Sainte-Aure inondée " + i); // arrives 5 s after its publication
    }
    List<Mention> out = enriched.readValuesToList();
    assertThat(out).hasSize(4);
    assertThat(out.get(0).publishedAt()).as("set to its arrival").isEqualTo(arrival);
    assertThat(latestCounts()).as("the real mentions after it are not late").containsEntry("ville@0", 4L);
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(registry.counter("cd.mentions.future.dated").count()).isEqualTo(1);
  }

  @Test
  void shouldKeepAPublicationTimeALittleAheadOfArrival() {
    Instant arrival = T0.plusSeconds(10);
    Instant ahead = arrival.plus(VolumeTopology.MAX_AHEAD);
    raw.pipeInput("skew", Json.write(new Mention("skew", "rss", ahead, "Sainte-Aure", "a", null, "fr", 0,
        List.of())), arrival);
    assertThat(enriched.readValuesToList()).singleElement()
        .satisfies(m -> assertThat(m.publishedAt()).isEqualTo(ahead));
    assertThat(registry.counter("cd.mentions.future.dated").count()).isZero();
  }

  @Test
  void shouldSignalALongBurstsTermOnceAMinuteWhenItKeepsRepeatingBeyondTwentyOccurrences() {
    TestOutputTopic<String, TermSignal> terms = driver.createOutputTopic(Topics.SIGNALS_TERMS.name(),
        Serdes.String().deserializer(), JsonSerde.of(TermSignal.class).deserializer());
    for (int i = 0; i < 150; i++) { // every 2 s for 5 minutes
      mention(Duration.ofSeconds(2L * i), "Sainte-Aure : barrage");
    }
    List<TermSignal> out = terms.readValuesToList().stream().filter(t -> t.term().equals("barrage")).toList();
    assertThat(out.subList(0, 18)).as("each of the first twenty occurrences, from the third")
        .extracting(TermSignal::count).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(3, 20)
            .boxed().toList());
    assertThat(out.subList(18, out.size())).as("then once a minute").extracting(t -> t.at().getEpochSecond()
        - T0.getEpochSecond()).containsExactly(98L, 158L, 218L, 278L);
  }

  @Test
  void shouldKeepATermsHistorySmallAndItsCountExactWhenItRepeatsThousandsOfTimesInAnHour() {
    TestOutputTopic<String, TermSignal> terms = driver.createOutputTopic(Topics.SIGNALS_TERMS.name(),
        Serdes.String().deserializer(), JsonSerde.of(TermSignal.class).deserializer());
    int n = 2_100;
    for (int i = 0; i < n; i++) { // one every 2 s: 70 minutes
      mention(Duration.ofMillis(2_000L * i), "Sainte-Aure : barrage " + i);
    }
    var store = driver.<String, fr.communitydefender.streams.volume.internal.NewTermDetector.TermHistory>
        getKeyValueStore(VolumeTopology.TERMS_STORE);
    var history = store.get("ville\u0000barrage");
    assertThat(history).isNotNull();
    assertThat(history.minutes()).as("the minutes after the one an hour ago").hasSize(60);
    assertThat(history.total()).as("30 a minute, exactly").isEqualTo(60 * 30);
    assertThat(fr.communitydefender.streams.volume.internal.StateSerdes.termHistory().serializer()
        .serialize("t", history)).as("two small numbers a minute").hasSizeLessThan(200);
    List<TermSignal> out = terms.readValuesToList().stream().filter(t -> t.term().equals("barrage")).toList();
    assertThat(out.getLast().count()).as("no longer capped at 1,000").isGreaterThan(1_700).isLessThanOrEqualTo(1_800);
  }
}
