package fr.communitydefender.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The production deployment ({@code docker/}) checked without a Docker engine: the compose file against the Compose
 * Specification's JSON schema (shipped by dclint, fetched from npm at build time), then what the deployment promises
 * — three brokers with replication 3 and TLS, SASL and ACLs; Elasticsearch with security and TLS; every role, health
 * checks, non-root, no secret written in the file; Prometheus scraping every role; a dashboard on metrics that exist.
 */
class ComposeFileTest {
  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final Set<String> ROLES = Set.of("collect", "process", "deep", "alert", "page", "room", "index",
      "console-1", "console-2");
  private static JsonObject compose;
  private static JsonObject services;

  @BeforeAll
  static void load() throws Exception {
    // SnakeYAML resolves anchors and merge keys (<<) as Compose does
    Object tree = new Yaml(new LoaderOptions()).load(Files.readString(ROOT.resolve("docker/compose.yaml")));
    compose = new JsonObject((Map<String, Object>) tree);
    services = compose.getJsonObject("services");
  }

  @Test
  void shouldFollowTheComposeSpecificationSchema() throws Exception {
    JsonObject schema;
    try (InputStream in = ComposeFileTest.class.getResourceAsStream("/compose/compose.schema.json")) {
      assertThat(in).as("the schema is fetched from npm at build time (modules/app/pom.xml)").isNotNull();
      schema = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    Validator validator = Validator.create(JsonSchema.of(schema), new JsonSchemaOptions().setDraft(Draft.DRAFT7)
        .setBaseUri("https://compose-spec.io/").setOutputFormat(OutputFormat.Basic));

    OutputUnit result = validator.validate(compose);

    List<String> errors = new ArrayList<>();
    if (result.getErrors() != null) {
      result.getErrors().forEach(e -> errors.add(e.getInstanceLocation() + ": " + e.getError()));
    }
    assertThat(errors).isEmpty();
    assertThat(result.getValid()).isTrue();
  }

  @Test
  void shouldRejectAFileThatBreaksTheSchema() throws Exception {
    JsonObject schema;
    try (InputStream in = ComposeFileTest.class.getResourceAsStream("/compose/compose.schema.json")) {
      schema = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    JsonObject broken = compose.copy();
    broken.getJsonObject("services").getJsonObject("process").put("replicas", 2);   // belongs under deploy:

    OutputUnit result = Validator.create(JsonSchema.of(schema), new JsonSchemaOptions().setDraft(Draft.DRAFT7)
        .setBaseUri("https://compose-spec.io/").setOutputFormat(OutputFormat.Basic)).validate(broken);

    assertThat(result.getValid()).isFalse();
  }

  @Test
  void shouldRunThreeBrokersWithReplicationThreeTlsSaslAndAcls() {
    List<JsonObject> brokers = Stream.of("kafka-1", "kafka-2", "kafka-3").map(services::getJsonObject).toList();
    assertThat(brokers).allSatisfy(b -> {
      JsonObject env = b.getJsonObject("environment");
      assertThat(b.getString("image")).startsWith("apache/kafka:");
      assertThat(env.getString("KAFKA_DEFAULT_REPLICATION_FACTOR")).isEqualTo("3");
      assertThat(env.getString("KAFKA_MIN_INSYNC_REPLICAS")).isEqualTo("2");
      assertThat(env.getString("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")).isEqualTo("2");
      assertThat(env.getString("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(","))
          .allSatisfy(l -> assertThat(l).endsWith(":SASL_SSL"));
      assertThat(env.getString("KAFKA_AUTHORIZER_CLASS_NAME")).endsWith("StandardAuthorizer");
      assertThat(env.getString("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND")).isEqualTo("false");
      assertThat(env.getString("KAFKA_CONTROLLER_QUORUM_VOTERS").split(",")).hasSize(3);
    });
    assertThat(services.getJsonObject("kafka-acls").getJsonArray("command").getList())
        .contains("kafka-acls", "User:cd", "--apply");
  }

  @Test
  void shouldRunElasticsearchWithSecurityTlsAndAnApiKey() {
    for (String node : List.of("es-1", "es-2", "es-3")) {
      JsonObject env = services.getJsonObject(node).getJsonObject("environment");
      assertThat(env.getString("xpack.security.enabled")).isEqualTo("true");
      assertThat(env.getString("xpack.security.http.ssl.enabled")).isEqualTo("true");
      assertThat(env.getString("xpack.security.transport.ssl.enabled")).isEqualTo("true");
    }
    for (String role : List.of("index", "console-1", "console-2")) {
      JsonObject s = services.getJsonObject(role);
      assertThat(s.getJsonObject("environment").getString("CD_ES_API_KEY_FILE")).startsWith("/run/secrets/");
      assertThat(s.getJsonArray("command").getList()).contains("https://es-1:9200");
    }
  }

  @Test
  void shouldRunEveryRoleNonRootHealthCheckedWithItsSecretsFromFiles() throws Exception {
    assertThat(services.fieldNames()).containsAll(ROLES).contains("proxy", "prometheus", "grafana");
    assertThat(services.getJsonObject("process").getJsonObject("deploy").getInteger("replicas")).isGreaterThan(1);
    String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
    assertThat(dockerfile).contains("HEALTHCHECK").contains("USER 10001").contains("modules/dist");
    Set<String> declared = compose.getJsonObject("secrets").fieldNames();
    for (String name : services.fieldNames()) {
      JsonObject s = services.getJsonObject(name);
      if (ROLES.contains(name)) {
        assertThat(s.getString("user")).as(name).isEqualTo("10001");
        assertThat(s.getString("image")).as(name).startsWith("community-defender:");
      } else if (!name.equals("kafka-acls")) {
        assertThat(s.getJsonObject("healthcheck")).as(name + " health check").isNotNull();
      }
      JsonArray secrets = s.getJsonArray("secrets", new JsonArray());
      assertThat(declared).as(name + " secrets").containsAll(secrets.getList());
      JsonObject env = s.getJsonObject("environment", new JsonObject());
      for (String key : env.fieldNames()) {
        if (key.matches("(?i).*(password|secret|token|api_?key).*")) {
          assertThat(key.endsWith("_FILE") || String.valueOf(env.getValue(key)).startsWith("/run/secrets/"))
              .as(name + "." + key + " must name a file, never hold the secret").isTrue();
        }
      }
    }
    compose.getJsonObject("secrets").forEach(e -> assertThat(((JsonObject) e.getValue()).getString("file"))
        .as(e.getKey()).startsWith("./secrets/"));
    assertThat(Files.readString(ROOT.resolve("docker/.gitignore"))).contains("secrets/");
  }

  @Test
  void shouldScrapeEveryRoleAndChartMetricsThatExist() throws Exception {
    String prometheus = Files.readString(ROOT.resolve("docker/prometheus.yml"));
    assertThat(ROLES).allSatisfy(role -> assertThat(prometheus).contains(role));

    JsonObject dashboard = new JsonObject(Files.readString(ROOT.resolve(
        "docker/grafana/dashboards/community-defender.json")));
    Set<String> meters = meterNames();
    Set<String> charted = new TreeSet<>();
    Matcher m = Pattern.compile("\\b(cd_[a-z_]+)").matcher(dashboard.encode());
    while (m.find()) {
      String name = m.group(1).replaceAll("_(total|sum|count|max|bucket)$", "");
      // a timer gains a _seconds unit in Prometheus; a gauge may carry it in its own name
      charted.add(meters.contains(name) ? name : name.replaceAll("_seconds$", ""));
    }
    assertThat(charted).isNotEmpty();
    assertThat(meters).containsAll(charted);
    assertThat(Files.exists(ROOT.resolve("docker/grafana/provisioning/dashboards/community-defender.yaml"))).isTrue();
  }

  /** Every meter name the modules register ("cd.x.y" literals), as Prometheus writes it (cd_x_y). */
  private static Set<String> meterNames() throws Exception {
    Set<String> names = new TreeSet<>();
    Pattern literal = Pattern.compile("\"(cd\\.[a-z.]+)\"");
    try (Stream<Path> files = Files.walk(ROOT.resolve("modules"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("src/main")).toList()) {
        Matcher m = literal.matcher(Files.readString(f));
        while (m.find()) {
          names.add(m.group(1).replace('.', '_'));
        }
      }
    }
    return names;
  }
}
