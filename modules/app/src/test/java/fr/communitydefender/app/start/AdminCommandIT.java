package fr.communitydefender.app.start;

import static org.assertj.core.api.Assertions.assertThat;

import fr.communitydefender.app.CommunityDefender;
import fr.communitydefender.console.access.AccountAdmin;
import fr.communitydefender.console.access.Passwords;
import fr.communitydefender.devservices.kafka.EmbeddedKafka;
import fr.communitydefender.domain.access.Account;
import fr.communitydefender.domain.access.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code admin create}: the first administrator, on the embedded broker of a data directory, password from a file. */
class AdminCommandIT {
  @TempDir
  Path dir;

  private record Run(int exit, String err) {}

  private Run run(String... args) {
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = new CommandLine(new CommunityDefender()).execute(args);
      return new Run(exit, err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(oldErr);
    }
  }

  @Test
  void shouldCreateTheFirstAdministratorOnceAndRefuseAWeakPassword() throws Exception {
    Path weak = Files.writeString(dir.resolve("weak.txt"), "motdepasse\n");
    Run refused = run("admin", "create", "--username", "marie", "--password-file", weak.toString(),
        "--data-dir", dir.resolve("data").toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("password: at least 12 characters");

    Path good = Files.writeString(dir.resolve("good.txt"), "la digue tient bon ce soir\n");
    Run created = run("admin", "create", "--username", "marie", "--display-name", "Marie Dupont", "--roles",
        "admin,approver", "--password-file", good.toString(), "--data-dir", dir.resolve("data").toString());
    assertThat(created.exit()).as(created.err()).isZero();
    assertThat(created.err()).contains("account 'marie' created");
    Run again = run("admin", "create", "--username", "marie", "--password-file", good.toString(),
        "--data-dir", dir.resolve("data").toString());
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("exists");

    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("data"), 0)) {
      Map<String, Account> accounts = AccountAdmin.read(kafka.bootstrapServers(), Duration.ofSeconds(30));
      assertThat(accounts).containsOnlyKeys("marie");
      Account marie = accounts.get("marie");
      assertThat(marie.roles()).isEqualTo(Set.of(Role.ADMIN, Role.APPROVER));
      assertThat(marie.displayName()).isEqualTo("Marie Dupont");
      assertThat(marie.updatedBy()).isEqualTo("cli");
      assertThat(marie.passwordHash()).startsWith("$argon2id$").doesNotContain("digue");
      assertThat(Passwords.verify("la digue tient bon ce soir", marie.passwordHash())).isTrue();
    }
  }
}
