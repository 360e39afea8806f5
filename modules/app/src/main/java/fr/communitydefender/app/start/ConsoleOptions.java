package fr.communitydefender.app.start;

import fr.communitydefender.console.access.AccessConfig;

/**
 * Console settings of a run: access (public URL, allowed hosts, session time-outs, secure cookies, OpenID Connect)
 * whether to create the demo accounts (with {@code --demo}; see the README) when they do not exist, and the commune's
 * name on reports.
 */
public record ConsoleOptions(AccessConfig access, boolean demoAccounts, String commune) {
  public ConsoleOptions {
    access = access == null ? AccessConfig.defaults() : access;
  }

  public static ConsoleOptions defaults() {
    return new ConsoleOptions(null, false, null);
  }
}
