package io.kasa.devices.sim;

import io.kasa.devices.escpos.EscPos;
import io.kasa.devices.escpos.MonochromeImage;

/** One thing a printer did with the bytes it received. */
public sealed interface PrintElement {

  /** {@code ESC @}. */
  record Initialize() implements PrintElement {}

  /**
   * A printed line of text with the style it had when its first character arrived.
   *
   * @param text the characters, decoded through the active code pages
   * @param bold emphasised
   * @param underline underlined
   * @param width character width multiplier
   * @param height character height multiplier
   * @param fontB the small font
   * @param align alignment
   */
  record TextLine(
      String text,
      boolean bold,
      boolean underline,
      int width,
      int height,
      boolean fontB,
      EscPos.Align align)
      implements PrintElement {}

  /**
   * Paper fed by {@code ESC d}.
   *
   * @param lines how many lines
   */
  record Feed(int lines) implements PrintElement {}

  /**
   * The paper was cut.
   *
   * @param partial partial (true) or full cut
   * @param feedLines lines fed by the cut command itself
   */
  record Cut(boolean partial, int feedLines) implements PrintElement {}

  /**
   * A drawer pulse.
   *
   * @param pin 2 or 5
   * @param onMillis pulse on-time
   * @param offMillis pulse off-time
   */
  record DrawerKick(int pin, int onMillis, int offMillis) implements PrintElement {}

  /**
   * A printed barcode.
   *
   * @param type symbology
   * @param data the encoded text (CODE128 code-set switches removed)
   */
  record Barcode(EscPos.Barcode type, String data) implements PrintElement {}

  /**
   * A printed QR code.
   *
   * @param data its content
   * @param moduleSize module size
   * @param level error-correction level
   */
  record Qr(String data, int moduleSize, EscPos.QrLevel level) implements PrintElement {}

  /**
   * A printed raster image (one band).
   *
   * @param image the bitmap
   */
  record Image(MonochromeImage image) implements PrintElement {}

  /**
   * A logo printed from NV memory.
   *
   * @param key its two-character key
   */
  record NvLogo(String key) implements PrintElement {}

  /**
   * A logo stored into NV memory.
   *
   * @param key its key
   * @param image the bitmap
   */
  record NvLogoStored(String key, MonochromeImage image) implements PrintElement {}

  /**
   * A real-time status request {@code DLE EOT n}.
   *
   * @param n 1 to 4
   */
  record StatusRequest(int n) implements PrintElement {}

  /**
   * Bytes that are not a command this decoder knows.
   *
   * @param offset where they start
   * @param hex the bytes in hex
   */
  record Unknown(int offset, String hex) implements PrintElement {}
}
