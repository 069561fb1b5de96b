package io.kasa.domain.barcode;

import io.kasa.domain.barcode.ScanResult.Reason;
import io.kasa.domain.barcode.ScanResult.Rejected;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Parses GS1 element strings: concatenated application identifiers (AIs) and values, with FNC1
 * (ASCII GS, 0x1D) after each variable-length value that is not last, or in the human-readable form
 * {@code (01)09501101530003(17)251231}.
 */
final class Gs1Parser {

  static final char FNC1 = '\u001d';

  private static final Set<String> DATE_AIS = Set.of("11", "12", "13", "15", "16", "17");

  private Gs1Parser() {}

  /** The rules of one AI: how many digits the AI has and how long its value may be. */
  private record Spec(int aiLength, int fixedLength, int maxLength, boolean numeric) {}

  /** Parses {@code data}; {@code symbology} and {@code aim} describe how it arrived. */
  static ScanResult parse(String data, Symbology symbology, String aim, String raw) {
    Map<String, String> elements = new LinkedHashMap<>();
    String body = data;
    while (!body.isEmpty() && body.charAt(0) == FNC1) {
      body = body.substring(1);
    }
    if (body.isEmpty()) {
      return new Rejected(Reason.MALFORMED_GS1, "no element string", raw);
    }
    Rejected rejected =
        body.charAt(0) == '(' ? readBracketed(body, elements, raw) : read(body, elements, raw);
    return rejected != null
        ? rejected
        : new ScanResult.Accepted(new ParsedCode.Gs1(elements), symbology, aim, raw);
  }

  private static Rejected read(String s, Map<String, String> out, String raw) {
    int i = 0;
    while (i < s.length()) {
      if (s.charAt(i) == FNC1) {
        i++;
        continue;
      }
      Spec spec = specAt(s, i);
      if (spec == null) {
        return new Rejected(
            Reason.UNKNOWN_AI, "unknown AI at " + s.substring(i, Math.min(s.length(), i + 4)), raw);
      }
      String ai = s.substring(i, i + spec.aiLength());
      i += spec.aiLength();
      int end;
      if (spec.fixedLength() > 0) {
        end = i + spec.fixedLength();
        if (end > s.length()) {
          return new Rejected(Reason.MALFORMED_GS1, "AI " + ai + " value too short", raw);
        }
      } else {
        int gs = s.indexOf(FNC1, i);
        end = gs < 0 ? s.length() : gs;
      }
      Rejected bad = accept(ai, s.substring(i, end), spec, out, raw);
      if (bad != null) {
        return bad;
      }
      i = end;
    }
    return out.isEmpty() ? new Rejected(Reason.MALFORMED_GS1, "no elements", raw) : null;
  }

  private static Rejected readBracketed(String s, Map<String, String> out, String raw) {
    int i = 0;
    while (i < s.length()) {
      int close = s.indexOf(')', i);
      if (s.charAt(i) != '(' || close < 0) {
        return new Rejected(Reason.MALFORMED_GS1, "expected (AI) at " + i, raw);
      }
      String ai = s.substring(i + 1, close);
      Spec spec = Digits.only(ai) ? specAt(ai, 0) : null;
      if (spec == null || spec.aiLength() != ai.length()) {
        return new Rejected(Reason.UNKNOWN_AI, "unknown AI (" + ai + ")", raw);
      }
      int next = s.indexOf('(', close);
      int end = next < 0 ? s.length() : next;
      Rejected bad = accept(ai, s.substring(close + 1, end), spec, out, raw);
      if (bad != null) {
        return bad;
      }
      i = end;
    }
    return out.isEmpty() ? new Rejected(Reason.MALFORMED_GS1, "no elements", raw) : null;
  }

  private static Rejected accept(
      String ai, String value, Spec spec, Map<String, String> out, String raw) {
    if (value.isEmpty()
        || value.length() > spec.maxLength()
        || (spec.fixedLength() > 0 && value.length() != spec.fixedLength())) {
      return new Rejected(Reason.MALFORMED_GS1, "AI " + ai + " has a value of wrong length", raw);
    }
    if (spec.numeric() ? !Digits.only(value) : !printable(value)) {
      return new Rejected(Reason.MALFORMED_GS1, "AI " + ai + " has invalid characters", raw);
    }
    if ((ai.equals("00") || ai.equals("01") || ai.equals("02")) && !CheckDigit.isValid(value)) {
      return new Rejected(Reason.CHECK_DIGIT, "AI " + ai + " check digit wrong", raw);
    }
    if (ai.length() == 2 && DATE_AIS.contains(ai) && date(value) == null) {
      return new Rejected(Reason.MALFORMED_GS1, "AI " + ai + " is not a date: " + value, raw);
    }
    if (out.putIfAbsent(ai, value) != null) {
      return new Rejected(Reason.MALFORMED_GS1, "AI " + ai + " appears twice", raw);
    }
    return null;
  }

  /** YYMMDD (years 2000–2099; day 00 is the last day of the month), or null if invalid. */
  static LocalDate date(String yymmdd) {
    try {
      int year = 2000 + Integer.parseInt(yymmdd.substring(0, 2));
      int month = Integer.parseInt(yymmdd.substring(2, 4));
      int day = Integer.parseInt(yymmdd.substring(4, 6));
      YearMonth ym = YearMonth.of(year, month);
      return day == 0 ? ym.atEndOfMonth() : ym.atDay(day);
    } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
      return null;
    }
  }

  private static boolean printable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /** The spec of the AI starting at {@code i}, or null if it is not one we know. */
  private static Spec specAt(String s, int i) {
    if (i + 2 > s.length() || !Digits.only(s.substring(i, i + 2))) {
      return null;
    }
    String two = s.substring(i, i + 2);
    switch (two) {
      case "00":
        return new Spec(2, 18, 18, true);
      case "01", "02":
        return new Spec(2, 14, 14, true);
      case "10", "21", "22":
        return new Spec(2, 0, 20, false);
      case "11", "12", "13", "15", "16", "17":
        return new Spec(2, 6, 6, true);
      case "20":
        return new Spec(2, 2, 2, true);
      case "30", "37":
        return new Spec(2, 0, 8, true);
      default:
        break;
    }
    if (i + 3 > s.length() || !Digits.only(s.substring(i, i + 3))) {
      return null;
    }
    String three = s.substring(i, i + 3);
    switch (three) {
      case "240", "241", "250", "251", "400", "401", "403":
        return new Spec(3, 0, 30, false);
      case "410", "411", "412", "413", "414", "415", "416", "417":
        return new Spec(3, 13, 13, true);
      default:
        break;
    }
    if (i + 4 > s.length() || !Digits.only(s.substring(i, i + 4))) {
      return null;
    }
    char first = s.charAt(i);
    char second = s.charAt(i + 1);
    if (first == '3' && second >= '1' && second <= '6') {
      return new Spec(4, 6, 6, true); // trade measures such as 310n net weight in kg
    }
    switch (three) {
      case "390", "392":
        return new Spec(4, 0, 15, true);
      case "391", "393":
        return new Spec(4, 0, 18, true);
      default:
        return null;
    }
  }
}
