package io.kasa.devices.scanner;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Control characters written by their ASCII names in angle brackets, as scanner manuals print them:
 * {@code <STX>} is 0x02, {@code <GS>} 0x1D, {@code <CR>} 0x0D. A technician types a scanner's
 * prefix or suffix this way in the settings and on the {@code kasa-devices} command line; any other
 * text stands for itself.
 */
public final class ControlNames {

  private static final List<String> NAMES =
      List.of(
          "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF",
          "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM",
          "SUB", "ESC", "FS", "GS", "RS", "US");

  /** What looks like a control name: two or three capitals (or DC1–DC4) in angle brackets. */
  private static final Pattern NAMED = Pattern.compile("<([A-Z]{2,3}|DC[1-4])>");

  private ControlNames() {}

  /**
   * The text with each {@code <NAME>} replaced by its control character.
   *
   * @throws IllegalArgumentException naming the first {@code <XYZ>} that is no ASCII control name
   *     (a typo such as {@code <STC>} would otherwise become four literal characters)
   */
  public static String decode(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    Matcher m = NAMED.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      int code = name.equals("DEL") ? 0x7f : NAMES.indexOf(name);
      if (code < 0) {
        throw new IllegalArgumentException(
            "<" + name + "> is not an ASCII control character name (e.g. <STX>, <CR>, <GS>)");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) code)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The text with each control character written as {@code <NAME>}, for showing it. */
  public static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c < 0x20) {
        out.append('<').append(NAMES.get(c)).append('>');
      } else if (c == 0x7f) {
        out.append("<DEL>");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
