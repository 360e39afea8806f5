package fr.communitydefender.app;

import fr.communitydefender.app.start.CheckConfigCommand;
import fr.communitydefender.app.start.RulesCommand;
import fr.communitydefender.app.start.StartCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Command-line entry: {@code start} runs the chosen roles, {@code check-config} validates the configuration,
 * {@code rules} checks and backtests alert rules, {@code oncall} tells who is on call, {@code admin create} creates a console account, {@code report} writes an incident's report.
 */
@Command(name = "community-defender", mixinStandardHelpOptions = true, version = "community-defender 0.1.0",
    description = "Crisis monitoring and response console for local governments.",
    subcommands = {StartCommand.class, CheckConfigCommand.class, RulesCommand.class,
        fr.communitydefender.app.start.OnCallCommand.class, fr.communitydefender.app.start.AdminCommand.class,
        fr.communitydefender.app.start.ReportCommand.class, fr.communitydefender.app.start.CouranteCommand.class,
        fr.communitydefender.app.start.KafkaAclsCommand.class,
        CommandLine.HelpCommand.class})
public final class CommunityDefender {
  public static void main(String[] args) {
    System.exit(new CommandLine(new CommunityDefender()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }
}
