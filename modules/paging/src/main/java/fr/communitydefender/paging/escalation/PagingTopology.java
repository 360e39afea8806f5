package fr.communitydefender.paging.escalation;

import fr.communitydefender.domain.json.JsonSerde;
import fr.communitydefender.domain.incident.IncidentEvent;
import fr.communitydefender.domain.paging.DeliveryAttempt;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.paging.PagingMetrics;
import fr.communitydefender.paging.oncall.OnCallConfig;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Incidents topic → escalation (store {@value #STORE}) → the pager's outbox topic (and, for pages held in quiet
 * hours, the attempts topic). Keyed by incident id throughout.
 */
public final class PagingTopology {
  public static final String STORE = "escalations";
  static final String OUTBOX_SINK = "outbox-sink";
  static final String ATTEMPTS_SINK = "attempts-sink";

  private PagingTopology() {}

  /** {@code tick}: how often due escalations are looked for (1 s in production). */
  public static Topology build(OnCallConfig config, byte[] ackKey, PagingMetrics metrics, Duration tick) {
    Topology t = new Topology();
    t.addSource("incidents", Serdes.String().deserializer(), JsonSerde.of(IncidentEvent.class).deserializer(),
        Topics.INCIDENTS.name());
    t.addProcessor("escalate", () -> new Escalator(config, ackKey, metrics, tick), "incidents");
    t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
        JsonSerde.of(EscalationState.class)), "escalate");
    t.addSink(OUTBOX_SINK, Topics.PAGING_OUTBOX.name(), Serdes.String().serializer(),
        fr.communitydefender.domain.paging.OutboxSignature.serializer(ackKey), "escalate");
    t.addSink(ATTEMPTS_SINK, Topics.PAGING_ATTEMPTS.name(), Serdes.String().serializer(),
        JsonSerde.of(DeliveryAttempt.class).serializer(), "escalate");
    return t;
  }
}
