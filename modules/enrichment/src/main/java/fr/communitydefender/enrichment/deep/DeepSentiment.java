package fr.communitydefender.enrichment.deep;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import fr.communitydefender.domain.mention.MentionAnalysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.ejml.simple.SimpleMatrix;

/**
 * The deep tier, English only: CoreNLP's RNTN sentiment over binarized trees of the shift-reduce parser (4–8× faster
 * than the PCFG parser for the same accuracy). Five-class sentence distributions are averaged weighted by sentence
 * length; the label is the largest of negative (very negative + negative), neutral, positive; the score is the
 * expected value in [-1, 1]; drivers are the shortest phrases the model scored non-neutral with most confidence.
 * Loads ~650 MB of models in 8–15 s; thread-safe (CoreNLP pipelines are).
 */
public final class DeepSentiment {
  public static final String TIER = "deep-rntn";
  static final int MAX_CHARS = 2_000;
  private static final int MAX_DRIVERS = 5;
  private static final java.util.regex.Pattern NOISE =
      java.util.regex.Pattern.compile("https?://\\S+|(?<!\\w)@\\w+:?");
  private final StanfordCoreNLP pipeline;

  private DeepSentiment(StanfordCoreNLP pipeline) {
    this.pipeline = pipeline;
  }

  /** Whether the model files (module {@code cd-nlp-models}) are on the class path. */
  public static boolean available() {
    return DeepSentiment.class.getResource("/edu/stanford/nlp/models/srparser/englishSR.ser.gz") != null;
  }

  public static DeepSentiment load() {
    if (!available()) {
      throw new IllegalStateException("the deep tier needs the CoreNLP models jar (cd-nlp-models) on the class path");
    }
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
    p.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=false");
    p.setProperty("pos.model", "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger");
    p.setProperty("parse.model", "edu/stanford/nlp/models/srparser/englishSR.ser.gz");
    p.setProperty("parse.binaryTrees", "true");
    p.setProperty("parse.maxlen", "80");
    p.setProperty("sentiment.model", "edu/stanford/nlp/models/sentiment/sentiment.ser.gz");
    return new DeepSentiment(new StanfordCoreNLP(p));
  }

  public MentionAnalysis analyse(String text) {
    if (text == null || text.isBlank()) {
      return new MentionAnalysis("en", MentionAnalysis.UNSUPPORTED, 0, List.of(), TIER, "empty");
    }
    String input = prepare(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
    Annotation doc = pipeline.process(input);
    double[] dist = new double[5];
    double weight = 0;
    List<Phrase> phrases = new ArrayList<>();
    for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
      Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
      if (tree == null) {
        continue; // longer than parse.maxlen: not parsed
      }
      SimpleMatrix p = RNNCoreAnnotations.getPredictions(tree);
      int len = tree.getLeaves().size();
      for (int k = 0; k < 5; k++) {
        dist[k] += p.get(k) * len;
      }
      weight += len;
      collect(tree, phrases);
    }
    if (weight == 0) {
      return new MentionAnalysis("en", MentionAnalysis.UNSUPPORTED, 0, List.of(), TIER, "no parsable sentence");
    }
    double neg = (dist[0] + dist[1]) / weight;
    double neu = dist[2] / weight;
    double pos = (dist[3] + dist[4]) / weight;
    double score = (-dist[0] - 0.5 * dist[1] + 0.5 * dist[3] + dist[4]) / weight;
    String label = neu >= neg && neu >= pos ? MentionAnalysis.NEUTRAL
        : neg > pos ? MentionAnalysis.NEGATIVE : MentionAnalysis.POSITIVE;
    List<String> drivers = phrases.stream().filter(ph -> label.equals(ph.label()))
        .sorted(Comparator.comparingDouble(Phrase::confidence).reversed()).map(Phrase::text).distinct()
        .limit(MAX_DRIVERS).toList();
    return new MentionAnalysis("en", label, score, drivers, TIER, null);
  }

  /** Links and @handles carry no sentiment and cost parse time: dropped; "#" of hashtags dropped (the word stays). */
  static String prepare(String text) {
    return NOISE.matcher(text).replaceAll(" ").replace("#", "").strip();
  }

  /** A phrase of at most three words the model scored non-neutral, with the probability of its class. */
  private record Phrase(String text, String label, double confidence) {}

  private static void collect(Tree node, List<Phrase> out) {
    if (node.isLeaf()) {
      return;
    }
    List<Tree> leaves = node.getLeaves();
    if (node.isPreTerminal() || leaves.size() <= 3) {
      int c = RNNCoreAnnotations.getPredictedClass(node);
      if (c != 2) {
        StringBuilder sb = new StringBuilder();
        for (Tree leaf : leaves) {
          sb.append(sb.isEmpty() ? "" : " ").append(leaf.label().value());
        }
        SimpleMatrix p = RNNCoreAnnotations.getPredictions(node);
        out.add(new Phrase(sb.toString(), c < 2 ? MentionAnalysis.NEGATIVE : MentionAnalysis.POSITIVE,
            c < 2 ? p.get(0) + p.get(1) : p.get(3) + p.get(4)));
        if (!node.isPreTerminal()) {
          return; // the phrase explains its words
        }
      }
    }
    for (Tree child : node.children()) {
      collect(child, out);
    }
  }
}
