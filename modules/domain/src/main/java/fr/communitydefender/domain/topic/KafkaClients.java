package fr.communitydefender.domain.topic;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Settings every Kafka client of the process gets — in production the security settings (TLS, SASL) that let the
 * application's principal reach a cluster where ACLs decide who reads and writes each topic. Read once at start-up
 * from a Java properties file ({@code --kafka-properties FILE} or {@code CD_KAFKA_PROPERTIES}); secrets are best left
 * to Kafka's own config providers ({@code config.providers=file} and {@code ${file:/run/secrets/kafka:password}}) so
 * the file holds none. Values are never logged by us (Kafka hides its password-type settings).
 */
public final class KafkaClients {
  /** Settings a client of ours decides itself (its serializers, group, bootstrap): refused in the file. */
  private static final Set<String> OURS = Set.of("bootstrap.servers", "key.serializer", "value.serializer",
      "key.deserializer", "value.deserializer", "group.id", "group.instance.id", "application.id",
      "transactional.id", "processing.guarantee");
  private static volatile Map<String, Object> common = Map.of();

  private KafkaClients() {}

  /** Reads the settings file; throws naming the file and the setting when one is not allowed. */
  public static void configure(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read Kafka client settings " + file + ": " + e.getMessage(), e);
    }
    Map<String, Object> m = new HashMap<>();
    for (String k : p.stringPropertyNames()) {
      if (OURS.contains(k)) {
        throw new IllegalArgumentException(file + ": " + k + " is set by Community Defender itself, not here");
      }
      m.put(k, p.getProperty(k));
    }
    common = Map.copyOf(m);
  }

  /** Sets the settings directly (tests); an empty map goes back to none. */
  public static void configure(Map<String, ?> settings) {
    common = Map.copyOf(settings);
  }

  /** The settings of the file (unmodifiable). */
  public static Map<String, Object> common() {
    return common;
  }

  /** {@code props} with the common settings added (a client's own settings win). */
  public static Map<String, Object> with(Map<String, ?> props) {
    Map<String, Object> all = new HashMap<>(common);
    all.putAll(props);
    return all;
  }
}
