package fr.communitydefender.app.start;

import fr.communitydefender.domain.topic.Producers;
import fr.communitydefender.domain.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pages about this process's own units when one stays down (see {@link Watchdog}). */
final class WatchdogUnit implements Unit {
  private static final Logger LOG = LoggerFactory.getLogger(WatchdogUnit.class);
  private final Map<String, BooleanSupplier> checks;
  private final Path dataDir;
  private final Resources resources = new Resources("watchdog");

  WatchdogUnit(Map<String, BooleanSupplier> checks, Path dataDir) {
    this.checks = Objects.requireNonNull(checks, "checks");
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
  }

  @Override
  public String name() {
    return "watchdog";
  }

  @Override
  public void start(UnitContext c) {
    var producer = resources.add(Producers.forTopic(c.bootstrap(), Topics.INCIDENTS, "cd-watchdog"));
    Path dir = dataDir.toAbsolutePath().normalize();
    String instance = dir.getFileName() + "-" + Integer.toHexString(dir.toString().hashCode());
    Watchdog watchdog = new Watchdog(Map.copyOf(checks), e -> producer.send(new ProducerRecord<>(
        Topics.INCIDENTS.name(), e.incident().id(), e)), Duration.ofSeconds(30), instance);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cd-watchdog");
      t.setDaemon(true);
      return t;
    });
    resources.add(timer::shutdownNow);
    timer.scheduleWithFixedDelay(() -> {
      try {
        watchdog.tick(Instant.now());
      } catch (RuntimeException e) {
        LOG.atWarn().addKeyValue("reason", e.toString()).log("watchdog round failed");
      }
    }, 10, 5, TimeUnit.SECONDS);
  }

  @Override
  public boolean healthy() {
    return true;
  }

  @Override
  public void stop() {
    resources.closeAll();
  }
}
