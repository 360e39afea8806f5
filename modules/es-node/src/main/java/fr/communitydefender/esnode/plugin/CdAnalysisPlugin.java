package fr.communitydefender.esnode.plugin;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.RestHandler;

/**
 * What the product needs that the Maven Central server jars lack: the {@code french} analyzer, the
 * {@code asciifolding} token filter, and {@code GET /}. Loaded as a module of the embedded node.
 */
public final class CdAnalysisPlugin extends Plugin implements AnalysisPlugin, ActionPlugin {
  private volatile ClusterService clusterService;

  @Override
  public Collection<?> createComponents(PluginServices services) {
    clusterService = services.clusterService();
    return List.of();
  }

  @Override
  public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
    return Map.of("french", (indexSettings, env, name, settings) -> {
      CharArraySet exclusions = new CharArraySet(settings.getAsList("stem_exclusion"), true);
      List<String> stop = settings.getAsList("stopwords", null);
      CharArraySet stopwords = stop == null ? FrenchAnalyzer.getDefaultStopSet()
          : stop.equals(List.of("_none_")) ? CharArraySet.EMPTY_SET : new CharArraySet(stop, true);
      CdFrenchAnalyzer analyzer = new CdFrenchAnalyzer(stopwords, exclusions);
      return new AbstractIndexAnalyzerProvider<CdFrenchAnalyzer>(name) {
        @Override
        public CdFrenchAnalyzer get() {
          return analyzer;
        }
      };
    });
  }

  @Override
  public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
    return Map.of("asciifolding", (indexSettings, env, name, settings) -> {
      boolean preserve = settings.getAsBoolean("preserve_original", false);
      return new AbstractTokenFilterFactory(name) {
        @Override
        public TokenStream create(TokenStream in) {
          return new ASCIIFoldingFilter(in, preserve);
        }
      };
    });
  }

  @Override
  public Collection<RestHandler> getRestHandlers(RestHandlersServices services, Supplier<DiscoveryNodes> nodes,
      Predicate<NodeFeature> clusterSupportsFeature) {
    Supplier<ClusterService> cs = () -> clusterService;
    return List.of(new RootInfoHandler(cs));
  }
}
