package fr.communitydefender.app.start;

import fr.communitydefender.domain.topic.Producers;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.storage.StorageIndexer;
import fr.communitydefender.storage.StorageMetrics;
import fr.communitydefender.storage.gdpr.Retention;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Role {@code index}: the indexer (consumer group {@code cd-indexer}) and the retention of daily indices. */
final class IndexUnit implements Unit {
  private static final Logger LOG = LoggerFactory.getLogger(IndexUnit.class);
  private final StorageUnit storage;
  private final Resources resources = new Resources("index");
  private StorageIndexer indexer;

  IndexUnit(StorageUnit storage) {
    this.storage = Objects.requireNonNull(storage, "storage");
  }

  @Override
  public String name() {
    return "index";
  }

  @Override
  public void start(UnitContext c) {
    StorageMetrics metrics = new StorageMetrics(c.registry());
    var deadLetters = resources.add(Producers.forTopic(c.bootstrap(), Topics.DEAD_LETTER, "cd-indexer-dlq"));
    indexer = StorageIndexer.create(c.bootstrap(), storage.client(), storage.pseudonymizer(), deadLetters, metrics,
        storage.erasure());
    StorageIndexer running = indexer;
    Thread thread = Thread.ofPlatform().name("cd-indexer").start(running);
    resources.add(() -> {
      running.close();
      thread.join(10_000);
    });
    ScheduledExecutorService retention = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cd-retention");
      t.setDaemon(true);
      return t;
    });
    resources.add(retention::shutdownNow);
    int days = storage.config().retentionDays();
    retention.scheduleAtFixedRate(() -> {
      try {
        Retention.apply(storage.client(), days, Instant.now());
      } catch (Exception e) {
        LOG.atWarn().addKeyValue("reason", e.toString()).log("retention run failed, will retry");
      }
    }, 0, 6, TimeUnit.HOURS);
  }

  @Override
  public boolean healthy() {
    return indexer != null && indexer.healthy();
  }

  @Override
  public void stop() {
    resources.closeAll();
  }
}
