package fr.communitydefender.enrichment;

import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.mention.MentionAnalysis;
import fr.communitydefender.enrichment.lang.LanguageIdentifier;
import fr.communitydefender.enrichment.model.SentimentModel;
import fr.communitydefender.enrichment.sentiment.FastSentiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Analyses every mention on the hot path: language, then the trained model of that language when one is configured,
 * else the fast sentiment tier. Thread-safe.
 */
public final class Enricher {
  private final LanguageIdentifier languages;
  private final FastSentiment fast;
  private final EnrichmentMetrics metrics;
  private final Map<String, SentimentModel> models;

  /** {@code models}: trained models by language; languages without one use the fast tier. */
  public Enricher(LanguageIdentifier languages, FastSentiment fast, EnrichmentMetrics metrics,
      Map<String, SentimentModel> models) {
    this.languages = languages;
    this.fast = fast;
    this.metrics = metrics;
    this.models = Map.copyOf(models);
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
    return new Enricher(new LanguageIdentifier(), fast, metrics, models);
  }

  public MentionAnalysis analyse(Mention mention) {
    String lang = languages.identify(mention.text(), mention.lang());
    SentimentModel model = models.get(lang);
    MentionAnalysis analysis = model != null ? model.analyse(mention.text(), lang) : fast.analyse(mention.text(), lang);
    metrics.analysed(analysis);
    return analysis;
  }
}
