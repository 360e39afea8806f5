package fr.communitydefender.alerting.rules;

import fr.communitydefender.domain.config.ConfigException;
import fr.communitydefender.domain.config.YamlConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The loaded rule set: every {@code *.yaml}/{@code *.yml} of a folder (or one file), ids unique across files. */
public record AlertRules(List<AlertRule> rules, Path source) {
  public AlertRules {
    rules = List.copyOf(rules);
  }

  /** Rules not read from files (tests, harnesses): nothing to reload. */
  public AlertRules(List<AlertRule> rules) {
    this(rules, null);
  }

  /**
   * Loads and checks the rules; {@code knownWatches} are the watch ids a rule may name ({@code *} is always allowed).
   *
   * @throws ConfigException naming file, line and field of the first problem
   */
  public static AlertRules load(Path dirOrFile, Set<String> knownWatches) {
    List<Path> files = files(dirOrFile);
    List<AlertRule> all = new ArrayList<>();
    Map<String, String> firstSeen = new HashMap<>();
    for (Path file : files) {
      List<AlertRule> rules = YamlConfigLoader.load(file, AlertRulesFile.class).rules();
      for (int i = 0; i < rules.size(); i++) {
        AlertRule rule = rules.get(i);
        String here = file + " rules[" + i + "]";
        String previous = firstSeen.putIfAbsent(rule.id(), here);
        if (previous != null) {
          throw YamlConfigLoader.errorAt(file, "rules[" + i + "].id",
              "duplicate rule id '" + rule.id() + "' (first defined in " + previous + ")");
        }
        String unknown = rule.watches().stream()
            .filter(w -> !AlertRule.ALL_WATCHES.equals(w) && !knownWatches.contains(w)).findFirst().orElse(null);
        if (unknown != null) {
          throw YamlConfigLoader.errorAt(file, "rules[" + i + "].watch",
              "unknown watch '" + unknown + "' (known: " + String.join(", ", knownWatches.stream().sorted()
                  .toList()) + ")");
        }
        all.add(rule);
      }
    }
    return new AlertRules(all, dirOrFile);
  }

  /** The verdict on one rule file: how many rules it holds, or the first problem (file:line:column: field: …). */
  public record FileCheck(Path file, int rules, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  /**
   * Checks every file on its own (like {@code amtool check-config}), then ids across files: one verdict per file,
   * none stopping the others.
   */
  public static List<FileCheck> check(Path dirOrFile, Set<String> knownWatches) {
    List<FileCheck> out = new ArrayList<>();
    Map<String, String> firstSeen = new HashMap<>();
    List<Path> files;
    try {
      files = files(dirOrFile);
    } catch (ConfigException e) {
      return List.of(new FileCheck(dirOrFile, 0, e.getMessage()));
    }
    for (Path file : files) {
      try {
        List<AlertRule> rules = load(file, knownWatches).rules();
        for (int i = 0; i < rules.size(); i++) {
          String previous = firstSeen.putIfAbsent(rules.get(i).id(), file + " rules[" + i + "]");
          if (previous != null) {
            throw YamlConfigLoader.errorAt(file, "rules[" + i + "].id",
                "duplicate rule id '" + rules.get(i).id() + "' (first defined in " + previous + ")");
          }
        }
        out.add(new FileCheck(file, rules.size(), null));
      } catch (ConfigException e) {
        out.add(new FileCheck(file, 0, e.getMessage()));
      }
    }
    return out;
  }

  private static List<Path> files(Path dirOrFile) {
    if (!Files.isDirectory(dirOrFile)) {
      if (!Files.isRegularFile(dirOrFile)) {
        throw new ConfigException(dirOrFile.toString(), 0, 0, "", "no such file or folder");
      }
      return List.of(dirOrFile);
    }
    try (Stream<Path> s = Files.list(dirOrFile)) {
      return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
