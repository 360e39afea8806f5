package fr.communitydefender.app.eval;

import fr.communitydefender.alerting.rules.AlertRules;
import java.nio.file.Path;
import java.util.List;

/** {@code rules backtest}: what the rules would have opened on recorded data (a tool: uses the test driver). */
public final class Backtest {
  private Backtest() {}

  public static Integer run(Path rules, Path replay, String watch) {
    AlertRules loaded;
    List<fr.communitydefender.domain.mention.Mention> mentions;
    try {
      loaded = AlertRules.load(rules, java.util.Set.of());
      mentions = EvalDetection.load(replay);
    } catch (fr.communitydefender.domain.config.ConfigException | java.io.IOException e) {
      System.err.println("backtest: " + EvalDetection.problem(e));
      return 2;
    }
    String name = watch != null ? watch : replay.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    List<EvalDetection.Opened> opened = EvalDetection
        .replay(name, mentions, loaded, fr.communitydefender.enrichment.Enricher.standard(
            new fr.communitydefender.enrichment.EnrichmentMetrics(
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry())));
    System.out.printf("%d mentions replayed, %d incident(s) would have opened%n", mentions.size(), opened.size());
    opened.forEach(o -> System.out.printf("%s  %s%s  %s%s%n", o.at(), o.rule(), o.reopened() ? " (reopened)" : "",
        o.reason(), o.outcome()));
    return 0;
  }
}
