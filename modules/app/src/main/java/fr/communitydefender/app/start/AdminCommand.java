package fr.communitydefender.app.start;

import fr.communitydefender.console.access.AccountAdmin;
import fr.communitydefender.devservices.kafka.EmbeddedKafka;
import fr.communitydefender.domain.access.Account;
import fr.communitydefender.domain.access.Role;
import fr.communitydefender.domain.topic.TopicProvisioner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code admin create}: creates a console account from the command line — the first administrator of an
 * installation. The password is read from {@code --password-file} or the first line of standard input (never an
 * argument: it would show in the process list). Against {@code --kafka-bootstrap}, or else the embedded broker of
 * {@code --data-dir} (the application must be stopped then).
 */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Console accounts from the command line.",
    subcommands = {AdminCommand.Create.class})
public final class AdminCommand {
  @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a local console account.")
  static final class Create implements Callable<Integer> {
    @Option(names = "--username", required = true, paramLabel = "NAME", description = "User name (a-z 0-9 . _ @ -).")
    String username;

    @Option(names = "--display-name", paramLabel = "NAME", description = "Name shown in the console.")
    String displayName;

    @Option(names = "--roles", split = ",", paramLabel = "ROLE", defaultValue = "admin",
        description = "viewer, drafter, approver, admin (default: ${DEFAULT-VALUE}).")
    List<String> roles;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File whose first line is the password "
        + "(default: read from standard input).")
    Path passwordFile;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data", description = "Data directory of the "
        + "embedded broker (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT", description = "Kafka cluster (default: the embedded "
        + "broker of --data-dir).")
    String kafkaBootstrap;

    @Option(names = "--kafka-properties", paramLabel = "FILE", defaultValue = "${env:CD_KAFKA_PROPERTIES}",
        description = "Kafka client settings (TLS, SASL) of --kafka-bootstrap (default: env CD_KAFKA_PROPERTIES).")
    Path kafkaProperties;

    @Override
    public Integer call() throws Exception {
      Set<Role> wanted = EnumSet.noneOf(Role.class);
      String password;
      try {
        roles.forEach(r -> wanted.add(Role.of(r)));
        password = passwordFile != null ? Files.readAllLines(passwordFile).stream().findFirst().orElse("")
            : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        AccountAdmin.account(new AccountAdmin.NewAccount(username, displayName, wanted, password), "cli");
      } catch (IllegalArgumentException e) {
        System.err.println("community-defender: " + e.getMessage());
        return 2;
      }
      if (kafkaProperties != null && !kafkaProperties.toString().isBlank()) {
        fr.communitydefender.domain.topic.KafkaClients.configure(kafkaProperties);
      }
      EmbeddedKafka kafka = kafkaBootstrap == null ? EmbeddedKafka.start(dataDir, 0) : null;
      try {
        String bootstrap = kafka != null ? kafka.bootstrapServers() : kafkaBootstrap;
        TopicProvisioner.ensure(bootstrap, 3, kafka != null ? (short) 1 : (short) -1);
        List<Account> created = AccountAdmin.createMissing(bootstrap,
            List.of(new AccountAdmin.NewAccount(username, displayName, wanted, password)), "cli");
        if (created.isEmpty()) {
          System.err.println("community-defender: account '" + username + "' exists (change it from the admin page)");
          return 1;
        }
        System.err.println("community-defender: account '" + username + "' created with roles " + wanted);
        return 0;
      } finally {
        if (kafka != null) {
          kafka.close();
        }
      }
    }
  }
}
