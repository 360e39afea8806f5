package fr.communitydefender.app.start;

import fr.communitydefender.alerting.AlertingMetrics;
import fr.communitydefender.alerting.incident.AlertTopology;
import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.alerting.rules.RulesReloader;
import fr.communitydefender.app.internal.StreamsApp;
import fr.communitydefender.domain.watch.WatchesConfig;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Role {@code alert}: the alerting Streams app ({@code cd-alerting}); when the rules came from files, their folder is
 * polled every 5 s and a valid change restarts the app with the new rules (its state comes back from the state
 * directory and changelog).
 */
final class AlertUnit implements Unit {
  private static final Logger LOG = LoggerFactory.getLogger(AlertUnit.class);
  private final AlertRules rules;
  private final WatchesConfig watches;
  private final AtomicReference<StreamsApp> app = new AtomicReference<>();
  private ScheduledExecutorService watcher;

  AlertUnit(AlertRules rules, WatchesConfig watches) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.watches = Objects.requireNonNull(watches, "watches");
  }

  @Override
  public String name() {
    return "alert";
  }

  @Override
  public void start(UnitContext c) {
    AlertingMetrics metrics = new AlertingMetrics(c.registry());
    app.set(StreamsApp.start("cd-alerting", AlertTopology.build(rules, metrics), c.bootstrap(), c.stateDir(),
        c.registry()));
    if (rules.source() == null) {
      return;
    }
    RulesReloader reloader = new RulesReloader(rules, watches.ids(), newRules -> {
      app.get().close();
      app.set(StreamsApp.start("cd-alerting", AlertTopology.build(newRules, metrics), c.bootstrap(), c.stateDir(),
          c.registry()));
    }, metrics);
    watcher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cd-rules-reload");
      t.setDaemon(true);
      return t;
    });
    watcher.scheduleWithFixedDelay(() -> {
      try {
        reloader.poll();
      } catch (RuntimeException e) {
        LOG.atWarn().addKeyValue("reason", e.toString()).log("rules reload failed, previous rules stay active");
      }
    }, 5, 5, TimeUnit.SECONDS);
  }

  @Override
  public boolean healthy() {
    StreamsApp a = app.get();
    return a != null && a.running();
  }

  @Override
  public void stop() {
    if (watcher != null) {
      watcher.shutdownNow();
      watcher = null;
    }
    StreamsApp a = app.getAndSet(null);
    if (a != null) {
      a.close();
    }
  }
}
