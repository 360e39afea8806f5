package fr.communitydefender.app.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communitydefender.devservices.kafka.EmbeddedKafka;
import fr.communitydefender.domain.topic.TopicReader;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.topic.KafkaClients;
import fr.communitydefender.domain.topic.Producers;
import fr.communitydefender.domain.topic.TopicProvisioner;
import fr.communitydefender.domain.topic.Topics;
import fr.communitydefender.domain.watch.Watch;
import fr.communitydefender.domain.watch.WatchesConfig;
import fr.communitydefender.alerting.rules.AlertRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application on a broker that requires TLS and SASL and authorizes with ACLs (KRaft's StandardAuthorizer): the
 * ACLs of {@code kafka-acls} for the application's principal, the client settings of {@code --kafka-properties};
 * a mention goes through the processing stage, while another authenticated principal may neither write the pager's
 * outbox nor read the accounts, and a wrong password is refused.
 */
class SecuredKafkaIT {
  @TempDir
  static Path dir;
  static EmbeddedKafka kafka;
  static Path truststore;

  @BeforeAll
  static void start() throws Exception {
    Path keystore = dir.resolve("broker.p12");
    truststore = dir.resolve("broker.pem");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "7", "-storetype", "PKCS12", "-keystore",
        keystore.toString(), "-storepass", "changeit", "-keypass", "changeit");
    run(keytool, "-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(), "-storepass", "changeit",
        "-file", truststore.toString());
    Map<String, String> broker = new HashMap<>();
    broker.put("listeners", "SASL_SSL://127.0.0.1:BROKER_PORT,CONTROLLER://127.0.0.1:CONTROLLER_PORT");
    broker.put("advertised.listeners", "SASL_SSL://127.0.0.1:BROKER_PORT");
    broker.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
    broker.put("inter.broker.listener.name", "SASL_SSL");
    broker.put("sasl.enabled.mechanisms", "PLAIN");
    broker.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
    broker.put("listener.name.sasl_ssl.plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule"
        + " required username=\"admin\" password=\"admin-pw\" user_admin=\"admin-pw\" user_cd=\"cd-pw\""
        + " user_intruder=\"intruder-pw\";");
    broker.put("ssl.keystore.location", keystore.toString());
    broker.put("ssl.keystore.type", "PKCS12");
    broker.put("ssl.keystore.password", "changeit");
    broker.put("ssl.key.password", "changeit");
    broker.put("ssl.truststore.location", truststore.toString());
    broker.put("ssl.truststore.type", "PEM");
    broker.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    broker.put("super.users", "User:admin;User:ANONYMOUS"); // ANONYMOUS: the controller's loopback listener only
    kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, broker);
    KafkaClients.configure(client("admin", "admin-pw"));
    TopicProvisioner.ensure(kafka.bootstrapServers(), 1, (short) 1);
    KafkaAclsCommand.apply(kafka.bootstrapServers(), "User:cd");
    // ACLs reach the broker through the metadata log: wait until the application's principal sees its topics
    Map<String, Object> app = new HashMap<>(client("cd", "cd-pw"));
    app.put("bootstrap.servers", kafka.bootstrapServers());
    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(app)) {
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
          admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(Topics.MENTIONS_RAW.name()));
    }
  }

  @AfterAll
  static void stop() {
    KafkaClients.configure(Map.of());
    if (kafka != null) {
      kafka.close();
    }
  }

  static Map<String, String> client(String user, String password) {
    return Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN",
        "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
            + "\" password=\"" + password + "\";",
        "ssl.truststore.type", "PEM", "ssl.truststore.location", truststore.toString());
  }

  static void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }

  @Test
  void shouldProcessWithTheApplicationsPrincipalAndRefuseEveryoneElse() throws Exception {
    Path properties = dir.resolve("kafka.properties");
    StringBuilder text = new StringBuilder();
    client("cd", "cd-pw").forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
    Files.writeString(properties, text);
    KafkaClients.configure(properties);

    WatchesConfig watches = new WatchesConfig(List.of(new Watch("ville", null, List.of("sainte-aure"), null, null)));
    try (Assembly process = Assembly.start(new RuntimeOptions(EnumSet.of(Role.PROCESS), dir.resolve("process"),
        kafka.bootstrapServers(), 0, "127.0.0.1", 0, 1, (short) 1, watches, new AlertRules(List.of()), null, null,
        null, null));
        var raw = Producers.forTopic(kafka.bootstrapServers(), Topics.MENTIONS_RAW, "secured-test")) {
      raw.send(new ProducerRecord<>(Topics.MENTIONS_RAW.name(), "s-1", new Mention("s-1", "drill",
          Instant.parse("2026-12-02T20:00:00Z"), "Sainte-Aure : route coupée", "a", null, "fr", 1, List.of())))
          .get(60, TimeUnit.SECONDS);
      var enriched = TopicReader.readUntil(kafka.bootstrapServers(), Topics.MENTIONS_ENRICHED,
          l -> l.stream().anyMatch(r -> "s-1".equals(r.key())), Duration.ofSeconds(90));
      assertThat(enriched).anySatisfy(r -> assertThat(r.value().watches()).contains("ville"));
    }

    Map<String, Object> intruder = new HashMap<>(client("intruder", "intruder-pw"));
    intruder.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    intruder.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
    try (KafkaProducer<String, String> p = new KafkaProducer<>(intruder, new StringSerializer(),
        new StringSerializer())) {
      assertThatThrownBy(() -> p.send(new ProducerRecord<>(Topics.PAGING_OUTBOX.name(), "x", "{}")).get(30,
          TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
    }
    Map<String, Object> wrong = new HashMap<>(client("cd", "not-the-password"));
    wrong.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    wrong.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
    try (KafkaProducer<String, String> p = new KafkaProducer<>(wrong, new StringSerializer(), new StringSerializer())) {
      assertThatThrownBy(() -> p.send(new ProducerRecord<>(Topics.MENTIONS_RAW.name(), "x", "{}")).get(30,
          TimeUnit.SECONDS)).hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }
  }
}
