package fr.communitydefender.app.demo;

import fr.communitydefender.console.access.AccountAdmin;
import fr.communitydefender.domain.access.Role;
import java.util.List;
import java.util.Set;

/**
 * The demo's console accounts, created by {@code --demo} when missing and listed in the README and at start-up.
 * Their passwords are public: never use {@code --demo} on a console others can reach.
 */
public final class DemoAccounts {
  public static final List<AccountAdmin.NewAccount> ACCOUNTS = List.of(
      new AccountAdmin.NewAccount("redacteur", "Rédacteur de permanence (démo)", Set.of(Role.DRAFTER),
          "crue-de-la-loire-2026"),
      new AccountAdmin.NewAccount("validateur", "Directrice de la communication (démo)", Set.of(Role.APPROVER),
          "valider-avant-publier"),
      new AccountAdmin.NewAccount("admin", "Administrateur (démo)", Set.of(Role.ADMIN),
          "demo-sainte-aure-2026"),
      new AccountAdmin.NewAccount("lecteur", "Observateur (démo)", Set.of(Role.VIEWER),
          "lire-sans-ecrire-2026"));

  private DemoAccounts() {}

  /** Creates the missing demo accounts on the cluster; returns how many were created. */
  public static int ensure(String bootstrap) {
    return AccountAdmin.createMissing(bootstrap, ACCOUNTS, "demo").size();
  }

  /** One line per account, for the start-up banner. */
  public static String describe() {
    StringBuilder sb = new StringBuilder();
    for (AccountAdmin.NewAccount a : ACCOUNTS) {
      sb.append(String.format("  %-10s / %-24s %s%n", a.username(), a.password(),
          a.roles().stream().map(Role::id).sorted().toList()));
    }
    return sb.toString();
  }
}
