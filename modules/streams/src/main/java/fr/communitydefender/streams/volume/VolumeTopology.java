package fr.communitydefender.streams.volume;

import fr.communitydefender.domain.json.JsonSerde;
import fr.communitydefender.domain.mention.DeadLetter;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.signal.TermSignal;
import fr.communitydefender.domain.signal.VolumeSignal;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.domain.watch.WatchMatcher;
import fr.communitydefender.enrichment.Enricher;
import fr.communitydefender.streams.PipelineMetrics;
import fr.communitydefender.enrichment.explain.Explainer;
import fr.communitydefender.streams.volume.internal.Counted;
import fr.communitydefender.streams.volume.internal.NewTermDetector;
import fr.communitydefender.streams.volume.internal.ParsedMention;
import fr.communitydefender.streams.volume.internal.StateSerdes;
import fr.communitydefender.streams.volume.internal.WindowStats;
import java.time.Duration;
import java.time.Instant;
import fr.communitydefender.streams.volume.internal.Deduplicator;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.Stores;

/**
 * Raw mentions → parsed (bad ones dead-lettered) → analysed (language, fast sentiment) → matched to watches →
 * enriched-mentions topic, and per watch a tumbling aggregate in event time (the mention's {@code publishedAt}) with
 * a grace period — count, negative share, sentiment, distinct authors, reach → volume signals topic; and per watch the
 * terms that come back after a long absence and repeat → term signals topic.
 */
public final class VolumeTopology {
  /** Per watch and window: counts, sentiment, authors, reach (renamed from the count-only "volume-per-window"). */
  /** Per watch and term: when last seen, and the occurrences of the last hour (for new_term rules). */
  public static final String TERMS_STORE = "term-history";
  public static final String COUNT_STORE = "stats-per-window";
  /** Per mention id: the version last processed (dedup of repeats, edits, deletions). */
  public static final String SEEN_STORE = "seen-mentions";

  private VolumeTopology() {}

  public static Topology build(VolumeConfig config, Enricher enricher, PipelineMetrics metrics) {
    Explainer explainer = new Explainer(null);
    WatchMatcher matcher = new WatchMatcher(config.watches());
    JsonSerde<Mention> mentionSerde = JsonSerde.of(Mention.class);
    StreamsBuilder builder = new StreamsBuilder();

    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SEEN_STORE), Serdes.String(),
        Serdes.String()));
    Map<String, KStream<String, ParsedMention>> parsed = builder
        .stream(Topics.MENTIONS_RAW.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-mentions"))
        .processValues(() -> new EventTimeParser(metrics), Named.as("parse-mention"))
        .processValues(() -> new Deduplicator(SEEN_STORE, Duration.ofDays(8), metrics), Named.as("deduplicate"),
            SEEN_STORE)
        .split(Named.as("parsed-"))
        .branch((id, p) -> p.ok(), Branched.as("ok"))
        .branch((id, p) -> p.deleted(), Branched.as("deleted"))
        .defaultBranch(Branched.as("malformed"));

    parsed.get("parsed-deleted")
        .mapValues(p -> (Mention) null, Named.as("to-tombstone"))
        .to(Topics.MENTIONS_ENRICHED.name(), Produced.with(Serdes.String(), mentionSerde)
            .withName("deleted-mentions-sink"));

    parsed.get("parsed-malformed")
        .mapValues(p -> {
          metrics.deadLettered();
          return new DeadLetter(Topics.MENTIONS_RAW.name(), 0, p.error(), p.payload(), Instant.now());
        }, Named.as("to-dead-letter"))
        .to(Topics.DEAD_LETTER.name(), Produced.with(Serdes.String(), JsonSerde.of(DeadLetter.class))
            .withName("dead-letter-sink"));

    KStream<String, ParsedMention> analysed = parsed.get("parsed-ok")
        .mapValues(p -> {
          Mention m = p.mention().withAnalysis(enricher.analyse(p.mention()));
          m = m.withWatches(matcher.match(m));
          if (m.details() != null) {
            m = m.withDetails(m.details().withoutRaw());
          }
          metrics.processed(!m.watches().isEmpty());
          return new ParsedMention(m, null, null, false, p.edit());
        }, Named.as("enrich-and-match"));
    analysed.mapValues(ParsedMention::mention, Named.as("enriched"))
        .to(Topics.MENTIONS_ENRICHED.name(), Produced.with(Serdes.String(), mentionSerde)
            .withName("enriched-mentions-sink"));

    // one repartition by watch, of what counting and term detection need (not the whole mention): the terms are
    // found here, on the tokens the analysis just made (Tokens keeps the last text's), not tokenised again later
    KStream<String, Counted> byWatch = analysed
        .filter((id, p) -> !p.edit() && !p.mention().watches().isEmpty(), Named.as("first-versions"))
        .flatMap((id, p) -> {
          Mention m = p.mention();
          Counted c = Counted.of(m, explainer.terms(m.text(), m.analysis() == null ? m.lang() : m.analysis().lang()));
          return m.watches().stream().map(w -> KeyValue.pair(w, c)).toList();
        }, Named.as("key-by-watch"))
        .repartition(Repartitioned.<String, Counted>as("mentions-by-watch").withKeySerde(Serdes.String())
            .withValueSerde(StateSerdes.counted()));
    // cached: a frequent term is updated by every mention; its store and changelog get it once per commit
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TERMS_STORE), Serdes.String(),
        StateSerdes.termHistory()).withCachingEnabled());
    byWatch
        .process(() -> new NewTermDetector(TERMS_STORE), Named.as("detect-new-terms"), TERMS_STORE)
        .to(Topics.SIGNALS_TERMS.name(), Produced.with(Serdes.String(), JsonSerde.of(TermSignal.class))
            .withName("term-signals-sink"));
    byWatch
        .groupByKey(Grouped.with("by-watch", Serdes.String(), StateSerdes.counted()))
        .windowedBy(TimeWindows.ofSizeAndGrace(config.window(), config.grace()))
        .aggregate(WindowStats::empty, (watch, m, stats) -> stats.plus(m), Named.as("stats-per-window"),
            Materialized.<String, WindowStats>as(
                Stores.inMemoryWindowStore(COUNT_STORE, config.retention(), config.window(), false))
            .withKeySerde(Serdes.String()).withValueSerde(StateSerdes.windowStats()))
        .toStream(Named.as("window-updates"))
        .map((w, s) -> {
          metrics.signal();
          return KeyValue.pair(w.key(), new VolumeSignal(w.key(), w.window().startTime(), w.window().endTime(),
              s.count(), s.scored(), s.negative(), s.sentimentSum(), s.authorCount(), s.reach(), s.maxReach(),
              s.sources(), s.verified()));
        }, Named.as("to-volume-signal"))
        .to(Topics.SIGNALS_VOLUME.name(), Produced.with(Serdes.String(), JsonSerde.of(VolumeSignal.class))
            .withName("volume-signals-sink"));
    return builder.build();
  }

  /**
   * How far a mention's {@code publishedAt} may lie ahead of its arrival (the record's timestamp: the broker's append
   * time) before it is taken as a wrong clock or time zone and set to its arrival time.
   */
  public static final Duration MAX_AHEAD = Duration.ofMinutes(5);

  /**
   * Parses the JSON and stamps the record with the mention's event time, bounded by its arrival time plus
   * {@link #MAX_AHEAD}: one mention dated hours ahead would otherwise move stream time forward (the following real
   * mentions dropped as late), open a daily index of the future, and be refused by the broker on the changelogs
   * (more than an hour ahead), which stopped the whole stage.
   */
  private static final class EventTimeParser implements FixedKeyProcessor<String, byte[], ParsedMention> {
    private final PipelineMetrics metrics;
    private FixedKeyProcessorContext<String, ParsedMention> context;

    EventTimeParser(PipelineMetrics metrics) {
      this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ParsedMention> context) {
      this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
      ParsedMention p = ParsedMention.parse(record.value());
      if (p.ok() && p.mention().publishedAt().isBefore(Instant.EPOCH)) { // no record may carry a negative time
        p = new ParsedMention(null, "publishedAt " + p.mention().publishedAt() + " is before 1970: not a plausible "
            + "date for a post", new String(record.value(), java.nio.charset.StandardCharsets.UTF_8), false, false);
      }
      if (p.ok() && record.timestamp() >= 0
          && p.mention().publishedAt().isAfter(Instant.ofEpochMilli(record.timestamp()).plus(MAX_AHEAD))) {
        metrics.futureDated();
        p = new ParsedMention(p.mention().withPublishedAt(Instant.ofEpochMilli(record.timestamp())), null, null,
            false, false);
      }
      FixedKeyRecord<String, ParsedMention> out = record.withValue(p);
      if (p.ok()) {
        out = out.withTimestamp(p.mention().publishedAt().toEpochMilli());
      }
      context.forward(out);
    }
  }
}
