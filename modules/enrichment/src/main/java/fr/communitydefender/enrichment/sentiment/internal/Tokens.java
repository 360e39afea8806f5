package fr.communitydefender.enrichment.sentiment.internal;

import edu.stanford.nlp.international.french.process.FrenchTokenizer;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.LexedTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.Tokenizer;
import edu.stanford.nlp.process.TokenizerFactory;
import java.io.Reader;
import java.io.StringReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CoreNLP tokenisation (French or English rules) after our own pre-pass: emoji and emoticons are pulled out as tokens,
 * hashtags are split into words ({@code #SainteAureEnColère} → sainte aure en colère).
 */
public final class Tokens {
  private static final String OPTIONS = "invertible=false,ptb3Escaping=false,normalizeParentheses=false,"
      + "normalizeOtherBrackets=false,untokenizable=noneDelete,splitHyphenated=false";
  private static final TokenizerFactory<CoreLabel> ENGLISH =
      PTBTokenizer.factory(new CoreLabelTokenFactory(), OPTIONS);
  private static final TokenizerFactory<CoreLabel> FRENCH = FrenchTokenizer.factory();
  /**
   * The same French rules with dashes left as written: CoreNLP's default (ASCII dashes) runs two {@code replaceAll}
   * on every dash or hyphenated token — a regex compiled each time — and changes only tokens with one of {@link
   * #DASHES} or {@code ---}. A text without them is tokenised by this factory: the same words, without the regexes.
   * It also leaves out {@code invertible} (whitespace and original text kept on each token), which we never read.
   */
  private static final TokenizerFactory<CoreLabel> FRENCH_PLAIN = FrenchTokenizer.factory(new CoreLabelTokenFactory(),
      "splitCompounds=false,splitContractions=false,quotes=ORIGINAL,dashes=original");
  /**
   * {@link #FRENCH_PLAIN}'s lexer, one per thread and reset for each text. The factory creates a lexer per text, which
   * parses its options and allocates a 32 KB buffer every time; with compounds and contractions not split, the
   * tokenizer around it only drops the lexer's empty tokens. The lexer class is
   * package-private, hence a method handle; {@code null} if CoreNLP's lexer is not the one expected (the factory is
   * used then).
   */
  private static final ThreadLocal<Object> PLAIN_LEXER = new ThreadLocal<>();
  private static final MethodHandle CREATE_LEXER;
  private static final MethodHandle RESET_LEXER;
  private static final MethodHandle NEXT_TOKEN;

  static {
    MethodHandle[] handles = lexerHandles();
    CREATE_LEXER = handles == null ? null : handles[0];
    RESET_LEXER = handles == null ? null : handles[1];
    NEXT_TOKEN = handles == null ? null : handles[2];
  }

  /** What CoreNLP's ASCII dash style rewrites ({@code LexerUtils.handleDashes}), besides {@code ---}. */
  static final String DASHES = "_\u058A\u2010\u2011\u2012\u0096\u0097\u2013\u2014\u2015&";
  static final Pattern EMOTICON = Pattern.compile("(?<![\\w/])(:-?\\)+|:-?D|;-?\\)|<3|:-?\\(+|:'\\(|>:\\(|:-?/)");
  private static final Pattern HASHTAG = Pattern.compile("#(\\p{L}[\\p{L}\\p{N}_]*)");
  private static final Pattern CAMEL = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})|_");

  private Tokens() {}

  /** Emoji and emoticons found in the text, in order. */
  public static List<String> symbols(String text) {
    List<String> out = new ArrayList<>();
    if (mayHaveEmoticon(text)) {
      Matcher m = EMOTICON.matcher(text);
      while (m.find()) {
        out.add(m.group());
      }
    }
    if (mayHaveEmoji(text)) {
      text.codePoints().filter(Tokens::isEmoji).forEach(cp -> out.add(new String(Character.toChars(cp))));
    }
    return out;
  }

  /** Whether the text has a character every emoticon starts with (most posts have none: no regex to run). */
  private static boolean mayHaveEmoticon(String text) {
    return text.indexOf(':') >= 0 || text.indexOf(';') >= 0 || text.indexOf('<') >= 0 || text.indexOf('>') >= 0;
  }

  /** Whether the text has a surrogate (the emoji above U+FFFF) or a character of U+2600–U+27BF. */
  private static boolean mayHaveEmoji(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c) || (c >= 0x2600 && c <= 0x27BF)) {
        return true;
      }
    }
    return false;
  }

  static boolean isEmoji(int cp) {
    return (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF);
  }

  /**
   * The last text tokenised on this thread and its tokens: the stream stage tokenises a mention for its sentiment and
   * again for its terms, one after the other (a CoreNLP tokeniser costs more to create than to run).
   */
  private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

  /** Words and punctuation, emoji and emoticons removed, hashtags split (an unmodifiable list). */
  public static List<String> words(String text, boolean french) {
    Object[] last = LAST.get();
    if (last != null && (Boolean) last[1] == french && text.equals(last[0])) {
      @SuppressWarnings("unchecked")
      List<String> tokens = (List<String>) last[2];
      return tokens;
    }
    List<String> tokens = List.copyOf(tokenise(text, french));
    LAST.set(new Object[] {text, french, tokens});
    return tokens;
  }

  /** Whether no token of the text can be changed by CoreNLP's ASCII dash style. */
  static boolean plainDashes(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (DASHES.indexOf(text.charAt(i)) >= 0) {
        return false;
      }
    }
    return !text.contains("---");
  }

  private static List<String> tokenise(String text, boolean french) {
    String prepared = mayHaveEmoticon(text) ? EMOTICON.matcher(text).replaceAll(" ") : text;
    if (mayHaveEmoji(prepared)) {
      prepared = prepared.codePoints().filter(cp -> !isEmoji(cp))
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
    if (prepared.indexOf('#') >= 0) {
      Matcher h = HASHTAG.matcher(prepared);
      StringBuilder sb = new StringBuilder();
      while (h.find()) {
        h.appendReplacement(sb, Matcher.quoteReplacement(" " + String.join(" ", CAMEL.split(h.group(1))) + " "));
      }
      h.appendTail(sb);
      prepared = sb.toString();
    }
    boolean plain = french && plainDashes(prepared);
    if (plain && CREATE_LEXER != null) {
      return plainFrench(prepared);
    }
    TokenizerFactory<CoreLabel> factory = !french ? ENGLISH : plain ? FRENCH_PLAIN : FRENCH;
    Tokenizer<CoreLabel> tokenizer = factory.getTokenizer(new StringReader(prepared));
    List<String> out = new ArrayList<>();
    while (tokenizer.hasNext()) {
      out.add(tokenizer.next().word());
    }
    return out;
  }

  /** The words of a French text by this thread's reused lexer: what {@link #FRENCH_PLAIN}'s tokenizer returns. */
  static List<String> plainFrench(String text) {
    try {
      Object lexer = PLAIN_LEXER.get();
      Reader reader = new StringReader(text);
      if (lexer == null) {
        lexer = CREATE_LEXER.invoke(reader);
        PLAIN_LEXER.set(lexer);
      } else {
        RESET_LEXER.invoke(lexer, reader);
      }
      List<String> out = new ArrayList<>();
      for (Object token = NEXT_TOKEN.invoke(lexer); token != null; token = NEXT_TOKEN.invoke(lexer)) {
        String word = ((CoreLabel) token).word();
        if (!word.isEmpty()) {
          out.add(word);
        }
      }
      return out;
    } catch (Throwable e) {
      PLAIN_LEXER.remove();
      throw new IllegalStateException("French tokenisation failed", e);
    }
  }

  /** The lexer's constructor (bound to {@link #FRENCH_PLAIN}'s options), {@code yyreset} and {@code next}. */
  private static MethodHandle[] lexerHandles() {
    try {
      Class<?> type = Class.forName("edu.stanford.nlp.international.french.process.FrenchLexer");
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
      Properties options = new Properties();
      options.setProperty("quotes", "ORIGINAL");
      options.setProperty("dashes", "original");
      MethodHandle create = lookup.findConstructor(type, MethodType.methodType(void.class, Reader.class,
          LexedTokenFactory.class, Properties.class));
      create = MethodHandles.insertArguments(create, 1, new CoreLabelTokenFactory(), options)
          .asType(MethodType.methodType(Object.class, Reader.class));
      MethodHandle reset = lookup.findVirtual(type, "yyreset", MethodType.methodType(void.class, Reader.class))
          .asType(MethodType.methodType(void.class, Object.class, Reader.class));
      MethodHandle next = lookup.findVirtual(type, "next", MethodType.methodType(Object.class))
          .asType(MethodType.methodType(Object.class, Object.class));
      return new MethodHandle[] {create, reset, next};
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
