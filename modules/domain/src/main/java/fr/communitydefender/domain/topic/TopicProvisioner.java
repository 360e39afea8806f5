package fr.communitydefender.domain.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the registry's topics that do not exist yet (brokers run with auto-creation off) and keeps the settings of
 * existing ones in line. Topics that expire use the broker's append time ({@code LogAppendTime}): retention counts
 * from arrival, so a replay of last year's crisis is not deleted on arrival because its event times are old. Event
 * time travels in the payload ({@code publishedAt}), where the streams stage reads it.
 */
public final class TopicProvisioner {
  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

  private TopicProvisioner() {}

  /** The topic settings the product relies on. */
  public static Map<String, String> configs(TopicSpec<?, ?> spec) {
    if (spec.compacted()) {
      return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    }
    if (spec.retention() == null) {
      return Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");
    }
    return Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(spec.retention().toMillis()),
        TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
  }

  public static void ensure(String bootstrap, int partitions, short replication) {
    try (Admin admin = Admin.create(KafkaClients.with(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000)))) {
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      Map<ConfigResource, java.util.Collection<AlterConfigOp>> updates = new java.util.HashMap<>();
      for (TopicSpec<?, ?> spec : Topics.ALL) {
        Map<String, String> configs = configs(spec);
        if (!existing.contains(spec.name())) {
          missing.add(new NewTopic(spec.name(), partitions, replication).configs(configs));
        } else {
          updates.put(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()), configs.entrySet().stream()
              .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
              .toList());
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
        LOG.atInfo().addKeyValue("topics", missing.stream().map(NewTopic::name).toList())
            .addKeyValue("partitions", partitions).log("created topics");
      }
      if (!updates.isEmpty()) {
        try {
          admin.incrementalAlterConfigs(updates).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          LOG.atWarn().addKeyValue("reason", String.valueOf(e.getCause())).log(
              "could not align the settings of existing topics (retention, timestamp type); continuing");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topics on " + bootstrap + ": " + e.getMessage(), e);
    }
  }
}
