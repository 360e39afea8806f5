package fr.communitydefender.app.start;

import fr.communitydefender.enrichment.SentimentConfig;
import fr.communitydefender.streams.deep.DeepConfig;
import fr.communitydefender.alerting.rules.AlertRules;
import fr.communitydefender.app.demo.DemoDrill;
import fr.communitydefender.app.internal.LogSetup;
import fr.communitydefender.collectors.live.CollectorsConfig;
import fr.communitydefender.collectors.replay.ReplayFormat;
import fr.communitydefender.collectors.replay.ReplayOptions;
import fr.communitydefender.domain.config.ConfigException;
import fr.communitydefender.domain.watch.WatchesConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code start}: runs the chosen roles until interrupted (Ctrl-C stops cleanly and keeps the data). */
@Command(name = "start", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs Community Defender. Without --kafka-bootstrap it starts an embedded Kafka broker whose data "
        + "lives under --data-dir (kept across restarts)."})
public final class StartCommand implements Callable<Integer> {
  @Option(names = "--roles", split = ",", paramLabel = "ROLE",
      description = "Roles to run, comma-separated: collect, process, deep, alert, index, console, page (default: all).")
  Set<Role> roles = EnumSet.allOf(Role.class);

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: ${DEFAULT-VALUE}).")
  Path dataDir = Path.of("data");

  @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT",
      description = "External Kafka cluster; no embedded broker is started.")
  String kafkaBootstrap;

  @Option(names = "--kafka-properties", paramLabel = "FILE", defaultValue = "${env:CD_KAFKA_PROPERTIES}",
      description = "Kafka client settings (Java properties: security.protocol, ssl.*, sasl.*; secrets through "
          + "Kafka's config providers) for an external cluster with TLS, SASL and ACLs (see kafka-acls).")
  Path kafkaProperties;

  @Option(names = "--kafka-port", paramLabel = "PORT",
      description = "Port of the embedded broker (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int kafkaPort = 19092;

  @Option(names = "--partitions", description = "Partitions of new topics (default: ${DEFAULT-VALUE}).")
  int partitions = 3;

  @Option(names = "--replication-factor", description = "Replication of new topics on an external cluster "
      + "(default: the broker's).")
  Short replicationFactor;

  @Option(names = "--elasticsearch-url", paramLabel = "URL",
      description = "External Elasticsearch (https://host:9200); no embedded node is started.")
  String elasticsearchUrl;

  @Option(names = "--elasticsearch-api-key", paramLabel = "KEY", defaultValue = "${env:CD_ES_API_KEY}",
      description = "API key (base64 id:secret) for --elasticsearch-url (default: env CD_ES_API_KEY).")
  String elasticsearchApiKey;

  @Option(names = "--elasticsearch-api-key-file", paramLabel = "FILE", defaultValue = "${env:CD_ES_API_KEY_FILE}",
      description = "File holding the API key (e.g. a container secret; default: env CD_ES_API_KEY_FILE).")
  java.nio.file.Path elasticsearchApiKeyFile;

  @Option(names = "--elasticsearch-username", paramLabel = "USER", description = "Basic authentication user.")
  String elasticsearchUser;

  @Option(names = "--elasticsearch-password", paramLabel = "PASSWORD", defaultValue = "${env:CD_ES_PASSWORD}",
      description = "Basic authentication password (default: env CD_ES_PASSWORD).")
  String elasticsearchPassword;

  @Option(names = "--elasticsearch-ca", paramLabel = "FILE", description = "CA certificate(s), PEM, for TLS.")
  Path elasticsearchCa;

  @Option(names = "--es-port", paramLabel = "PORT",
      description = "HTTP port of the embedded Elasticsearch node (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int esPort = 19200;

  @Option(names = "--es-home", paramLabel = "DIR", defaultValue = "${sys:cd.es.home}", hidden = true,
      description = "Home of the embedded node (built as modules/es-node/target/es-home).")
  Path esHome;

  @Option(names = "--retention-days", description = "Days of mentions kept in Elasticsearch (default: "
      + "${DEFAULT-VALUE}); older daily indices are deleted.")
  int retentionDays = 90;

  @Option(names = "--replicas", description = "Replicas of new indices on an external cluster (default: 1).")
  Integer replicas;

  @Option(names = "--pseudonym-key", paramLabel = "FILE", description = "Secret used to pseudonymise authors "
      + "(created if absent; share it between the instances of one installation; default: DATA-DIR/secrets/"
      + "pseudonym.key).")
  Path pseudonymKey;

  @Option(names = "--http-host", description = "Console address (default: ${DEFAULT-VALUE}).")
  String httpHost = "127.0.0.1";

  @Option(names = "--http-port", description = "Console port (default: ${DEFAULT-VALUE}).")
  int httpPort = 8080;

  @Option(names = "--watches", paramLabel = "FILE",
      description = "Watches YAML (default: the demo watches built into the application).")
  Path watches;

  @Option(names = "--rules", paramLabel = "DIR|FILE", description = "Alert rules (default: ${DEFAULT-VALUE}).")
  Path rules = Path.of("alert-rules");

  @Option(names = "--model-dir", paramLabel = "DIR", description = "The commune's sentiment models, rebuilt from the "
      + "console's corrections (default: models under --data-dir; shared by the console and processing instances).")
  Path modelDir;

  @Option(names = "--sentiment-model", paramLabel = "FILE", description = "A sentiment model written by "
      + "scripts/train-sentiment, used for its language instead of the lexicon tier (repeatable, one per language).")
  List<Path> sentimentModels = List.of();

  @Option(names = "--deep-min-reach", paramLabel = "N", description = "Role deep: also analyse English mentions of "
      + "authors with at least this reach, incident or not (default: ${DEFAULT-VALUE}; 0 = only open incidents).")
  long deepMinReach = 10_000;

  @Option(names = "--deep-threads", paramLabel = "N", description = "Role deep: worker threads (each ~50 posts/s, "
      + "default: ${DEFAULT-VALUE}).")
  int deepThreads = 1;

  @Option(names = "--sentiment-lexicon", paramLabel = "LANG=FILE", description = "An external lexicon for the fast "
      + "tier of fr or en (e.g. fr=FEEL.csv: a CSV with word and polarity columns, or word<TAB>score lines); ranks "
      + "below ours and above the packaged npm lexicons (repeatable). Give the same to train-sentiment.")
  List<String> sentimentLexicons = List.of();

  @Option(names = "--collectors", paramLabel = "FILE", description = "Live collectors YAML (Mastodon, Bluesky, "
      + "RSS/Atom feeds, X, Facebook pages, webhook intakes); run by the collect role. See docs/operator-guide.md, \"Sources\".")
  Path collectors;

  @Option(names = "--oncall", paramLabel = "FILE", description = "On-call YAML (people, schedules, escalation "
      + "policies, quiet hours, email/SMS/webhook channels) for the page role. Without it, local mode pages the demo "
      + "on-call people through an in-process mail catcher (see /mailbox.html); with an external cluster nobody is paged.")
  Path oncall;

  @Option(names = "--approval-chains", paramLabel = "FILE", description = "Who approves what the city says "
      + "(default: the demo's approval-chains.yaml).")
  Path approvalChains;

  @Option(names = "--publishing", paramLabel = "FILE", description = "The commune's Mastodon and Bluesky accounts "
      + "(publishing.yaml; default in local mode: a local Mastodon stand-in).")
  Path publishing;

  @Option(names = "--mastodon-stand-in-port", paramLabel = "PORT", description = "Port of the local Mastodon stand-in "
      + "without --publishing (default: any free port).")
  int mastodonStandInPort;

  @Option(names = "--commune", paramLabel = "NAME", description = "The commune's name on incident reports.")
  String commune;

  @Option(names = "--public-url", paramLabel = "URL", description = "The console's address as people reach it "
      + "(e.g. https://veille.ville.fr): links in pages, accepted Host and Origin.")
  String publicUrl;

  @Option(names = "--allowed-host", split = ",", paramLabel = "HOST", description = "Further Host header values the "
      + "console accepts (besides localhost, 127.0.0.1, ::1 and the public URL's host); others are refused.")
  List<String> allowedHosts = List.of();

  @Option(names = "--secure-cookies", description = "Mark the session cookie Secure (when the console is behind TLS).")
  boolean secureCookies;

  @Option(names = "--session-idle", paramLabel = "DURATION", description = "Sign-out after this long without a "
      + "request (default: 30m).")
  String sessionIdle;

  @Option(names = "--session-max", paramLabel = "DURATION", description = "Sign-out this long after sign-in, "
      + "whatever (default: 12h).")
  String sessionMax;

  @Option(names = "--oidc-issuer", paramLabel = "URL", description = "OpenID Connect provider (issuer URL; discovery "
      + "at ISSUER/.well-known/openid-configuration). Local accounts keep working.")
  String oidcIssuer;

  @Option(names = "--oidc-client-id", paramLabel = "ID", description = "This console's client id at the provider.")
  String oidcClientId;

  @Option(names = "--oidc-client-secret-file", paramLabel = "FILE", description = "File holding the client secret "
      + "(omit for a public client: PKCE only).")
  Path oidcClientSecretFile;

  @Option(names = "--oidc-roles-claim", paramLabel = "CLAIM", description = "ID-token claim listing the user's groups "
      + "or roles (default: groups).")
  String oidcRolesClaim;

  @Option(names = "--oidc-role", split = ";", paramLabel = "VALUE=ROLES", description = "A claim value and the console "
      + "roles it grants, e.g. com-cellule-crise=drafter,approver (repeatable).")
  List<String> oidcRoles = List.of();

  @Option(names = "--ack-key", paramLabel = "FILE", description = "Secret signing the acknowledgement links of pages "
      + "(created if absent; share it between the page and console instances; default: DATA-DIR/secrets/ack.key).")
  Path ackKey;

  @Option(names = "--mail-catcher-port", paramLabel = "PORT", description = "SMTP port of the demo mail catcher "
      + "(local mode without --oncall; default: ${DEFAULT-VALUE}; 0 = any free port).")
  int mailCatcherPort = 3025;

  @Option(names = "--demo", description = "Write the synthetic demo drill to the data directory and replay it "
      + "(speed 60, rebased to now, unless --speed/--no-rebase say otherwise).")
  boolean demo;

  @Option(names = "--replay", paramLabel = "FILE",
      description = "Replay a recorded dataset: JSON Lines of mentions, or a CrisisLexT26 *-tweetids_entire_period.csv.")
  Path replay;

  @Option(names = "--format", description = "Replay format: jsonl or crisislex (default: from the file name).")
  ReplayFormat format;

  @Option(names = "--speed", description = "Replay speed, ×N real time; 0 = as fast as possible (default: 60).")
  double speed = 60;

  @Option(names = "--rebase", negatable = true, description = "Shift replayed event times so the last is now, "
      + "ids suffixed per run (default: on for --demo, off otherwise).")
  Boolean rebase;

  @Option(names = "--assign-watch", split = ",", paramLabel = "WATCH",
      description = "Tag every replayed mention with these watches (e.g. for CrisisLex timelines).")
  List<String> assignWatches = List.of();

  @Option(names = "--no-progress", description = "No progress bar during replays.")
  boolean noProgress;

  @Option(names = "--log-json", description = "Log as JSON lines instead of readable lines.")
  boolean logJson;

  @Option(names = "--dry-run", description = "Read the options and configuration files, say what would run, and "
      + "stop there (nothing is started).")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    LogSetup.apply(logJson);
    long t0 = System.nanoTime();
    RuntimeOptions options;
    try {
      options = options();
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("community-defender: " + e.getMessage());
      return 2;
    }
    if (dryRun) {
      System.err.println("community-defender: options and configuration valid; would start roles " + options.roles()
          + (kafkaBootstrap == null ? " with an embedded Kafka broker" : " against Kafka " + kafkaBootstrap)
          + " (--dry-run: nothing started)");
      return 0;
    }
    CountDownLatch stop = new CountDownLatch(1);
    Assembly runtime;
    try {
      runtime = Assembly.start(options);
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      System.err.println("community-defender: cannot start: " + root.getMessage());
      return 1;
    }
    Thread hook = new Thread(() -> {
      runtime.close();
      stop.countDown();
    }, "cd-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    String url = runtime.consolePort() > 0 ? " — console http://" + httpHost + ":" + runtime.consolePort() : "";
    System.err.printf("community-defender: started in %.1f s (roles %s, Kafka %s)%s%n", ms / 1000.0,
        options.roles(), runtime.bootstrapServers(), url);
    if (runtime.mastodonStandIn() != null) {
      System.err.println("community-defender: responses published to Mastodon go to a local stand-in: "
          + runtime.mastodonStandIn().baseUrl() + "/api/v1/accounts/1/statuses");
    }
    if (options.console().demoAccounts() && runtime.consolePort() > 0) {
      System.err.print("community-defender: demo accounts (user / password, roles):\n"
          + fr.communitydefender.app.demo.DemoAccounts.describe());
    }
    stop.await();
    return 0;
  }

  RuntimeOptions options() throws IOException {
    if (elasticsearchApiKeyFile != null && !elasticsearchApiKeyFile.toString().isBlank()) {
      try {
        elasticsearchApiKey = java.nio.file.Files.readString(elasticsearchApiKeyFile).trim();
      } catch (IOException e) {
        throw new IllegalArgumentException("--elasticsearch-api-key-file: cannot read " + elasticsearchApiKeyFile
            + ": " + e.getClass().getSimpleName());
      }
    }
    if (kafkaProperties != null && !kafkaProperties.toString().isBlank()) {
      fr.communitydefender.domain.topic.KafkaClients.configure(kafkaProperties);
    }
    WatchesConfig watchesConfig = watches != null ? WatchesConfig.load(watches) : DemoDrill.watches(dataDir);
    AlertRules alertRules = roles.contains(Role.ALERT)
        ? AlertRules.load(rules, watchesConfig.ids()) : new AlertRules(List.of());
    ReplayOptions replayOptions = null;
    if (replay != null && demo) {
      throw new IllegalArgumentException("choose either --demo or --replay");
    }
    if (demo) {
      replayOptions = new ReplayOptions(DemoDrill.write(dataDir), ReplayFormat.JSONL, speed,
          rebase == null || rebase, assignWatches, !noProgress);
    } else if (replay != null) {
      replayOptions = new ReplayOptions(replay, format, speed, rebase != null && rebase, assignWatches, !noProgress);
    }
    SentimentConfig sentiment = new SentimentConfig(sentimentModels, SentimentConfig.parseLexicons(sentimentLexicons),
        modelDir != null ? modelDir : dataDir.resolve("models"));
    for (String w : assignWatches) {
      if (!watchesConfig.ids().contains(w)) {
        throw new IllegalArgumentException("--assign-watch: unknown watch '" + w + "'");
      }
    }
    StorageOptions storage = new StorageOptions(blankToNull(elasticsearchUrl),
        elasticsearchUser == null ? blankToNull(elasticsearchApiKey) : null, elasticsearchUser,
        blankToNull(elasticsearchPassword), elasticsearchCa, esHome, esPort, retentionDays, replicas,
        pseudonymKey != null ? pseudonymKey : dataDir.resolve("secrets").resolve("pseudonym.key"));
    return new RuntimeOptions(roles, dataDir, kafkaBootstrap, kafkaPort, httpHost, httpPort, partitions,
        replicationFactor, watchesConfig, alertRules, replayOptions, storage, sentiment,
        new DeepConfig(deepMinReach, java.time.Duration.ofHours(1), deepThreads),
        collectors == null ? null : CollectorsConfig.load(collectors),
        new PagingOptions(oncall == null ? null : fr.communitydefender.paging.oncall.OnCallConfig.load(oncall),
            ackKey != null ? ackKey : dataDir.resolve("secrets").resolve("ack.key"), mailCatcherPort),
        new ConsoleOptions(access(), demo, commune != null ? commune : demo ? "Sainte-Aure (démo)" : null),
        new RoomOptions(approvalChains == null ? null
            : fr.communitydefender.room.chains.ApprovalChains.load(approvalChains),
            publishing == null ? null : fr.communitydefender.room.publish.PublishingConfig.load(publishing),
            mastodonStandInPort));
  }

  fr.communitydefender.console.access.AccessConfig access() throws IOException {
    fr.communitydefender.console.access.OidcConfig oidc = null;
    if (oidcIssuer != null) {
      java.util.Map<String, java.util.Set<fr.communitydefender.domain.access.Role>> mapping = new java.util.HashMap<>();
      for (String m : oidcRoles) {
        int eq = m.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("--oidc-role: expected VALUE=ROLE[,ROLE], got '" + m + "'");
        }
        java.util.Set<fr.communitydefender.domain.access.Role> roles = java.util.EnumSet.noneOf(
            fr.communitydefender.domain.access.Role.class);
        for (String r : m.substring(eq + 1).split(",")) {
          roles.add(fr.communitydefender.domain.access.Role.of(r));
        }
        mapping.put(m.substring(0, eq).strip(), roles);
      }
      oidc = new fr.communitydefender.console.access.OidcConfig(oidcIssuer, oidcClientId,
          oidcClientSecretFile == null ? null : java.nio.file.Files.readString(oidcClientSecretFile).strip(),
          oidcRolesClaim, mapping, null);
    }
    return new fr.communitydefender.console.access.AccessConfig(blankToNull(publicUrl), allowedHosts,
        sessionIdle == null ? null : fr.communitydefender.domain.config.Durations.parse(sessionIdle),
        sessionMax == null ? null : fr.communitydefender.domain.config.Durations.parse(sessionMax), secureCookies, oidc,
        null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
