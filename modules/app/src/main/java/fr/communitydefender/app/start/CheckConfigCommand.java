package fr.communitydefender.app.start;

import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.app.demo.DemoDrill;
import fr.communitydefender.domain.config.ConfigException;
import fr.communitydefender.domain.watch.WatchesConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code check-config}: validates watches and alert rules, like {@code amtool check-config}; exit 0 when valid. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
    description = "Checks the watches, alert rules and collectors; prints file:line:column: field: problem on error.")
public final class CheckConfigCommand implements Callable<Integer> {
  @Option(names = "--watches", paramLabel = "FILE", description = "Watches YAML (default: the built-in demo watches).")
  Path watches;

  @Option(names = "--rules", paramLabel = "DIR|FILE", description = "Alert rules (default: ${DEFAULT-VALUE}).")
  Path rules = Path.of("alert-rules");

  @Option(names = "--collectors", paramLabel = "FILE", description = "Live collectors YAML to check too (its secrets "
      + "must be readable: environment variables set, files present).")
  Path collectors;

  @Override
  public Integer call() throws Exception {
    try {
      WatchesConfig w = watches != null ? WatchesConfig.load(watches)
          : DemoDrill.watches(Files.createTempDirectory("cd-check"));
      AlertRules r = AlertRules.load(rules, w.ids());
      int sources = collectors == null ? 0
          : fr.communitydefender.collectors.live.CollectorsConfig.load(collectors).collectors().size();
      System.out.printf("OK: %d watches, %d rules%s%n", w.watches().size(), r.rules().size(),
          collectors == null ? "" : ", " + sources + " collectors");
      return 0;
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return 1;
    }
  }
}
