package fr.communitydefender.app.start;

import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.app.demo.DemoDrill;
import fr.communitydefender.domain.watch.WatchesConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rules check DIR|FILE}: one line per rule file, {@code OK} or its first problem; exit 1 on any problem. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Alert rule tools.",
    subcommands = {RulesCommand.Check.class})
public final class RulesCommand {
  private RulesCommand() {}

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Checks each rule file on its own; prints `FILE: OK (n rules)` or `FILE:line:column: field: "
          + "problem`; exits 1 when any file has a problem.")
  static final class Check implements Callable<Integer> {
    @Parameters(paramLabel = "DIR|FILE", defaultValue = "alert-rules", description = "Rules (default: ${DEFAULT-VALUE}).")
    Path rules;

    @Option(names = "--watches", paramLabel = "FILE",
        description = "Watches the rules may name (default: the built-in demo watches).")
    Path watches;

    @Override
    public Integer call() throws Exception {
      WatchesConfig w = watches != null ? WatchesConfig.load(watches)
          : DemoDrill.watches(Files.createTempDirectory("cd-check"));
      List<AlertRules.FileCheck> checks = AlertRules.check(rules, w.ids());
      for (AlertRules.FileCheck c : checks) {
        if (c.ok()) {
          System.out.printf("%s: OK (%d rule%s)%n", c.file(), c.rules(), c.rules() == 1 ? "" : "s");
        } else {
          System.out.println(c.error());
        }
      }
      return checks.stream().allMatch(AlertRules.FileCheck::ok) ? 0 : 1;
    }
  }
}
