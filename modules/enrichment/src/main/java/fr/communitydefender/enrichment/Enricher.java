package fr.communitydefender.enrichment;

import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.mention.MentionAnalysis;
import fr.communitydefender.enrichment.lang.LanguageIdentifier;
import fr.communitydefender.enrichment.model.ModelRegistry;
import fr.communitydefender.enrichment.model.SentimentModel;
import fr.communitydefender.enrichment.sentiment.FastSentiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Analyses every mention on the hot path: language, then the commune's active model of that language (rebuilt from
 * the console's corrections), else the trained model configured for it, else the fast sentiment tier. Thread-safe.
 */
public final class Enricher {
  private final LanguageIdentifier languages;
  private final FastSentiment fast;
  private final EnrichmentMetrics metrics;
  private final Map<String, SentimentModel> models;
  private final ModelRegistry registry;

  /** {@code models}: trained models by language; languages without one use the fast tier. */
  public Enricher(LanguageIdentifier languages, FastSentiment fast, EnrichmentMetrics metrics,
      Map<String, SentimentModel> models) {
    this(languages, fast, metrics, models, null);
  }

  /** {@code registry}: the commune's models (null: none); its active model of a language wins over {@code models}. */
  public Enricher(LanguageIdentifier languages, FastSentiment fast, EnrichmentMetrics metrics,
      Map<String, SentimentModel> models, ModelRegistry registry) {
    this.languages = languages;
    this.fast = fast;
    this.metrics = metrics;
    this.models = Map.copyOf(models);
    this.registry = registry;
  }

  /** The default enricher: Lingua and the built-in lexicons, no trained model. */
  public static Enricher standard(EnrichmentMetrics metrics) {
    return new Enricher(new LanguageIdentifier(), FastSentiment.withBuiltInLexicons(), metrics, Map.of());
  }

  /** Lingua, the built-in lexicons with the configured external ones, and the configured trained models. */
  public static Enricher configured(EnrichmentMetrics metrics, SentimentConfig config) throws IOException {
    FastSentiment fast = FastSentiment.withLexicons(config.lexicons("fr"), config.lexicons("en"));
    Map<String, SentimentModel> models = new HashMap<>();
    for (Path file : config.models()) {
      SentimentModel model = SentimentModel.load(file, fast);
      if (models.putIfAbsent(model.lang(), model) != null) {
        throw new IllegalArgumentException("two sentiment models for language " + model.lang());
      }
    }
    ModelRegistry registry = config.modelDir() == null ? null
        : new ModelRegistry(config.modelDir(), fast, java.time.Duration.ofSeconds(10));
    return new Enricher(new LanguageIdentifier(), fast, metrics, models, registry);
  }

  public MentionAnalysis analyse(Mention mention) {
    String lang = languages.identify(mention.text(), mention.lang());
    SentimentModel model = registry == null ? null : registry.active(lang);
    if (model == null) {
      model = models.get(lang);
    }
    MentionAnalysis analysis = model != null ? model.analyse(mention.text(), lang) : fast.analyse(mention.text(), lang);
    metrics.analysed(analysis);
    return analysis;
  }
}
