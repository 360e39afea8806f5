package fr.communitydefender.domain.config;

/**
 * Thrown by a config record's compact constructor to reject one of its fields; the loader turns it into a
 * {@link ConfigException} with the file, line and full path of that field.
 */
public final class FieldException extends IllegalArgumentException {
  private final String field;

  public FieldException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  public String detail() {
    return getMessage().substring(field.length() + 2);
  }

  /** Fails with "required" when the value is null or a blank string. */
  public static <T> T required(T value, String field) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new FieldException(field, "required");
    }
    return value;
  }

  /** {@code fallback} when the value is absent; fails with "must be between MIN and MAX" outside that range. */
  public static int between(Integer value, int fallback, int min, int max, String field) {
    int v = value == null ? fallback : value;
    if (v < min || v > max) {
      throw new FieldException(field, "must be between " + min + " and " + max);
    }
    return v;
  }
}
