package fr.communitydefender.domain.watch;

import fr.communitydefender.domain.config.FieldException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What to watch: a mention belongs to the watch when it matches at least one {@code any} term (if any are given), every
 * {@code all} term, and no {@code none} term. A term is a keyword or phrase, a {@code #hashtag} or an {@code @account}
 * (the author or an account cited in the text). Matching ignores case and accents; keywords match whole words.
 */
public record Watch(String id, String name, List<String> any, List<String> all, List<String> none) {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  public Watch {
    FieldException.required(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new FieldException("id", "'" + id + "' must be lower-case letters, digits, '-' or '_' (max 64)");
    }
    name = name == null || name.isBlank() ? id : name;
    any = terms(any, "any");
    all = terms(all, "all");
    none = terms(none, "none");
    if (any.isEmpty() && all.isEmpty()) {
      throw new FieldException("any", "a watch needs at least one 'any' or 'all' term");
    }
  }

  private static List<String> terms(List<String> values, String field) {
    if (values == null) {
      return List.of();
    }
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v == null || v.isBlank() || v.equals("#") || v.equals("@")) {
        throw new FieldException(field + "[" + i + "]", "empty term");
      }
    }
    return List.copyOf(values);
  }
}
