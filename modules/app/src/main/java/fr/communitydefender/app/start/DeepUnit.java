package fr.communitydefender.app.start;

import fr.communitydefender.app.internal.StreamsApp;
import fr.communitydefender.domain.mention.MentionAnalysis;
import fr.communitydefender.enrichment.deep.DeepSentiment;
import fr.communitydefender.streams.PipelineMetrics;
import fr.communitydefender.streams.deep.DeepConfig;
import fr.communitydefender.streams.deep.DeepTopology;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Role {@code deep}: the English deep sentiment tier (Streams app {@code cd-deep}), models loaded on first use. */
final class DeepUnit implements Unit {
  private static final Logger LOG = LoggerFactory.getLogger(DeepUnit.class);
  private final DeepConfig config;
  private StreamsApp app;
  private boolean off;

  DeepUnit(DeepConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "deep";
  }

  @Override
  public void start(UnitContext c) {
    if (!DeepSentiment.available()) {
      LOG.atWarn().log("role deep: the CoreNLP models jar is not on the class path, deep tier off");
      off = true;
      return;
    }
    app = StreamsApp.start("cd-deep", DeepTopology.build(config, new LazyDeep(), new PipelineMetrics(c.registry()),
        java.time.Instant::now), c.bootstrap(), c.stateDir(), c.registry(), config.threads());
  }

  @Override
  public boolean healthy() {
    return off || app != null && app.running();
  }

  @Override
  public void stop() {
    if (app != null) {
      app.close();
      app = null;
    }
  }

  /** Loads the deep tier's models (8–15 s, ~650 MB) on the first mention selected for it, not at start-up. */
  private static final class LazyDeep implements Function<String, MentionAnalysis> {
    private volatile DeepSentiment deep;

    @Override
    public MentionAnalysis apply(String text) {
      DeepSentiment d = deep;
      if (d == null) {
        synchronized (this) {
          if (deep == null) {
            LOG.atInfo().log("deep tier: loading CoreNLP models");
            deep = DeepSentiment.load();
          }
          d = deep;
        }
      }
      return d.analyse(text);
    }
  }
}
