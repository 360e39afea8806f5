package fr.communitydefender.app.start;

import fr.communitydefender.collectors.CollectorMetrics;
import fr.communitydefender.collectors.replay.ReplayCollector;
import fr.communitydefender.collectors.replay.ReplayOptions;
import fr.communitydefender.domain.topic.Producers;
import fr.communitydefender.domain.topic.Topics;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A drill replayed into {@code cd.mentions.raw} (role {@code collect} with {@code --replay} or {@code --demo}). */
final class ReplayUnit implements Unit {
  private static final Logger LOG = LoggerFactory.getLogger(ReplayUnit.class);
  private final ReplayOptions options;
  private final Resources resources = new Resources("replay");
  private Thread thread;
  private volatile ReplayCollector.Result result;

  ReplayUnit(ReplayOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public String name() {
    return "replay";
  }

  @Override
  public void start(UnitContext c) {
    var mentions = resources.add(Producers.forTopic(c.bootstrap(), Topics.MENTIONS_RAW, "cd-replay"));
    var deadLetters = resources.add(Producers.forTopic(c.bootstrap(), Topics.DEAD_LETTER, "cd-replay-dlq"));
    ReplayCollector collector = new ReplayCollector(mentions, deadLetters, new CollectorMetrics(c.registry()),
        System.err);
    thread = Thread.ofPlatform().name("cd-replay").start(() -> {
      try {
        result = collector.replay(options);
        LOG.atInfo().addKeyValue("published", result.published()).addKeyValue("deadLettered", result.deadLettered())
            .addKeyValue("perSecond", Math.round(result.perSecond())).log("drill replayed");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        LOG.atError().setCause(e).addKeyValue("file", options.file()).log("replay failed");
      }
    });
    Thread running = thread;
    resources.add(() -> {
      running.interrupt();
      running.join(5_000);
    });
  }

  /** Waits for the replay to finish; null when it failed or is still running. */
  ReplayCollector.Result await(long millis) throws InterruptedException {
    if (thread != null) {
      thread.join(millis);
    }
    return result;
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
