package io.kasa.devices.escpos;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.Locale;

/**
 * The single-byte character tables receipt printers know. The number that selects one with {@code
 * ESC t n} differs by vendor and lives in the printer profile; this enum only knows the characters.
 *
 * <p>Every page maps the ASCII range 0x20–0x7E to itself. CP1125 (the Ukrainian variant of CP866
 * with Ґ ґ Є є І і Ї ї) is not in the JDK, so its table ships here.
 */
public enum CodePage {
  CP437("IBM437"),
  CP850("IBM850"),
  CP858("IBM00858"),
  CP866("IBM866"),
  CP1125(null),
  CP1251("windows-1251"),
  CP1252("windows-1252");

  /**
   * CP1125 (RST 2018-91) bytes 0x80–0xFF. Identical to CP866 except 0xF2–0xF9, where CP866 has Є є
   * Ї ї Ў ў ° ∙ and CP1125 has Ґ ґ Є є І і Ї ї.
   */
  private static final String CP1125_HIGH =
      "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
          + "абвгдежзийклмноп"
          + "░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀"
          + "рстуфхцчшщъыьэюя"
          + "ЁёҐґЄєІіЇї·√№¤■\u00a0";

  private final char[] table;
  private final short[] reverse;

  CodePage(String charsetName) {
    this.table = buildTable(charsetName);
    this.reverse = buildReverse(table);
  }

  /** The name used in profiles and configuration, e.g. {@code CP1251}. */
  public String id() {
    return name();
  }

  /** Accepts {@code CP1251}, {@code WPC1251}, {@code cp-1251}. */
  public static CodePage fromId(String id) {
    String key = id.toUpperCase(Locale.ROOT).replace("WPC", "CP").replace("-", "").replace("_", "");
    return CodePage.valueOf(key);
  }

  /** Whether {@code c} can be printed in this page. */
  public boolean canEncode(char c) {
    return reverse[c] >= 0;
  }

  /** The byte for {@code c}; call {@link #canEncode} first. */
  public byte encode(char c) {
    short b = reverse[c];
    if (b < 0) {
      throw new IllegalArgumentException(String.format("U+%04X is not in %s", (int) c, name()));
    }
    return (byte) b;
  }

  /** The byte for {@code c}, or -1 if this page does not have it. */
  int byteOf(char c) {
    return reverse[c];
  }

  /** The character printed for byte {@code b}, or U+FFFD for an undefined byte. */
  public char decode(byte b) {
    return table[b & 0xff];
  }

  private static char[] buildTable(String charsetName) {
    char[] chars = new char[256];
    for (int i = 0; i < 128; i++) {
      chars[i] = (char) i;
    }
    if (charsetName == null) {
      for (int i = 0; i < 128; i++) {
        chars[128 + i] = CP1125_HIGH.charAt(i);
      }
      return chars;
    }
    CharsetDecoder decoder =
        Charset.forName(charsetName)
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    for (int i = 128; i < 256; i++) {
      try {
        CharBuffer decoded = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) i}));
        chars[i] = decoded.length() == 1 ? decoded.get(0) : '\ufffd';
      } catch (CharacterCodingException e) {
        chars[i] = '\ufffd';
      }
    }
    return chars;
  }

  private static short[] buildReverse(char[] chars) {
    short[] rev = new short[65536];
    Arrays.fill(rev, (short) -1);
    // Printable characters only: control bytes are commands, never text.
    for (int i = 0x20; i < 256; i++) {
      char c = chars[i];
      if (c != '\ufffd' && c != 0x7f && !(c >= 0x80 && c < 0xa0) && rev[c] < 0) {
        rev[c] = (short) i;
      }
    }
    return rev;
  }
}
