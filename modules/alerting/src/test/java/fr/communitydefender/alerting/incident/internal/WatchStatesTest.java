package fr.communitydefender.alerting.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.domain.json.JsonSerde;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The watch states kept as objects in front of the store. */
class WatchStatesTest {
  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private KeyValueStore<String, WatchState> store;
  private WatchStates states;

  @BeforeEach
  void setUp() {
    store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s"), Serdes.String(),
        JsonSerde.of(WatchState.class)).withLoggingDisabled().build();
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    store.init(context.getStateStoreContext(), store);
    states = new WatchStates(store);
  }

  private static WatchState stateWithOneMinute(String watchId) {
    WatchState state = WatchState.empty(watchId).withClock(T0.plusSeconds(60));
    state.record(T0.toEpochMilli(), 3, new WatchState.Figures(0, 0, 0, 0, null, 0));
    return state;
  }

  @Test
  void shouldWriteThroughToTheStoreAndHandBackTheSameObjectWhenAWatchIsRead() {
    WatchState state = stateWithOneMinute("ville");

    states.put("ville", state);

    assertThat(states.get("ville")).isSameAs(state);
    assertThat(store.get("ville").buckets()).isEqualTo(state.buckets()).as("written to the store too");
  }

  @Test
  void shouldReadAWatchBackFromTheStoreWhenMoreRecentWatchesPushedItOut() {
    WatchState first = stateWithOneMinute("w0");
    states.put("w0", first);
    for (int i = 1; i <= WatchStates.KEPT; i++) {
      states.put("w" + i, stateWithOneMinute("w" + i));
    }

    WatchState read = states.get("w0");

    assertThat(read).isNotSameAs(first);
    assertThat(read.buckets()).isEqualTo(first.buckets());
    assertThat(states.all()).hasSize(WatchStates.KEPT + 1);
  }

  @Test
  void shouldStartFromTheStoreWhenANewProcessorTakesOver() {
    states.put("ville", stateWithOneMinute("ville"));

    WatchStates afterRestart = new WatchStates(store);

    assertThat(afterRestart.get("ville").sum(T0.plusSeconds(60), java.time.Duration.ofMinutes(1))).isEqualTo(3);
    assertThat(afterRestart.get("unknown")).isNull();
  }
}
