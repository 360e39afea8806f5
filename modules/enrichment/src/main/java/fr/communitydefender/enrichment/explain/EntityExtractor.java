package fr.communitydefender.enrichment.explain;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.HasWord;
import edu.stanford.nlp.ling.Word;
import fr.communitydefender.enrichment.sentiment.internal.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named entities (PER, LOC, ORG, MISC) with CoreNLP's CRF classifiers: CoNLL 4-class for English, WikiNER 4-class for
 * French, loaded on first use (English 18 MB, French 105 MB) from the {@code cd-nlp-models} jar. Costly (~200 texts/s),
 * so it runs on incident samples, not on every mention. Thread-safe.
 */
public final class EntityExtractor {
  /** One entity occurrence: its surface words and its type (PER, LOC, ORG, MISC). */
  public record Entity(String text, String type) {}

  private static final String ENGLISH = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";
  private static final String FRENCH = "edu/stanford/nlp/models/ner/french-wikiner-4class.crf.ser.gz";
  private static final int MAX_TOKENS = 200;
  private static final java.util.Map<String, String> TYPES = java.util.Map.of("O", "O", "PER", "PER", "PERSON", "PER",
      "LOC", "LOC", "LOCATION", "LOC", "ORG", "ORG", "ORGANIZATION", "ORG", "MISC", "MISC");
  private final ConcurrentHashMap<String, CRFClassifier<CoreLabel>> classifiers = new ConcurrentHashMap<>();

  public static boolean available() {
    return EntityExtractor.class.getResource("/" + FRENCH) != null
        && EntityExtractor.class.getResource("/" + ENGLISH) != null;
  }

  /** Entities of {@code text} in {@code lang} ({@code fr}; anything else uses the English model), in order. */
  public List<Entity> entities(String text, String lang) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    boolean fr = "fr".equals(lang);
    List<HasWord> tokens = new ArrayList<>();
    for (String w : Tokens.words(text, fr)) {
      if (tokens.size() == MAX_TOKENS) {
        break;
      }
      if (!w.startsWith("@") && !w.startsWith("http")) { // handles are personal data; links are not entities
        tokens.add(new Word(w));
      }
    }
    List<CoreLabel> tagged = classifier(fr ? FRENCH : ENGLISH).classifySentence(tokens);
    List<Entity> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    String type = "O";
    for (CoreLabel t : tagged) {
      String answer = t.get(CoreAnnotations.AnswerAnnotation.class);
      String tag = answer == null ? "O" : TYPES.getOrDefault(answer.replaceFirst("^[BI]-", ""), "MISC");
      if (!tag.equals(type) && current.length() > 0) {
        out.add(new Entity(current.toString(), type));
        current.setLength(0);
      }
      type = tag;
      if (!"O".equals(tag)) {
        current.append(current.length() > 0 ? " " : "").append(t.word().replaceFirst("^#", ""));
      }
    }
    if (current.length() > 0) {
      out.add(new Entity(current.toString(), type));
    }
    return out;
  }

  private CRFClassifier<CoreLabel> classifier(String model) {
    return classifiers.computeIfAbsent(model, m -> {
      try {
        return CRFClassifier.getClassifier(m);
      } catch (Exception e) {
        throw new IllegalStateException("cannot load NER model " + m + " (is cd-nlp-models on the class path?)", e);
      }
    });
  }
}
