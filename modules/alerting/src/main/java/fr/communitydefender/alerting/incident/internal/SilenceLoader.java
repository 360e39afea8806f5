package fr.communitydefender.alerting.incident.internal;

import fr.communitydefender.domain.incident.Silence;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the latest version of every silence in the global store (every instance sees every silence). */
public final class SilenceLoader implements Processor<String, Silence, Void, Void> {
  private final String storeName;
  private KeyValueStore<String, Silence> store;

  public SilenceLoader(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, Silence> record) {
    if (record.value() == null) {
      store.delete(record.key());
    } else {
      store.put(record.key(), record.value());
    }
  }
}
