package fr.communitydefender.streams.deep;

import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.json.JsonSerde;
import fr.communitydefender.domain.mention.DeepAnalysis;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.mention.MentionAnalysis;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.streams.PipelineMetrics;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The deep tier, off the hot path: a separate Streams application reads enriched mentions, selects the English ones in
 * a watch with an open incident (a global store fed by the incidents topic, so every instance knows every incident) or
 * of high reach, runs the deep analyser on its own stream threads (the bounded worker pool: one per thread) and
 * publishes {@link DeepAnalysis} records for the indexer to apply to the stored mention. A backlog stays in Kafka (lag
 * is a metric); mentions that waited longer than {@code maxAge} in the topic are skipped.
 */
public final class DeepTopology {
  public static final String OPEN_INCIDENTS_STORE = "deep-open-incidents";

  private DeepTopology() {}

  /** {@code analyser}: text → deep analysis (loaded lazily by the caller if it likes); {@code clock} for staleness. */
  public static Topology build(DeepConfig config, Function<String, MentionAnalysis> analyser, PipelineMetrics metrics,
      Supplier<Instant> clock) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(OPEN_INCIDENTS_STORE),
            Serdes.String(), Serdes.String()).withLoggingDisabled(),
        Topics.INCIDENTS.name(), Consumed.with(Serdes.String(), JsonSerde.of(IncidentEvent.class))
            .withName("incidents-for-deep"),
        OpenIncidents::new);
    builder.stream(Topics.MENTIONS_ENRICHED.name(), Consumed.with(Serdes.String(), JsonSerde.of(Mention.class))
            .withName("enriched-for-deep"))
        .processValues(() -> new Analyse(config, analyser, metrics, clock), Named.as("deep-analyse"))
        .to(Topics.MENTIONS_DEEP.name(), Produced.with(Serdes.String(), JsonSerde.of(DeepAnalysis.class))
            .withName("deep-sink"));
    return builder.build();
  }

  /** Keeps incident id → watch id for open incidents. */
  private static final class OpenIncidents implements Processor<String, IncidentEvent, Void, Void> {
    private KeyValueStore<String, String> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(OPEN_INCIDENTS_STORE);
    }

    @Override
    public void process(Record<String, IncidentEvent> record) {
      if (record.value() == null) {
        return;
      }
      if (record.value().incident().isOpen()) {
        store.put(record.key(), record.value().incident().watchId());
      } else {
        store.delete(record.key());
      }
    }
  }

  private static final class Analyse implements FixedKeyProcessor<String, Mention, DeepAnalysis> {
    private final DeepConfig config;
    private final Function<String, MentionAnalysis> analyser;
    private final PipelineMetrics metrics;
    private final Supplier<Instant> clock;
    private FixedKeyProcessorContext<String, DeepAnalysis> context;
    private KeyValueStore<String, String> open;

    Analyse(DeepConfig config, Function<String, MentionAnalysis> analyser, PipelineMetrics metrics,
        Supplier<Instant> clock) {
      this.config = config;
      this.analyser = analyser;
      this.metrics = metrics;
      this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, DeepAnalysis> context) {
      this.context = context;
      this.open = context.getStateStore(OPEN_INCIDENTS_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Mention> record) {
      Mention m = record.value();
      if (m == null || m.analysis() == null || !"en".equals(m.analysis().lang())
          || MentionAnalysis.UNSUPPORTED.equals(m.analysis().sentiment()) || !selected(m)) { // junk stays unsupported
        return;
      }
      // the enriched topic stamps records with their append time: this is how long the mention waited (backlog)
      if (Instant.ofEpochMilli(record.timestamp()).isBefore(clock.get().minus(config.maxAge()))) {
        metrics.deepSkipped("stale");
        return;
      }
      MentionAnalysis deep;
      try {
        deep = analyser.apply(m.text());
      } catch (RuntimeException e) {
        deep = new MentionAnalysis("en", MentionAnalysis.UNSUPPORTED, 0, java.util.List.of(), "deep-rntn",
            "deep tier failed: " + e.getClass().getSimpleName());
      }
      metrics.deepAnalysed(deep.sentiment());
      context.forward(record.withValue(new DeepAnalysis(m.id(), m.publishedAt(), deep)));
    }

    private boolean selected(Mention m) {
      if (config.minReach() > 0 && m.reach() >= config.minReach()) {
        return true;
      }
      if (m.watches().isEmpty()) {
        return false;
      }
      try (KeyValueIterator<String, String> it = open.all()) {
        while (it.hasNext()) {
          if (m.watches().contains(it.next().value)) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
