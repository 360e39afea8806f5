package fr.communitydefender.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.console.access.AccountAdmin;
import fr.communitydefender.console.access.Passwords;
import org.junit.jupiter.api.Test;

class DemoAccountsTest {
  @Test
  void shouldShipDemoAccountsThatPassThePasswordPolicyAndAreListedInTheReadme() throws Exception {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of(
        System.getProperty("maven.multiModuleProjectDirectory", "../.."), "README.md"));
    for (AccountAdmin.NewAccount a : DemoAccounts.ACCOUNTS) {
      assertThat(Passwords.problem(a.username(), a.password())).as(a.username()).isNull();
      assertThat(readme).contains("| `" + a.username() + "` | `" + a.password() + "` |");
    }
  }
}
