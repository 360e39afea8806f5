package fr.communitydefender.console.access;

import fr.communitydefender.domain.access.Account;
import fr.communitydefender.domain.access.Role;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts as the compacted accounts topic says (read whole at start, then followed), plus this instance's own
 * writes as soon as Kafka has them (the topic then brings the same version back).
 */
public final class AccountsView {
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();

  public void apply(String username, Account account) {
    if (account == null) {
      accounts.remove(username);
    } else {
      accounts.put(username, account);
    }
  }

  public Account get(String username) {
    return username == null ? null : accounts.get(username);
  }

  public List<Account> all() {
    return accounts.values().stream().sorted(Comparator.comparing(Account::username)).toList();
  }

  /** Enabled accounts holding the admin role. */
  public long admins() {
    return accounts.values().stream().filter(a -> !a.disabled() && a.roles().contains(Role.ADMIN)).count();
  }
}
