package io.kasa.devices.escpos;

import java.io.ByteArrayOutputStream;

/**
 * Chooses CODE128 code sets for {@code GS k 73}: code set C packs digit pairs (half the width for
 * numbers), B covers printable ASCII, A covers control characters. The printer computes the check
 * character; we send the set switches as {@code {A {B {C} and escape a literal brace as {@code {{}.
 */
public final class Code128 {

  private Code128() {}

  /** The data bytes for {@code GS k 73 n d1…dn}, with code-set selectors. */
  public static byte[] encode(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("CODE128 needs at least one character");
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        throw new IllegalArgumentException("CODE128 takes ASCII only: " + text);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    char set = 0;
    int i = 0;
    while (i < text.length()) {
      int digits = digitRun(text, i);
      // Set C pays off for 4+ digits (or 2+ at the very end or start); keep pairs only.
      boolean useC =
          digits >= 4 || (digits >= 2 && digits == text.length() - i && (i == 0 || set == 'C'));
      if (useC) {
        int pairs = digits / 2;
        if (set != 'C') {
          // An odd run starting mid-text prints its first digit in A/B so the rest pairs up.
          if (digits % 2 == 1 && i > 0) {
            set = switchTo(out, set, text.charAt(i) < 0x20 ? 'A' : 'B');
            out.write(text.charAt(i));
            i++;
          }
          set = switchTo(out, set, 'C');
        }
        for (int p = 0;
            p < pairs
                && i + 1 < text.length()
                && isDigit(text.charAt(i))
                && isDigit(text.charAt(i + 1));
            p++) {
          out.write((text.charAt(i) - '0') * 10 + (text.charAt(i + 1) - '0'));
          i += 2;
        }
        continue;
      }
      char c = text.charAt(i);
      char wanted = c < 0x20 ? 'A' : (c >= 0x60 ? 'B' : (set == 'A' ? 'A' : 'B'));
      set = switchTo(out, set, wanted);
      if (c == '{') {
        out.write('{');
      }
      out.write(c);
      i++;
    }
    return out.toByteArray();
  }

  private static char switchTo(ByteArrayOutputStream out, char current, char wanted) {
    if (current != wanted) {
      out.write('{');
      out.write(wanted);
    }
    return wanted;
  }

  private static int digitRun(String s, int from) {
    int n = 0;
    while (from + n < s.length() && isDigit(s.charAt(from + n))) {
      n++;
    }
    return n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
