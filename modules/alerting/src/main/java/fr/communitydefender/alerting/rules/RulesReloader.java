package fr.communitydefender.alerting.rules;

import fr.communitydefender.alerting.AlertingMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload of the rule folder: {@link #poll()} (called every few seconds) notices a change of the files' contents,
 * checks every file, and hands the new rules to {@code apply} only when all are valid; otherwise it logs each problem
 * (file:line:column: field) once and the previous rules stay active.
 */
public final class RulesReloader {
  private static final Logger LOG = LoggerFactory.getLogger(RulesReloader.class);

  /** What a poll did. */
  public enum Outcome { UNCHANGED, APPLIED, KEPT }

  private final Path source;
  private final Set<String> knownWatches;
  private final Consumer<AlertRules> apply;
  private final AlertingMetrics metrics;
  private AlertRules current;
  private String seen;

  public RulesReloader(AlertRules current, Set<String> knownWatches, Consumer<AlertRules> apply,
      AlertingMetrics metrics) {
    if (current.source() == null) {
      throw new IllegalArgumentException("rules not read from files cannot be reloaded");
    }
    this.source = current.source();
    this.current = current;
    this.knownWatches = Set.copyOf(knownWatches);
    this.apply = apply;
    this.metrics = metrics;
    this.seen = fingerprint();
  }

  public synchronized Outcome poll() {
    String now = fingerprint();
    if (now.equals(seen)) {
      return Outcome.UNCHANGED;
    }
    seen = now;
    List<AlertRules.FileCheck> checks = AlertRules.check(source, knownWatches);
    List<AlertRules.FileCheck> bad = checks.stream().filter(c -> !c.ok()).toList();
    if (!bad.isEmpty()) {
      bad.forEach(c -> LOG.atError().addKeyValue("problem", c.error())
          .log("alert rules changed but are invalid: the previous rules stay active"));
      metrics.rulesReload("kept");
      return Outcome.KEPT;
    }
    AlertRules loaded = AlertRules.load(source, knownWatches);
    if (loaded.rules().equals(current.rules())) {
      return Outcome.UNCHANGED;
    }
    apply.accept(loaded);
    current = loaded;
    metrics.rulesReload("applied");
    LOG.atInfo().addKeyValue("rules", loaded.rules().size()).log("alert rules reloaded");
    return Outcome.APPLIED;
  }

  public synchronized AlertRules current() {
    return current;
  }

  /** A digest of the rule files' names and contents (missing folder: a constant). */
  private String fingerprint() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      List<Path> files;
      if (Files.isDirectory(source)) {
        try (Stream<Path> s = Files.list(source)) {
          files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
      } else {
        files = Files.isRegularFile(source) ? List.of(source) : List.of();
      }
      for (Path f : files) {
        md.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update(Files.readAllBytes(f));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      return "unreadable:" + e.getMessage();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
