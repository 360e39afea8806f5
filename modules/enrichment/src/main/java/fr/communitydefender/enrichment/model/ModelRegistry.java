package fr.communitydefender.enrichment.model;

import fr.communitydefender.domain.json.Json;
import fr.communitydefender.enrichment.sentiment.FastSentiment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commune's sentiment models, one directory: each version of each language as {@code fr-3.model.gz} with its
 * record {@code fr-3.json} ({@link Version}), and {@code fr.active} naming the version in use (none: the fast tier,
 * or the model the configuration names). Versions are never overwritten, so a rollback is a change of
 * {@code fr.active}; every change is written to a temporary file and moved into place. The processing role reads
 * the active version through {@link #active}, which looks at {@code fr.active} at most every {@code recheck}, so a
 * rebuilt or rolled-back model is picked up without a restart (in a cluster: a volume shared by the console and the
 * processing instances).
 */
public final class ModelRegistry {
  private static final Pattern MODEL = Pattern.compile("(fr|en)-(\\d+)\\.json");
  public static final List<String> LANGUAGES = List.of("fr", "en");

  /**
   * One version. {@code status}: active, superseded (a later one replaced it), rejected (its cross-validation
   * estimate was below the model in use on the same folds), rolled-back.
   */
  public record Version(String lang, int version, int examples, int corrections, double cvMacroF1,
      double currentCvMacroF1, String current, String status, String by, Instant at) {}

  private final Path dir;
  private final FastSentiment fast;
  private final java.time.Duration recheck;
  private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

  private record Loaded(int version, SentimentModel model, long checkedAtNanos) {}

  public ModelRegistry(Path dir, FastSentiment fast, java.time.Duration recheck) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.fast = Objects.requireNonNull(fast, "fast");
    this.recheck = Objects.requireNonNull(recheck, "recheck");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("model directory " + dir + ": cannot create it", e);
    }
  }

  public Path dir() {
    return dir;
  }

  /** Every version of {@code lang}, newest first. */
  public List<Version> versions(String lang) {
    List<Version> out = new ArrayList<>();
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Matcher m = MODEL.matcher(p.getFileName().toString());
        if (m.matches() && m.group(1).equals(lang)) {
          out.add(Json.MAPPER.readValue(p.toFile(), Version.class));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("model directory " + dir + ": " + e.getMessage(), e);
    }
    out.sort(Comparator.comparingInt(Version::version).reversed());
    return out;
  }

  /** The active version number of {@code lang}, or 0 when none is. */
  public int activeVersion(String lang) {
    Path p = dir.resolve(lang + ".active");
    try {
      return Files.exists(p) ? Integer.parseInt(Files.readString(p, StandardCharsets.UTF_8).strip()) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  /** The active model of {@code lang}, or null; re-reads {@code <lang>.active} at most every {@code recheck}. */
  public SentimentModel active(String lang) {
    Loaded l = loaded.get(lang);
    long now = System.nanoTime();
    if (l != null && now - l.checkedAtNanos() < recheck.toNanos()) {
      return l.model();
    }
    int v = activeVersion(lang);
    SentimentModel model = l != null && l.version() == v ? l.model() : v == 0 ? null : load(lang, v);
    loaded.put(lang, new Loaded(v, model, now));
    return model;
  }

  public SentimentModel load(String lang, int version) {
    try {
      return SentimentModel.load(dir.resolve(lang + "-" + version + ".model.gz"), fast);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a new version (not active yet) and returns its number. */
  public synchronized int add(SentimentModel model, Version record) throws IOException {
    int next = versions(record.lang()).stream().mapToInt(Version::version).max().orElse(0) + 1;
    Path tmp = dir.resolve(".tmp-" + record.lang() + "-" + next + ".model.gz");
    model.save(tmp);
    move(tmp, dir.resolve(record.lang() + "-" + next + ".model.gz"));
    write(record.lang() + "-" + next + ".json", Json.MAPPER.writeValueAsString(withNumber(record, next)));
    return next;
  }

  /** Makes {@code version} the active one; the one it replaces becomes {@code previousStatus}. */
  public synchronized void activate(String lang, int version, String previousStatus) throws IOException {
    int before = activeVersion(lang);
    if (before != 0 && before != version) {
      setStatus(lang, before, previousStatus);
    }
    if (version != 0) {
      setStatus(lang, version, "active");
    }
    write(lang + ".active", String.valueOf(version));
    loaded.remove(lang);
  }

  public synchronized void setStatus(String lang, int version, String status) throws IOException {
    Version v = versions(lang).stream().filter(x -> x.version() == version).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no version " + version + " of the " + lang + " model"));
    write(lang + "-" + version + ".json", Json.MAPPER.writeValueAsString(new Version(v.lang(), v.version(),
        v.examples(), v.corrections(), v.cvMacroF1(), v.currentCvMacroF1(), v.current(), status, v.by(), v.at())));
  }

  /**
   * Goes back to the version that was active before the active one (the newest earlier version that was ever
   * active: superseded), or to no model (the fast tier) when there is none; returns the version now active (0: none).
   */
  public synchronized int rollback(String lang) throws IOException {
    int current = activeVersion(lang);
    if (current == 0) {
      throw new IllegalStateException("no model of " + lang + " is active: nothing to roll back");
    }
    int previous = versions(lang).stream().filter(v -> v.version() < current && "superseded".equals(v.status()))
        .mapToInt(Version::version).max().orElse(0);
    activate(lang, previous, "rolled-back");
    return previous;
  }

  private static Version withNumber(Version v, int n) {
    return new Version(v.lang(), n, v.examples(), v.corrections(), v.cvMacroF1(), v.currentCvMacroF1(), v.current(),
        v.status(), v.by(), v.at());
  }

  private void write(String name, String content) throws IOException {
    Path tmp = dir.resolve(".tmp-" + name);
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    move(tmp, dir.resolve(name));
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
