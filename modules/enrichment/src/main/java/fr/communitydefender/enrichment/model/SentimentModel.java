package fr.communitydefender.enrichment.model;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.Counter;
import edu.stanford.nlp.stats.Counters;
import fr.communitydefender.domain.mention.MentionAnalysis;
import fr.communitydefender.enrichment.sentiment.FastSentiment;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The optional trained tier: CoreNLP's linear classifier (L2-regularised logistic regression) over {@link Features},
 * learned from a labelled set by the {@code train} command and loaded from a file the configuration points to.
 */
public final class SentimentModel implements Serializable {
  public static final String TIER = "trained-linear";
  /** The default regularisation (Gaussian prior's sigma), chosen by cross-validation on the training sets. */
  public static final double SIGMA = 0.3;
  private static final long serialVersionUID = 1L;

  private final String lang;
  private final LinearClassifier<String, String> classifier;
  private transient FastSentiment fast;

  private SentimentModel(String lang, LinearClassifier<String, String> classifier) {
    this.lang = lang;
    this.classifier = classifier;
  }

  /** One labelled example: label negative, neutral or positive. */
  public record Example(String text, String label) {}

  public static SentimentModel train(String lang, List<Example> examples, FastSentiment fast, double sigma) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    RVFDataset<String, String> data = new RVFDataset<>();
    for (Example e : examples) {
      data.add(new RVFDatum<>(Features.of(e.text(), lang, fast.analyse(e.text(), lang)), e.label()));
    }
    LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
    factory.setSigma(sigma);
    factory.setVerbose(false);
    SentimentModel model = new SentimentModel(lang, factory.trainClassifier(data));
    model.fast = fast;
    return model;
  }

  public String lang() {
    return lang;
  }

  public MentionAnalysis analyse(String text, String textLang) {
    MentionAnalysis base = fast.analyse(text, textLang);
    if (MentionAnalysis.UNSUPPORTED.equals(base.sentiment())) {
      return base;
    }
    Counter<String> p = classifier.probabilityOf(new RVFDatum<>(Features.of(text, textLang, base), null));
    String label = Counters.argmax(p);
    double score = p.getCount(MentionAnalysis.POSITIVE) - p.getCount(MentionAnalysis.NEGATIVE);
    return new MentionAnalysis(textLang, label, Math.max(-1, Math.min(1, score)), base.drivers(), TIER, null);
  }

  public void save(Path file) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
        ObjectOutputStream oos = new ObjectOutputStream(out)) {
      oos.writeObject(this);
    }
  }

  /**
   * What a model file may contain: this class, CoreNLP's classifier, its indices and counters, and the JDK's
   * collections, strings and numbers — any other class is refused before it is created (no gadget chain through a
   * crafted file), within bounds of depth, references and size.
   */
  static final java.io.ObjectInputFilter FILTER = java.io.ObjectInputFilter.Config.createFilter(
      "maxdepth=30;maxrefs=50000000;maxbytes=1000000000;maxarray=100000000;"
      + "fr.communitydefender.enrichment.model.SentimentModel;edu.stanford.nlp.classify.LinearClassifier;"
      + "edu.stanford.nlp.util.HashIndex;edu.stanford.nlp.util.Index;edu.stanford.nlp.stats.ClassicCounter;"
      + "edu.stanford.nlp.util.MutableDouble;edu.stanford.nlp.util.MapFactory*;"
      + "java.lang.String;java.lang.Number;java.lang.Double;java.lang.Integer;java.lang.Long;java.lang.Boolean;"
      + "java.lang.Enum;java.util.ArrayList;java.util.HashMap;java.util.LinkedHashMap;java.util.HashSet;"
      + "java.util.concurrent.ConcurrentHashMap*;java.util.concurrent.locks.ReentrantLock*;"
      + "java.util.concurrent.locks.AbstractQueuedSynchronizer;java.util.concurrent.locks.AbstractOwnableSynchronizer;"
      + "java.util.concurrent.Semaphore*;java.util.Collections$*;java.util.Map$Entry;java.lang.Object;!*");

  public static SentimentModel load(Path file, FastSentiment fast) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
        ObjectInputStream ois = new ObjectInputStream(in)) {
      ois.setObjectInputFilter(FILTER);
      SentimentModel model = (SentimentModel) ois.readObject();
      model.fast = fast;
      return model;
    } catch (java.io.InvalidClassException e) {
      throw new IOException(file + ": refused, it holds a class a sentiment model does not contain (" + e.getMessage()
          + ")", e);
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IOException(file + ": not a sentiment model of this version", e);
    }
  }
}
