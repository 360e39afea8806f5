package fr.communitydefender.room;

import fr.communitydefender.domain.paging.OutboxSignature;
import fr.communitydefender.domain.topic.TopicSpec;
import fr.communitydefender.domain.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The incident room stage: commands, incident events and page attempts, all keyed by incident id, go through one
 * processor ({@value #PROCESSOR}) that owns each incident's room (stores {@value #STATES} and {@value #DRAFTS}), decides
 * with {@link Room}, and writes the new state, the changed draft, the main courante's chained entries, the command's
 * outcome, publications and approval requests (signed, to the pager's outbox). Run with exactly-once processing: the
 * stores, the entries and the consumed offsets commit together, so a crash never forks or gaps a chain. The suspend
 * switch is a global store ({@value #SWITCH}).
 */
public final class RoomTopology {
  public static final String PROCESSOR = "room";
  public static final String STATES = "room-states";
  public static final String DRAFTS = "room-drafts";
  public static final String SWITCH = "room-switch";
  static final String STATE_SINK = "room-state-sink";
  static final String DRAFT_SINK = "room-draft-sink";
  static final String ENTRY_SINK = "main-courante-sink";
  static final String OUTCOME_SINK = "room-outcome-sink";
  static final String PUBLICATION_SINK = "publication-sink";
  static final String OUTBOX_SINK = "approval-request-sink";

  private RoomTopology() {}

  public static Topology build(RoomConfig config, RoomMetrics metrics) {
    Topology t = new Topology();
    source(t, "room-commands", Topics.ROOM_COMMANDS);
    source(t, "room-incidents", Topics.INCIDENTS);
    source(t, "room-pages", Topics.PAGING_ATTEMPTS);
    t.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SWITCH), Serdes.String(),
            Topics.PUBLISHING_SWITCH.valueSerde()).withLoggingDisabled(), "publishing-switch",
        Serdes.String().deserializer(), Topics.PUBLISHING_SWITCH.valueSerde().deserializer(),
        Topics.PUBLISHING_SWITCH.name(), "publishing-switch-update", () -> new SwitchUpdater());
    t.addProcessor(PROCESSOR, () -> new RoomProcessor(config, metrics), "room-commands", "room-incidents",
        "room-pages");
    t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATES), Serdes.String(),
        Topics.ROOM_STATES.valueSerde()), PROCESSOR);
    t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DRAFTS), Serdes.String(),
        Topics.ROOM_DRAFTS.valueSerde()), PROCESSOR);
    sink(t, STATE_SINK, Topics.ROOM_STATES);
    sink(t, DRAFT_SINK, Topics.ROOM_DRAFTS);
    sink(t, ENTRY_SINK, Topics.MAIN_COURANTE);
    sink(t, OUTCOME_SINK, Topics.ROOM_OUTCOMES);
    sink(t, PUBLICATION_SINK, Topics.PUBLICATIONS);
    t.addSink(OUTBOX_SINK, Topics.PAGING_OUTBOX.name(), Serdes.String().serializer(),
        OutboxSignature.serializer(config.outboxKey()), PROCESSOR);
    return t;
  }

  private static void source(Topology t, String name, TopicSpec<String, ?> topic) {
    t.addSource(name, topic.keySerde().deserializer(), topic.valueSerde().deserializer(), topic.name());
  }

  private static <V> void sink(Topology t, String name, TopicSpec<String, V> topic) {
    t.addSink(name, topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(), PROCESSOR);
  }

  /** Keeps the global switch store in step with its topic. */
  private static final class SwitchUpdater implements org.apache.kafka.streams.processor.api.Processor<String,
      fr.communitydefender.domain.room.PublishingSwitch, Void, Void> {
    private org.apache.kafka.streams.state.KeyValueStore<String, fr.communitydefender.domain.room.PublishingSwitch> store;

    @Override
    public void init(org.apache.kafka.streams.processor.api.ProcessorContext<Void, Void> context) {
      store = context.getStateStore(SWITCH);
    }

    @Override
    public void process(org.apache.kafka.streams.processor.api.Record<String,
        fr.communitydefender.domain.room.PublishingSwitch> record) {
      if (record.value() == null) {
        store.delete(record.key());
      } else {
        store.put(record.key(), record.value());
      }
    }
  }
}
