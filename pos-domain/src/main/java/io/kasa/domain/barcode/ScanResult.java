package io.kasa.domain.barcode;

import java.util.Objects;

/** The outcome of parsing one scan: a code the catalogue can use, or a reason it was refused. */
public sealed interface ScanResult {

  /** The text as received, for logs and diagnostics. */
  String raw();

  /**
   * A usable code.
   *
   * @param code what was read
   * @param symbology what the scanner announced or the digits show
   * @param aimPrefix the AIM symbology identifier that was stripped (e.g. {@code "]E0"}), or {@code
   *     null}
   * @param raw the text as received
   */
  record Accepted(ParsedCode code, Symbology symbology, String aimPrefix, String raw)
      implements ScanResult {
    public Accepted {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(symbology, "symbology");
    }

    /**
     * The code as a catalogue or a receipt look-up reads it: without the AIM identifier or anything
     * else the scanner added (a QR's URL, an internal label's text, a GTIN as printed).
     */
    public String text() {
      if (code instanceof ParsedCode.Plain p) {
        return p.text();
      }
      if (code instanceof ParsedCode.Gtin g) {
        return g.printed();
      }
      if (code instanceof ParsedCode.Embedded e) {
        return e.printed();
      }
      return aimPrefix != null && raw.startsWith(aimPrefix)
          ? raw.substring(aimPrefix.length())
          : raw;
    }
  }

  /**
   * A refused scan.
   *
   * @param reason why, for a localised message
   * @param detail a plain English detail for the diagnostics log
   * @param raw the text as received
   */
  record Rejected(Reason reason, String detail, String raw) implements ScanResult {}

  /** Why a scan was refused. */
  enum Reason {
    EMPTY,
    INVALID_CHARACTERS,
    CHECK_DIGIT,
    MALFORMED_GS1,
    UNKNOWN_AI,
    MALFORMED_EMBEDDED,
    /** More arrived than a scan can hold before its terminator (set by scanner framing). */
    TOO_LONG,
    /** A scan started but its terminator never came (set by scanner framing). */
    INCOMPLETE,
    /** The scanner's configured prefix did not start the scan (set by scanner framing). */
    MISSING_PREFIX,
    /**
     * From a serial line: neither an AIM identifier nor a check digit vouches that this is a code
     * and not line noise ({@link BarcodeParser#parseFromLine}).
     */
    UNANNOUNCED
  }
}
