package fr.communitydefender.app.start;

import fr.communitydefender.app.internal.StreamsApp;
import fr.communitydefender.domain.watch.WatchesConfig;
import fr.communitydefender.enrichment.Enricher;
import fr.communitydefender.enrichment.EnrichmentMetrics;
import fr.communitydefender.enrichment.SentimentConfig;
import fr.communitydefender.streams.PipelineMetrics;
import fr.communitydefender.streams.volume.VolumeConfig;
import fr.communitydefender.streams.volume.VolumeTopology;
import java.io.IOException;
import java.util.Objects;

/** Role {@code process}: the streams stage (Streams app {@code cd-volume}): enrich, match watches, count. */
final class ProcessUnit implements Unit {
  private final WatchesConfig watches;
  private final SentimentConfig sentiment;
  private StreamsApp app;

  ProcessUnit(WatchesConfig watches, SentimentConfig sentiment) {
    this.watches = Objects.requireNonNull(watches, "watches");
    this.sentiment = Objects.requireNonNull(sentiment, "sentiment");
  }

  @Override
  public String name() {
    return "process";
  }

  @Override
  public void start(UnitContext c) {
    Enricher enricher;
    try {
      enricher = Enricher.configured(new EnrichmentMetrics(c.registry()), sentiment);
    } catch (IOException e) {
      throw new IllegalStateException("cannot load sentiment model: " + e.getMessage(), e);
    }
    app = StreamsApp.start("cd-volume", VolumeTopology.build(VolumeConfig.of(watches.watches()), enricher,
        new PipelineMetrics(c.registry())), c.bootstrap(), c.stateDir(), c.registry());
  }

  @Override
  public boolean healthy() {
    return app != null && app.running();
  }

  @Override
  public void stop() {
    if (app != null) {
      app.close();
      app = null;
    }
  }
}
