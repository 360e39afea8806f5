package fr.communitydefender.app.start;

import fr.communitydefender.domain.topic.KafkaClients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kafka-acls}: the ACLs that let the application's principal (and nobody else) use its topics on a cluster
 * with an authorizer: topics {@code cd.*} and the Streams applications' internal topics {@code cd-*}, consumer groups
 * and transactional ids {@code cd-*}. Prints them; {@code --apply} creates them (run with an administrator's
 * {@code --kafka-properties}).
 */
@Command(name = "kafka-acls", mixinStandardHelpOptions = true, description = "The Kafka ACLs of the application's "
    + "principal: printed, or created with --apply.")
public final class KafkaAclsCommand implements Callable<Integer> {
  @Option(names = "--principal", required = true, paramLabel = "User:NAME", description = "The application's principal.")
  String principal;

  @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT", description = "Cluster to apply them to.")
  String bootstrap;

  @Option(names = "--kafka-properties", paramLabel = "FILE", description = "Client settings of an administrator "
      + "(TLS, SASL) for --apply.")
  Path properties;

  @Option(names = "--apply", description = "Create the ACLs (else print them).")
  boolean apply;

  /** The bindings for {@code principal} (host: any). */
  public static List<AclBinding> bindings(String principal) {
    List<AclBinding> out = new ArrayList<>();
    for (AclOperation op : List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE,
        AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS, AclOperation.DELETE)) {
      out.add(allow(principal, ResourceType.TOPIC, "cd.", op));
      out.add(allow(principal, ResourceType.TOPIC, "cd-", op)); // Streams' changelogs and repartition topics
    }
    for (AclOperation op : List.of(AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DELETE)) {
      out.add(allow(principal, ResourceType.GROUP, "cd-", op));
    }
    for (AclOperation op : List.of(AclOperation.WRITE, AclOperation.DESCRIBE)) {
      out.add(allow(principal, ResourceType.TRANSACTIONAL_ID, "cd-", op));
    }
    out.add(new AclBinding(new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL),
        new AccessControlEntry(principal, "*", AclOperation.DESCRIBE, AclPermissionType.ALLOW)));
    out.add(new AclBinding(new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL),
        new AccessControlEntry(principal, "*", AclOperation.IDEMPOTENT_WRITE, AclPermissionType.ALLOW)));
    return out;
  }

  private static AclBinding allow(String principal, ResourceType type, String prefix, AclOperation op) {
    return new AclBinding(new ResourcePattern(type, prefix, PatternType.PREFIXED),
        new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW));
  }

  /** Creates the bindings through {@code bootstrap} with the current client settings (an administrator's). */
  public static void apply(String bootstrap, String principal) throws Exception {
    try (Admin admin = Admin.create(KafkaClients.with(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)))) {
      admin.createAcls(bindings(principal)).all().get(60, TimeUnit.SECONDS);
    }
  }

  @Override
  public Integer call() throws Exception {
    if (!principal.startsWith("User:")) {
      System.err.println("community-defender: --principal: expected User:NAME");
      return 2;
    }
    if (!apply) {
      bindings(principal).forEach(b -> System.out.println(b.pattern().resourceType() + " " + b.pattern().patternType()
          + " " + b.pattern().name() + " " + b.entry().operation() + " " + b.entry().permissionType() + " "
          + b.entry().principal()));
      return 0;
    }
    if (bootstrap == null) {
      System.err.println("community-defender: --apply needs --kafka-bootstrap");
      return 2;
    }
    if (properties != null) {
      KafkaClients.configure(properties);
    }
    apply(bootstrap, principal);
    System.err.println("community-defender: " + bindings(principal).size() + " ACLs created for " + principal);
    return 0;
  }
}
