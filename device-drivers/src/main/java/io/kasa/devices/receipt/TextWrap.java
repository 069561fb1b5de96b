package io.kasa.devices.receipt;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into lines that fit a printer's columns: at the last space that fits, or inside a
 * word longer than a line. Measure the text as it will print ({@code EscPos.printable}): a fallback
 * such as ₴ → "грн" takes more columns than the character it stands for.
 */
public final class TextWrap {

  private TextWrap() {}

  /** {@code text} in lines of at most {@code columns} characters; an empty text is one line. */
  public static List<String> wrap(String text, int columns) {
    if (columns < 1) {
      throw new IllegalArgumentException("A line has at least one column: " + columns);
    }
    List<String> out = new ArrayList<>();
    String rest = text;
    while (rest.length() > columns) {
      int space = rest.lastIndexOf(' ', columns);
      String head = space > 0 ? rest.substring(0, space).stripTrailing() : "";
      if (head.isEmpty()) {
        out.add(rest.substring(0, columns));
        rest = rest.substring(columns);
      } else {
        out.add(head);
        rest = rest.substring(space + 1);
      }
    }
    out.add(rest);
    return out;
  }
}
