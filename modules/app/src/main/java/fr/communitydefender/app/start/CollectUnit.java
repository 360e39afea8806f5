package fr.communitydefender.app.start;

import fr.communitydefender.collectors.CollectorMetrics;
import fr.communitydefender.collectors.live.CollectorsConfig;
import fr.communitydefender.collectors.live.LiveCollectors;
import fr.communitydefender.console.http.ApiErrors;
import io.vertx.ext.web.Router;
import java.util.Objects;

/** Role {@code collect}: the live collectors of the collectors file and their webhook intakes. */
final class CollectUnit implements Unit {
  private final CollectorsConfig config;
  private LiveCollectors collectors;

  CollectUnit(CollectorsConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "collect";
  }

  @Override
  public void start(UnitContext c) {
    if (!config.collectors().isEmpty()) {
      collectors = LiveCollectors.start(c.vertx().get(), config, c.bootstrap(), new CollectorMetrics(c.registry()));
    }
  }

  /** The intakes' routes ({@code /api/intake/ID}), or null without webhook intakes. */
  Router intakeRouter() {
    return collectors == null ? null : collectors.intakeRouter(ApiErrors::send);
  }

  @Override
  public boolean healthy() {
    return true;   // a source's outage is for a flatline rule to report, not a reason to restart the process
  }

  @Override
  public void stop() {
    if (collectors != null) {
      collectors.close();
      collectors = null;
    }
  }
}
