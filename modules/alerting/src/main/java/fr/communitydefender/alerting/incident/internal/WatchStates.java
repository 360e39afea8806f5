package fr.communitydefender.alerting.incident.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The watch states of one task: its state store, written at every change as before (the changelog is what a restart
 * resumes from), with the latest state of the most recently used watches also kept as objects, so a signal does not
 * parse its watch's week of minutes back from JSON (a quarter of the alerting time in the detection replay). The
 * processor owns the store alone, so the objects and the store agree; a new processor (restart, rebalance, a revived
 * task: {@code init} again) starts from the store.
 */
final class WatchStates {
  /** Watches kept as objects per task; a commune has a few dozen, a region a few hundred. */
  static final int KEPT = 256;

  private final KeyValueStore<String, WatchState> store;
  private final Map<String, WatchState> kept = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, WatchState> eldest) {
      return size() > KEPT;
    }
  };

  WatchStates(KeyValueStore<String, WatchState> store) {
    this.store = store;
  }

  /** The watch's state, or null when it has none yet. */
  WatchState get(String watchId) {
    WatchState state = kept.get(watchId);
    if (state == null) {
      state = store.get(watchId);
      if (state != null) {
        kept.put(watchId, state);
      }
    }
    return state;
  }

  void put(String watchId, WatchState state) {
    store.put(watchId, state);
    kept.put(watchId, state);
  }

  /** Every watch's state (the kept object when there is one). */
  List<KeyValue<String, WatchState>> all() {
    List<KeyValue<String, WatchState>> all = new ArrayList<>();
    try (KeyValueIterator<String, WatchState> it = store.all()) {
      it.forEachRemaining(kv -> all.add(KeyValue.pair(kv.key, kept.getOrDefault(kv.key, kv.value))));
    }
    return all;
  }
}
