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
    description = "Checks the watches, alert rules, collectors, on-call, approval chains and publishing files; prints file:line:column: field: problem on error.")
public final class CheckConfigCommand implements Callable<Integer> {
  @Option(names = "--watches", paramLabel = "FILE", description = "Watches YAML (default: the built-in demo watches).")
  Path watches;

  @Option(names = "--rules", paramLabel = "DIR|FILE", description = "Alert rules (default: ${DEFAULT-VALUE}).")
  Path rules = Path.of("alert-rules");

  @Option(names = "--collectors", paramLabel = "FILE", description = "Live collectors YAML to check too (its secrets "
      + "must be readable: environment variables set, files present).")
  Path collectors;

  @Option(names = "--oncall", paramLabel = "FILE", description = "On-call YAML to check too (references, secrets).")
  Path oncall;

  @Option(names = "--approval-chains", paramLabel = "FILE", description = "Approval chains YAML to check too.")
  Path approvalChains;

  @Option(names = "--publishing", paramLabel = "FILE", description = "Publishing accounts YAML to check too (its "
      + "secrets must be readable).")
  Path publishing;

  @Override
  public Integer call() throws Exception {
    try {
      WatchesConfig w = watches != null ? WatchesConfig.load(watches)
          : DemoDrill.watches(Files.createTempDirectory("cd-check"));
      AlertRules r = AlertRules.load(rules, w.ids());
      int sources = collectors == null ? 0
          : fr.communitydefender.collectors.live.CollectorsConfig.load(collectors).collectors().size();
      String people = oncall == null ? ""
          : ", " + fr.communitydefender.paging.oncall.OnCallConfig.load(oncall).people().size() + " people on call";
      String chains = approvalChains == null ? ""
          : ", " + fr.communitydefender.room.chains.ApprovalChains.load(approvalChains).chains().size()
              + " approval chains";
      if (publishing != null) {
        fr.communitydefender.room.publish.PublishingConfig.load(publishing);
      }
      System.out.printf("OK: %d watches, %d rules%s%s%s%s%n", w.watches().size(), r.rules().size(),
          collectors == null ? "" : ", " + sources + " collectors", people, chains,
          publishing == null ? "" : ", publishing accounts");
      return 0;
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return 1;
    }
  }
}
