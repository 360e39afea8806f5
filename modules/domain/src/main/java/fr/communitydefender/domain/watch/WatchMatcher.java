package fr.communitydefender.domain.watch;

import fr.communitydefender.domain.mention.Mention;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Decides which watches a mention belongs to. Immutable and thread-safe; terms are normalised once. */
public final class WatchMatcher {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private final List<Compiled> watches;

  public WatchMatcher(List<Watch> watches) {
    this.watches = watches.stream().map(Compiled::new).toList();
  }

  /** The ids of the matching watches, in configuration order, plus any the mention already carries. */
  public List<String> match(Mention mention) {
    Set<String> out = new LinkedHashSet<>(mention.watches());
    Text text = new Text(mention.text(), mention.author());
    for (Compiled w : watches) {
      if (w.matches(text)) {
        out.add(w.id);
      }
    }
    return List.copyOf(out);
  }

  /** U+0000–U+024F (Latin, with its accents) lower-cased and without accents; 0 when that is not one character. */
  private static final char[] FOLDED = new char[0x250];

  static {
    for (char c = 1; c < FOLDED.length; c++) {
      String f = foldSlowly(String.valueOf(c));
      FOLDED[c] = f.length() == 1 ? f.charAt(0) : 0;
    }
  }

  /** Lower case without accents (« Évacuée » → « evacuee »): how watches and collectors' filters compare words. */
  public static String fold(String s) {
    char[] out = new char[s.length()];
    for (int i = 0; i < out.length; i++) {
      char c = s.charAt(i);
      char f = c < FOLDED.length ? FOLDED[c] : 0;
      if (f == 0) {
        return foldSlowly(s); // another script, a combining mark: the full normalisation
      }
      out[i] = f;
    }
    return new String(out); // a Latin text: character by character, the same result without regex
  }

  private static String foldSlowly(String s) {
    return MARKS.matcher(Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
  }

  /** Folded, every run of characters other than letters, digits, #, @ and _ made one space, a space at each end. */
  static String normalise(String s) {
    String f = fold(s);
    StringBuilder b = new StringBuilder(f.length() + 2).append(' ');
    boolean gap = false;
    for (int i = 0, cp; i < f.length(); i += Character.charCount(cp)) {
      cp = f.codePointAt(i);
      if (Character.isLetter(cp) || number(cp) || cp == '#' || cp == '@' || cp == '_') {
        if (gap && b.length() > 1) {
          b.append(' ');
        }
        gap = false;
        b.appendCodePoint(cp);
      } else {
        gap = true;
      }
    }
    return b.append(' ').toString();
  }

  /** As regex \p{N}. */
  private static boolean number(int cp) {
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** A mention's text in the two forms terms are searched in. */
  private static final class Text {
    final String marked;
    final String plain;
    final String author;

    Text(String text, String author) {
      this.marked = normalise(text);
      this.plain = marked.replace("#", "").replace("@", "");
      this.author = author == null ? "" : normalise(author.startsWith("@") ? author.substring(1) : author).trim();
    }
  }

  private record Term(String needle, boolean account, boolean hashtag) {
    static Term of(String raw) {
      String t = raw.trim();
      if (t.startsWith("#")) {
        return new Term(normalise(t), false, true);
      } else if (t.startsWith("@")) {
        return new Term(normalise(t), true, false);
      }
      return new Term(normalise(t).replace("#", "").replace("@", ""), false, false);
    }

    boolean in(Text text) {
      if (account) {
        return text.marked.contains(needle) || (" @" + text.author + " ").equals(needle);
      }
      return hashtag ? text.marked.contains(needle) : text.plain.contains(needle);
    }
  }

  private static final class Compiled {
    final String id;
    final List<Term> any = new ArrayList<>();
    final List<Term> all = new ArrayList<>();
    final List<Term> none = new ArrayList<>();

    Compiled(Watch w) {
      id = w.id();
      w.any().forEach(t -> any.add(Term.of(t)));
      w.all().forEach(t -> all.add(Term.of(t)));
      w.none().forEach(t -> none.add(Term.of(t)));
    }

    boolean matches(Text text) {
      return (any.isEmpty() || any.stream().anyMatch(t -> t.in(text)))
          && all.stream().allMatch(t -> t.in(text))
          && none.stream().noneMatch(t -> t.in(text));
    }
  }
}
