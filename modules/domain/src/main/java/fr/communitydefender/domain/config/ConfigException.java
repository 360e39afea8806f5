package fr.communitydefender.domain.config;

/**
 * A configuration error pointing at its place, printed like {@code amtool check-config}:
 * {@code file:line:column: field: message}.
 */
public final class ConfigException extends RuntimeException {
  private final String file;
  private final int line;
  private final int column;
  private final String field;
  private final String detail;

  public ConfigException(String file, int line, int column, String field, String detail) {
    super(format(file, line, column, field, detail));
    this.file = file;
    this.line = line;
    this.column = column;
    this.field = field;
    this.detail = detail;
  }

  private static String format(String file, int line, int column, String field, String detail) {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    sb.append(": ");
    if (field != null && !field.isEmpty()) {
      sb.append(field).append(": ");
    }
    return sb.append(detail).toString();
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String field() {
    return field;
  }

  public String detail() {
    return detail;
  }
}
