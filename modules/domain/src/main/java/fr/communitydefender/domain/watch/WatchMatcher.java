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
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}#@_]+");

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

  /** Lower case without accents (« Évacuée » → « evacuee »): how watches and collectors' filters compare words. */
  public static String fold(String s) {
    return MARKS.matcher(Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
  }

  static String normalise(String s) {
    return " " + NOT_WORD.matcher(fold(s)).replaceAll(" ").trim() + " ";
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
