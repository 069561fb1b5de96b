package io.kasa.service.catalog;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: comma-separated, fields optionally in double quotes (which may hold
 * commas, quotes written twice, and line breaks). Reports the line each record starts on.
 */
public final class Csv {

  /**
   * One record and the line it starts on.
   *
   * @param line the line, 1-based
   * @param fields its fields
   */
  public record Row(int line, List<String> fields) {}

  /** A quoted field that the file never closes. */
  public static final class Unclosed extends IOException {
    private final int line;

    Unclosed(int line) {
      super("line " + line + ": a quoted field is not closed");
      this.line = line;
    }

    /** The line the record starts on. */
    public int line() {
      return line;
    }
  }

  private final Reader in;
  private int line = 1;
  private int peeked = -2;

  public Csv(Reader in) {
    this.in = in;
  }

  /** The next record, or null at the end. */
  public Row next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    int start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      if (c == -1) {
        if (quoted) {
          throw new Unclosed(start);
        }
        fields.add(field.toString());
        return new Row(start, fields);
      }
      if (quoted) {
        if (c == '"') {
          int n = read();
          if (n == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = n;
            continue;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
      } else if (c == '"' && field.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r') {
          int n = read();
          if (n != '\n') {
            unread(n);
          }
        }
        line++;
        fields.add(field.toString());
        return new Row(start, fields);
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  private int read() throws IOException {
    if (peeked != -2) {
      int c = peeked;
      peeked = -2;
      return c;
    }
    return in.read();
  }

  private void unread(int c) {
    peeked = c;
  }
}
