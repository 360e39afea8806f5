package fr.communitydefender.enrichment.eval;

import fr.communitydefender.enrichment.deep.DeepSentiment;
import fr.communitydefender.enrichment.explain.EntityExtractor;
import fr.communitydefender.enrichment.lang.LanguageIdentifier;
import fr.communitydefender.enrichment.model.SentimentModel;
import fr.communitydefender.enrichment.sentiment.FastSentiment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Throughput harness (not a test), one thread: {@code BenchSentiment TEXTS_FILE LANG [MODEL]} scores every line of
 * the file repeatedly after a warm-up and prints posts/s for language identification, the fast tier, and the trained
 * tier when a model is given, CoreNLP NER (CRF) when its models are present, and for English the deep tier when its models are on the class path (on the first 300
 * lines: ~50 posts/s), each with the heap in use after a full GC; and how often the language identifier finds LANG in
 * the file. {@code scripts/bench-sentiment} runs it with {@code -XX:ActiveProcessorCount=1}.
 */
public final class BenchSentiment {
  private BenchSentiment() {}

  public static void main(String[] args) throws IOException {
    List<String> texts = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    String lang = args.length > 1 ? args[1] : "fr";
    FastSentiment fast = FastSentiment.withBuiltInLexicons();
    LanguageIdentifier languages = new LanguageIdentifier();
    long right = texts.stream().filter(t -> lang.equals(languages.identify(t))).count();
    long undetermined = texts.stream().filter(t -> "und".equals(languages.identify(t))).count();
    System.out.printf(Locale.ROOT, "language_accuracy=%.4f undetermined=%d n=%d (every line taken as %s)%n",
        (double) right / texts.size(), undetermined, texts.size(), lang);
    run("language", texts, languages::identify);
    run("fast", texts, t -> fast.analyse(t, lang));
    if (args.length > 2) {
      SentimentModel model = SentimentModel.load(Path.of(args[2]), fast);
      run("trained", texts, t -> model.analyse(t, lang));
    }
    if (EntityExtractor.available()) {
      EntityExtractor ner = new EntityExtractor();
      ner.entities("warm up", lang);
      run("ner", texts, t -> ner.entities(t, lang));
    }
    if ("en".equals(lang) && DeepSentiment.available()) {
      long t0 = System.nanoTime();
      DeepSentiment deep = DeepSentiment.load();
      System.out.printf(Locale.ROOT, "deep_load_s=%.1f%n", (System.nanoTime() - t0) / 1e9);
      run("deep", texts.subList(0, Math.min(300, texts.size())), deep::analyse);
    }
  }

  private static long heapMb() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
  }

  private static void run(String name, List<String> texts, Consumer<String> work) {
    for (int pass = 0; pass < (texts.size() > 500 ? 3 : 1); pass++) {
      texts.forEach(work);
    }
    long n = 0;
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < 10_000_000_000L) {
      texts.forEach(work);
      n += texts.size();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%s_posts_per_s=%.0f (n=%d, one thread) heap_used_mb=%d%n", name, n / s, n,
        heapMb());
  }
}
