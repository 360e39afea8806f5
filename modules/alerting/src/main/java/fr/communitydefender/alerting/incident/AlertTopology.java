package fr.communitydefender.alerting.incident;

import fr.communitydefender.alerting.AlertingMetrics;
import fr.communitydefender.alerting.incident.internal.IncidentTracker;
import fr.communitydefender.alerting.incident.internal.WatchState;
import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.alerting.incident.internal.AlertInput;
import fr.communitydefender.alerting.incident.internal.LatestLoader;
import fr.communitydefender.domain.collector.CollectorHealth;
import fr.communitydefender.domain.incident.Silence;
import fr.communitydefender.domain.incident.IncidentCommand;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.json.JsonSerde;
import fr.communitydefender.domain.signal.TermSignal;
import fr.communitydefender.domain.signal.VolumeSignal;
import fr.communitydefender.domain.topic.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Volume signals and people's commands (both keyed by watch) → rule evaluation per watch → incident events. An
 * incident opens when a rule starts firing, is updated (not duplicated) when its peak grows, is acknowledged on
 * command, resolves after the rule's quiet period without firing — measured in event time, and, when no signal arrives
 * at all, by a wall-clock check that lets the watch's clock run on — and reopens if the rule fires again within its
 * quiet period after resolving.
 */
public final class AlertTopology {
  public static final String STATE_STORE = "alert-state";
  public static final String SILENCES_STORE = "alert-silences";
  /** The live collectors' latest health reports: a flatline rule on a collector's source also fires when it is down. */
  public static final String COLLECTORS_STORE = "alert-collector-health";
  /** How often open incidents are checked for quietness when no signal arrives. */
  public static final Duration QUIET_CHECK = Duration.ofSeconds(5);

  private AlertTopology() {}

  public static Topology build(AlertRules rules, AlertingMetrics metrics) {
    StreamsBuilder builder = new StreamsBuilder();
    // cached: every signal of a watch (several per mention when new terms recur) rewrites its state; the changelog
    // gets it once per commit instead of once per signal
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STATE_STORE), Serdes.String(),
        JsonSerde.of(WatchState.class)).withCachingEnabled());
    builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SILENCES_STORE), Serdes.String(),
            JsonSerde.of(Silence.class)).withLoggingDisabled(), Topics.SILENCES.name(),
        Consumed.with(Serdes.String(), JsonSerde.of(Silence.class)).withName("silences"),
        () -> new LatestLoader<Silence>(SILENCES_STORE));
    builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(COLLECTORS_STORE),
            Serdes.String(), JsonSerde.of(CollectorHealth.class)).withLoggingDisabled(), Topics.COLLECTOR_HEALTH.name(),
        Consumed.with(Serdes.String(), JsonSerde.of(CollectorHealth.class)).withName("collector-health"),
        () -> new LatestLoader<CollectorHealth>(COLLECTORS_STORE));
    KStream<String, AlertInput> commands = builder.stream(Topics.INCIDENT_COMMANDS.name(),
            Consumed.with(Serdes.String(), JsonSerde.of(IncidentCommand.class)).withName("incident-commands"))
        .mapValues(AlertInput::of, Named.as("command-input"));
    KStream<String, AlertInput> terms = builder.stream(Topics.SIGNALS_TERMS.name(),
            Consumed.with(Serdes.String(), JsonSerde.of(TermSignal.class)).withName("term-signals"))
        .mapValues(AlertInput::of, Named.as("term-input"));
    builder.stream(Topics.SIGNALS_VOLUME.name(),
            Consumed.with(Serdes.String(), JsonSerde.of(VolumeSignal.class)).withName("volume-signals"))
        .mapValues(AlertInput::of, Named.as("signal-input"))
        .merge(commands, Named.as("alert-inputs"))
        .merge(terms, Named.as("alert-and-term-inputs"))
        .process(() -> new IncidentTracker(rules, metrics, QUIET_CHECK), Named.as("evaluate-rules"), STATE_STORE)
        .to(Topics.INCIDENTS.name(), Produced.with(Serdes.String(), JsonSerde.of(IncidentEvent.class))
            .withName("incidents-sink"));
    return builder.build();
  }
}
