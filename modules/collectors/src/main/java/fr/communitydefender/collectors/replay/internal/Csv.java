package fr.communitydefender.collectors.replay.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, line breaks inside quotes. */
final class Csv {
  private final Reader in;
  private long line = 1;
  private long recordLine = 1;

  Csv(Reader in) {
    this.in = in;
  }

  /** The line on which the last record returned by {@link #next()} started. */
  long recordLine() {
    return recordLine;
  }

  /** The next record, or null at the end. */
  List<String> next() throws IOException {
    int c = in.read();
    if (c < 0) {
      return null;
    }
    recordLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    while (c >= 0) {
      if (quoted) {
        if (c == '"') {
          int d = in.read();
          if (d == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = d;
            continue;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
      } else if (c == '"' && field.isEmpty() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(field.toString().strip());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\n') {
        line++;
        break;
      } else if (c != '\r') {
        field.append((char) c);
      }
      c = in.read();
    }
    fields.add(field.toString().strip());
    return fields;
  }
}
