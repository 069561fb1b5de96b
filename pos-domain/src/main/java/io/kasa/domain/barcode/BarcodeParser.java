package io.kasa.domain.barcode;

import io.kasa.domain.barcode.ScanResult.Accepted;
import io.kasa.domain.barcode.ScanResult.Reason;
import io.kasa.domain.barcode.ScanResult.Rejected;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Reads what a scanner (or a cashier typing digits) sends.
 *
 * <ol>
 *   <li>Trailing CR/LF and surrounding spaces are removed (only spaces: a leading or trailing FNC1
 *       stays, it is GS1 data); any other control character except FNC1 (GS) rejects the scan.
 *   <li>An AIM symbology identifier ({@code ]E0}, {@code ]C1}, {@code ]Q3}…) is stripped and
 *       reported.
 *   <li>GS1 data (announced by the prefix, containing FNC1 or written as {@code (01)…}) is parsed
 *       into element strings.
 *   <li>Digits of EAN/UPC/GTIN length have their check digit verified; in-store EAN-13 labels
 *       (20–29) are decoded with the configured layouts.
 *   <li>Anything else is a plain code (PLU, internal label, QR text).
 * </ol>
 *
 * <p>Eight digits fit both EAN-8 and UPC-E. {@code ]E4} announces EAN-8 and {@code ]E0} UPC-E
 * (ISO/IEC 15420); unannounced, eight digits starting with 0 are read as UPC-E when its check digit
 * fits (a GS1-8 prefix 0 is only an in-company velocity code), all others as EAN-8 first (ADR
 * 0036).
 *
 * <p>{@link #parseFromLine} is stricter, for what a serial line delivers, where noise is possible:
 * without an AIM identifier only codes that check themselves are accepted (ADR 0036).
 *
 * <p>Never throws on any input; immutable and thread-safe.
 */
public final class BarcodeParser {

  private static final Map<String, Symbology> AIM =
      Map.ofEntries(
          Map.entry("]E0", Symbology.EAN_13),
          Map.entry("]E3", Symbology.EAN_13),
          Map.entry("]E4", Symbology.EAN_8),
          Map.entry("]I1", Symbology.GTIN_14),
          Map.entry("]C0", Symbology.CODE_128),
          Map.entry("]C1", Symbology.GS1_128),
          Map.entry("]C2", Symbology.CODE_128),
          Map.entry("]C4", Symbology.CODE_128),
          Map.entry("]e0", Symbology.GS1_DATABAR),
          Map.entry("]d1", Symbology.DATA_MATRIX),
          Map.entry("]d2", Symbology.GS1_DATAMATRIX),
          Map.entry("]Q0", Symbology.QR),
          Map.entry("]Q1", Symbology.QR),
          Map.entry("]Q2", Symbology.QR),
          Map.entry("]Q3", Symbology.GS1_QR),
          Map.entry("]A0", Symbology.CODE_39),
          Map.entry("]A1", Symbology.CODE_39),
          Map.entry("]A3", Symbology.CODE_39),
          Map.entry("]A4", Symbology.CODE_39),
          Map.entry("]A7", Symbology.CODE_39));

  private final List<EmbeddedLayout> layouts;

  /** A parser that decodes in-store labels with {@code layouts}; the first matching prefix wins. */
  public BarcodeParser(List<EmbeddedLayout> layouts) {
    this.layouts = List.copyOf(layouts);
  }

  /** A parser that treats 20–29 labels as plain GTINs: no store layout configured. */
  public static BarcodeParser withoutEmbeddedLabels() {
    return new BarcodeParser(List.of());
  }

  public ScanResult parse(String raw) {
    if (raw == null) {
      return new Rejected(Reason.EMPTY, "nothing was read", "");
    }
    // Not String.strip(): it takes 0x1C-0x1F for whitespace, and a GS at either end is FNC1.
    String s = stripSpaces(stripLineEnd(raw));
    if (s.isEmpty()) {
      return new Rejected(Reason.EMPTY, "nothing was read", raw);
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != Gs1Parser.FNC1) || c == 0x7f || Character.isISOControl(c) && c > 0x7f) {
        return new Rejected(
            Reason.INVALID_CHARACTERS, "control character 0x" + Integer.toHexString(c), raw);
      }
    }
    String aim = null;
    Symbology announced = Symbology.UNKNOWN;
    if (s.length() >= 3 && s.charAt(0) == ']' && Character.isLetter(s.charAt(1))) {
      aim = s.substring(0, 3);
      announced = AIM.getOrDefault(aim, Symbology.UNKNOWN);
      s = s.substring(3);
      if (s.isEmpty()) {
        return new Rejected(Reason.EMPTY, "only a symbology identifier was read", raw);
      }
    }
    if (isGs1(announced) || s.indexOf(Gs1Parser.FNC1) >= 0 || s.startsWith("(")) {
      Symbology symbology = announced == Symbology.UNKNOWN ? Symbology.GS1_128 : announced;
      return Gs1Parser.parse(s, symbology, aim, raw);
    }
    if (Digits.only(s)) {
      return digits(s, announced, aim, raw);
    }
    return new Accepted(new ParsedCode.Plain(s), announced, aim, raw);
  }

  /**
   * Reads a scan from a serial line, where line noise can look like text: as {@link #parse}, but a
   * code without a known AIM identifier is accepted only when it checks itself — an EAN/UPC/GTIN
   * with its check digit, or GS1 data carrying an SSCC or GTIN (AI 00, 01 or 02) with its check
   * digit. Any other unannounced code is refused as {@link Reason#UNANNOUNCED}.
   */
  public ScanResult parseFromLine(String raw) {
    ScanResult result = parse(raw);
    if (result instanceof Accepted a
        && !AIM.containsKey(String.valueOf(a.aimPrefix()))
        && !checksItself(a.code())) {
      return new Rejected(
          Reason.UNANNOUNCED, "no symbology identifier and no check digit to trust", raw);
    }
    return result;
  }

  private static boolean checksItself(ParsedCode code) {
    if (code instanceof ParsedCode.Gs1 g) {
      return g.elements().containsKey("00")
          || g.elements().containsKey("01")
          || g.elements().containsKey("02");
    }
    return code instanceof ParsedCode.Gtin || code instanceof ParsedCode.Embedded;
  }

  private ScanResult digits(String s, Symbology announced, String aim, String raw) {
    switch (s.length()) {
      case 8:
        return eightDigits(s, announced, aim, raw);
      case 12:
        return CheckDigit.isValid(s) ? gtin(s, s, Symbology.UPC_A, aim, raw) : checkDigitWrong(raw);
      case 13:
        if (!CheckDigit.isValid(s)) {
          return checkDigitWrong(raw);
        }
        if (s.charAt(0) == '2') {
          for (EmbeddedLayout layout : layouts) {
            if (s.startsWith(layout.prefix())) {
              return embedded(s, layout, announced, aim, raw);
            }
          }
        }
        return gtin(s, s, Symbology.EAN_13, aim, raw);
      case 14:
        return CheckDigit.isValid(s)
            ? gtin(s, s, Symbology.GTIN_14, aim, raw)
            : checkDigitWrong(raw);
      default:
        // PLUs and internal numeric codes have no check digit to verify.
        return new Accepted(new ParsedCode.Plain(s), announced, aim, raw);
    }
  }

  /**
   * EAN-8 or UPC-E. Announced, the identifier decides: {@code ]E4} is EAN-8, {@code ]E0} carries
   * UPC-E (EAN-8 has its own identifier). Unannounced, a leading 0 means UPC-E when its expansion's
   * check digit fits: GS1 gives UPC-E number system 0, and GS1-8 prefix 0 only to in-company
   * velocity codes. Anything else is EAN-8 first, then UPC-E (number system 1, outside GS1 rules
   * but sent by some scanners).
   */
  private static ScanResult eightDigits(String s, Symbology announced, String aim, String raw) {
    boolean ean8 = CheckDigit.isValid(s);
    String upcA = s.charAt(0) == '0' || s.charAt(0) == '1' ? expandUpcE(s) : null;
    boolean upcE = upcA != null && CheckDigit.isValid(upcA);
    boolean preferUpcE =
        announced == Symbology.EAN_13 || (announced == Symbology.UNKNOWN && s.charAt(0) == '0');
    if (announced == Symbology.EAN_8) {
      upcE = false;
    } else if (announced == Symbology.EAN_13) {
      ean8 = false;
    }
    if (upcE && (preferUpcE || !ean8)) {
      return gtin(upcA, upcA, Symbology.UPC_E, aim, raw);
    }
    if (ean8) {
      return gtin(s, s, Symbology.EAN_8, aim, raw);
    }
    return checkDigitWrong(raw);
  }

  private static ScanResult embedded(
      String s, EmbeddedLayout layout, Symbology announced, String aim, String raw) {
    String item = s.substring(layout.itemStart(), layout.itemStart() + layout.itemLength());
    String value = s.substring(layout.valueStart(), layout.valueStart() + layout.valueLength());
    BigDecimal decoded = new BigDecimal(value).movePointLeft(layout.valueDecimals());
    Symbology symbology = announced == Symbology.UNKNOWN ? Symbology.EAN_13 : announced;
    return new Accepted(new ParsedCode.Embedded(layout, item, decoded, s), symbology, aim, raw);
  }

  private static ScanResult gtin(
      String digits, String printed, Symbology symbology, String aim, String raw) {
    String gtin14 = "0".repeat(14 - digits.length()) + digits;
    return new Accepted(new ParsedCode.Gtin(gtin14, printed), symbology, aim, raw);
  }

  private static ScanResult checkDigitWrong(String raw) {
    return new Rejected(Reason.CHECK_DIGIT, "check digit wrong", raw);
  }

  /** Expands an 8-digit UPC-E (number system, six digits, check) to its 12-digit UPC-A form. */
  static String expandUpcE(String upcE) {
    char ns = upcE.charAt(0);
    String d = upcE.substring(1, 7);
    char check = upcE.charAt(7);
    char last = d.charAt(5);
    String body =
        switch (last) {
          case '0', '1', '2' -> d.substring(0, 2) + last + "0000" + d.substring(2, 5);
          case '3' -> d.substring(0, 3) + "00000" + d.substring(3, 5);
          case '4' -> d.substring(0, 4) + "00000" + d.charAt(4);
          default -> d.substring(0, 5) + "0000" + last;
        };
    return ns + body + check;
  }

  private static boolean isGs1(Symbology s) {
    return s == Symbology.GS1_128
        || s == Symbology.GS1_DATABAR
        || s == Symbology.GS1_DATAMATRIX
        || s == Symbology.GS1_QR;
  }

  private static String stripSpaces(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == ' ') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(start, end);
  }

  private static String stripLineEnd(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\n')) {
      end--;
    }
    return s.substring(0, end);
  }
}
