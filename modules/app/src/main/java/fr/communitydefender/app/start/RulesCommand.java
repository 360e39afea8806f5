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

/**
 * {@code rules check DIR|FILE}: one line per rule file, {@code OK} or its first problem; exit 1 on any problem.
 * {@code rules backtest --rules DIR --replay FILE|DIR}: what the rules would have opened on recorded data.
 */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Alert rule tools.",
    subcommands = {RulesCommand.Check.class, RulesCommand.Backtest.class})
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

  @Command(name = "backtest", mixinStandardHelpOptions = true,
      description = "Replays recorded mentions (JSON Lines drill, CrisisLexT26 file or event folder) through the "
          + "production topologies in event time, as fast as possible, and prints the incidents the rules would "
          + "have opened: when, which rule, why.")
  static final class Backtest implements Callable<Integer> {
    @Option(names = "--rules", paramLabel = "DIR|FILE", description = "Rules (default: ${DEFAULT-VALUE}).")
    Path rules = Path.of("alert-rules");

    @Option(names = "--replay", paramLabel = "FILE|DIR", required = true,
        description = "A .jsonl drill, a CrisisLexT26 .csv, or a CrisisLexT26 event folder.")
    Path replay;

    @Option(names = "--watch", paramLabel = "ID", description = "Watch every mention belongs to (default: the file "
        + "or folder name).")
    String watch;

    @Override
    public Integer call() throws Exception {
      Class<?> tool;
      try { // a tool of the full distribution (Kafka Streams' test driver): the production class path leaves it out
        tool = Class.forName("fr.communitydefender.app.eval.Backtest");
        Class.forName("org.apache.kafka.streams.TopologyTestDriver");
      } catch (ClassNotFoundException e) {
        System.err.println("backtest: not in the production image; run it with the full distribution "
            + "(scripts/start rules backtest …)");
        return 2;
      }
      try {
        return (Integer) tool.getMethod("run", Path.class, Path.class, String.class).invoke(null, rules, replay, watch);
      } catch (java.lang.reflect.InvocationTargetException e) {
        throw e.getCause() instanceof Exception x ? x : e;
      }
    }
  }
}
