package fr.communitydefender.enrichment;

import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.mention.MentionAnalysis;
import fr.communitydefender.enrichment.lang.LanguageIdentifier;
import fr.communitydefender.enrichment.sentiment.FastSentiment;

/** Analyses every mention on the hot path: language, then the fast sentiment tier. Thread-safe. */
public final class Enricher {
  private final LanguageIdentifier languages;
  private final FastSentiment fast;
  private final EnrichmentMetrics metrics;

  public Enricher(LanguageIdentifier languages, FastSentiment fast, EnrichmentMetrics metrics) {
    this.languages = languages;
    this.fast = fast;
    this.metrics = metrics;
  }

  /** The default enricher: Lingua and the built-in lexicons. */
  public static Enricher standard(EnrichmentMetrics metrics) {
    return new Enricher(new LanguageIdentifier(), FastSentiment.withBuiltInLexicons(), metrics);
  }

  public MentionAnalysis analyse(Mention mention) {
    String lang = languages.identify(mention.text());
    MentionAnalysis analysis = fast.analyse(mention.text(), lang);
    metrics.analysed(analysis);
    return analysis;
  }
}
