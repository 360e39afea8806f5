package fr.communitydefender.enrichment.model;

import fr.communitydefender.domain.mention.SentimentCorrection;
import fr.communitydefender.enrichment.sentiment.FastSentiment;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Rebuilds the commune's model of one language from a base set (optional) and the console's corrections, the same
 * way from the console and the command line: on the same stratified folds the candidate is scored by
 * cross-validation (retrained on each fold's training part) and what runs today is scored as is, both only on
 * examples the model in use never saw — all of them when the fast tier runs, else the corrections made after the
 * active version was built (at least {@link #MIN_UNSEEN}). The candidate becomes active only when its estimate is at
 * least the current one's; otherwise it is kept, marked rejected, and nothing changes. A correction replaces a base
 * example with the same text.
 */
public final class Rebuild {
  /** Fewer examples than this cannot be cross-validated in five folds with every class in each. */
  public static final int MIN_EXAMPLES = 30;
  public static final int FOLDS = 5;
  /** Corrections made since the active version, needed to compare a candidate with it. */
  public static final int MIN_UNSEEN = 10;

  private Rebuild() {}

  /** What happened. */
  public record Outcome(ModelRegistry.Version version, boolean activated, String reason) {}

  /** The training examples: the base set, then the corrections of {@code lang} (which win over the same text). */
  public static List<SentimentModel.Example> examples(String lang, List<SentimentModel.Example> base,
      Collection<SentimentCorrection> corrections) {
    java.util.LinkedHashMap<String, SentimentModel.Example> byText = new java.util.LinkedHashMap<>();
    base.forEach(e -> byText.put(e.text(), e));
    corrections.stream().filter(c -> c.trains(lang))
        .forEach(c -> byText.put(c.text(), new SentimentModel.Example(c.text(), c.sentiment())));
    return new ArrayList<>(byText.values());
  }

  public static Outcome run(ModelRegistry registry, FastSentiment fast, String lang,
      List<SentimentModel.Example> base, Collection<SentimentCorrection> corrections, String by, Instant at)
      throws IOException {
    Objects.requireNonNull(by, "by");
    if (!ModelRegistry.LANGUAGES.contains(lang)) {
      throw new IllegalArgumentException("lang: fr or en, not '" + lang + "'");
    }
    List<SentimentModel.Example> examples = examples(lang, base, corrections);
    int fromCorrections = (int) corrections.stream().filter(c -> c.trains(lang)).count();
    long classes = examples.stream().map(SentimentModel.Example::label).distinct().count();
    if (examples.size() < MIN_EXAMPLES || classes < 3) {
      throw new IllegalStateException("not enough to learn from: " + examples.size() + " example(s) in " + classes
          + " class(es) for " + lang + "; at least " + MIN_EXAMPLES + " in the three classes are needed");
    }
    int active = registry.activeVersion(lang);
    SentimentModel current = active == 0 ? null : registry.load(lang, active);
    java.util.Set<String> unseen = new java.util.HashSet<>();
    if (current == null) {
      examples.forEach(e -> unseen.add(e.text()));
    } else {
      Instant built = registry.versions(lang).stream().filter(v -> v.version() == active).findFirst()
          .map(ModelRegistry.Version::at).orElse(Instant.MAX);
      corrections.stream().filter(c -> c.trains(lang) && c.at().isAfter(built)).forEach(c -> unseen.add(c.text()));
      if (unseen.size() < MIN_UNSEEN) {
        throw new IllegalStateException("only " + unseen.size() + " correction(s) of " + lang + " since version "
            + active + " was built; at least " + MIN_UNSEEN + " are needed to compare a new model with it");
      }
    }
    java.util.function.Predicate<SentimentModel.Example> scored = e -> unseen.contains(e.text());
    Function<String, String> today = current == null ? t -> fast.analyse(t, lang).sentiment()
        : t -> current.analyse(t, lang).sentiment();
    CrossValidation.Estimate now = CrossValidation.estimate(examples, FOLDS, train -> today, scored);
    CrossValidation.Estimate candidate = CrossValidation.estimate(examples, FOLDS, train -> {
      SentimentModel m = SentimentModel.train(lang, train, fast, SentimentModel.SIGMA);
      return t -> m.analyse(t, lang).sentiment();
    }, scored);
    boolean better = candidate.macroF1() >= now.macroF1();
    SentimentModel model = SentimentModel.train(lang, examples, fast, SentimentModel.SIGMA);
    String currentName = current == null ? "fast tier" : "version " + active;
    ModelRegistry.Version record = new ModelRegistry.Version(lang, 0, examples.size(), fromCorrections,
        candidate.macroF1(), now.macroF1(), currentName, better ? "candidate" : "rejected", by, at);
    int number = registry.add(model, record);
    if (better) {
      registry.activate(lang, number, "superseded");
    }
    ModelRegistry.Version saved = registry.versions(lang).stream().filter(v -> v.version() == number).findFirst()
        .orElseThrow();
    String reason = String.format(java.util.Locale.ROOT, "%s: cv_macro_f1=%.4f against %.4f for the %s",
        better ? "activated" : "rejected", candidate.macroF1(), now.macroF1(), currentName);
    return new Outcome(saved, better, reason);
  }
}
