package fr.communitydefender.console.access;

import fr.communitydefender.domain.access.Account;
import fr.communitydefender.domain.access.Role;
import fr.communitydefender.domain.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Accounts written straight to the accounts topic, outside a running console: the first administrator from the
 * command line, the demo accounts, test fixtures. Consoles pick them up from the topic.
 */
public final class AccountAdmin {
  private AccountAdmin() {}

  /** A local account to create: the password is checked against the policy and hashed here. */
  public record NewAccount(String username, String displayName, Set<Role> roles, String password) {}

  /** The accounts on the topic now (latest version per user name). */
  public static Map<String, Account> read(String bootstrap, Duration timeout) {
    Map<String, Account> out = new HashMap<>();
    try (KafkaConsumer<String, Account> c = new KafkaConsumer<>(fr.communitydefender.domain.topic.KafkaClients.with(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)), Topics.ACCOUNTS.keySerde().deserializer(),
        Topics.ACCOUNTS.valueSerde().deserializer())) {
      List<TopicPartition> parts = c.partitionsFor(Topics.ACCOUNTS.name(), timeout).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> ends = c.endOffsets(parts, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (parts.stream().anyMatch(p -> c.position(p) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("accounts topic not read within " + timeout);
        }
        c.poll(Duration.ofMillis(200)).forEach(r -> {
          if (r.value() == null) {
            out.remove(r.key());
          } else {
            out.put(r.key(), r.value());
          }
        });
      }
    }
    return out;
  }

  /**
   * Writes the accounts that do not exist yet (by user name); returns the ones written. {@code by}: who, for the
   * audit trail ({@code cli}, {@code demo}).
   */
  public static List<Account> createMissing(String bootstrap, List<NewAccount> wanted, String by) {
    Map<String, Account> existing = read(bootstrap, Duration.ofSeconds(30));
    List<Account> created = wanted.stream().filter(n -> !existing.containsKey(n.username()))
        .map(n -> account(n, by)).toList();
    write(bootstrap, created);
    return created;
  }

  /** A new local account from {@code n}, its password checked and hashed (IllegalArgumentException if refused). */
  public static Account account(NewAccount n, String by) {
    return new Account(n.username(), n.displayName(), n.roles(), Passwords.checkedHash(n.username(), n.password()),
        false, "local", Instant.now(), by);
  }

  public static void write(String bootstrap, List<Account> accounts) {
    if (accounts.isEmpty()) {
      return;
    }
    try (KafkaProducer<String, Account> p = new KafkaProducer<>(fr.communitydefender.domain.topic.KafkaClients.with(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrap, ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)),
        Topics.ACCOUNTS.keySerde().serializer(), Topics.ACCOUNTS.valueSerde().serializer())) {
      for (Account a : accounts) {
        p.send(new ProducerRecord<>(Topics.ACCOUNTS.name(), a.username(), a)).get(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing accounts", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("accounts not written: Kafka did not answer (" + e.getMessage() + ")", e);
    }
  }
}
