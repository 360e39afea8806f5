package fr.communitydefender.esnode.plugin;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Lucene's French analysis (elision of l', d', qu'…, lower case, French stop words, light stemming) followed by ASCII
 * folding, so that "inondé", "inondée" and "inondees" meet.
 */
public final class CdFrenchAnalyzer extends StopwordAnalyzerBase {
  private final CharArraySet stemExclusions;

  public CdFrenchAnalyzer(CharArraySet stopwords, CharArraySet stemExclusions) {
    super(stopwords);
    this.stemExclusions = CharArraySet.unmodifiableSet(CharArraySet.copy(stemExclusions));
  }

  public CdFrenchAnalyzer() {
    this(FrenchAnalyzer.getDefaultStopSet(), CharArraySet.EMPTY_SET);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
    result = new LowerCaseFilter(result);
    result = new StopFilter(result, stopwords);
    if (!stemExclusions.isEmpty()) {
      result = new SetKeywordMarkerFilter(result, stemExclusions);
    }
    result = new FrenchLightStemFilter(result);
    result = new ASCIIFoldingFilter(result);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    TokenStream result = new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES);
    result = new LowerCaseFilter(result);
    return new ASCIIFoldingFilter(result);
  }
}
