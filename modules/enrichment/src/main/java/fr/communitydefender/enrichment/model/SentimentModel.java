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

  public static SentimentModel load(Path file, FastSentiment fast) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
        ObjectInputStream ois = new ObjectInputStream(in)) {
      SentimentModel model = (SentimentModel) ois.readObject();
      model.fast = fast;
      return model;
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IOException(file + ": not a sentiment model of this version", e);
    }
  }
}
