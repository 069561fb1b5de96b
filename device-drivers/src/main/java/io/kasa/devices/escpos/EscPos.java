package io.kasa.devices.escpos;

import io.kasa.devices.profile.PrinterProfile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Builds an ESC/POS byte stream for one printer profile. Produces bytes and nothing else; a
 * transport sends them. Text is encoded through {@link TextEncoder}, so code-page switches are
 * inserted where needed and characters no page has are replaced by their fallbacks. Not
 * thread-safe.
 */
public final class EscPos {

  public static final byte ESC = 0x1b;
  public static final byte GS = 0x1d;
  public static final byte FS = 0x1c;
  public static final byte DLE = 0x10;
  public static final byte EOT = 0x04;
  public static final byte LF = 0x0a;

  /** Raster images are sent in bands of at most this many rows. */
  public static final int RASTER_BAND_ROWS = 128;

  /** Text alignment. */
  public enum Align {
    LEFT,
    CENTER,
    RIGHT
  }

  /** Cut kinds. */
  public enum Cut {
    FULL,
    PARTIAL
  }

  /** Barcode symbologies {@code GS k} can print. */
  public enum Barcode {
    UPC_A(65),
    EAN13(67),
    EAN8(68),
    CODE128(73);

    private final int m;

    Barcode(int m) {
      this.m = m;
    }
  }

  /** Where the human-readable text of a barcode goes. */
  public enum Hri {
    NONE,
    ABOVE,
    BELOW,
    BOTH
  }

  /** QR error-correction levels. */
  public enum QrLevel {
    L,
    M,
    Q,
    H
  }

  private final PrinterProfile profile;
  private final TextEncoder text;
  private final ByteBuffer out = new ByteBuffer();
  private CodePage page;

  public EscPos(PrinterProfile profile) {
    this.profile = Objects.requireNonNull(profile, "profile");
    this.text = new TextEncoder(profile.pages());
    this.page = text.pages().get(0);
  }

  public PrinterProfile profile() {
    return profile;
  }

  /**
   * {@code ESC @}, then the code page again ({@code ESC t n}, or {@code ESC GS t n} where the
   * profile numbers its pages as Star does) and {@code FS .}: initialising resets the page, and
   * clones left in Kanji mode print Cyrillic as Chinese without {@code FS .}.
   */
  public EscPos initialize() {
    raw(ESC, '@');
    selectPage(page);
    raw(FS, '.');
    return this;
  }

  /** Text without a line end, in whatever code pages it needs. */
  public EscPos text(String s) {
    // Fast path: the whole text is in the current page (nearly always on a receipt).
    if (out.appendIfEncodable(s, page)) {
      return this;
    }
    for (TextEncoder.Run run : text.encode(s, page)) {
      if (run.page() != page) {
        selectPage(run.page());
      }
      out.write(run.bytes());
    }
    return this;
  }

  /** Text and a line feed. */
  public EscPos line(String s) {
    return text(s).newline();
  }

  public EscPos newline() {
    out.write(LF);
    return this;
  }

  /** {@code ESC E n}. */
  public EscPos bold(boolean on) {
    return raw(ESC, 'E', on ? 1 : 0);
  }

  /** {@code ESC - n}: 0 off, 1 thin, 2 thick. */
  public EscPos underline(int thickness) {
    if (thickness < 0 || thickness > 2) {
      throw new IllegalArgumentException("Underline is 0, 1 or 2: " + thickness);
    }
    return raw(ESC, '-', thickness);
  }

  /** {@code GS ! n}: character width and height multipliers 1–8. */
  public EscPos size(int width, int height) {
    if (width < 1 || width > 8 || height < 1 || height > 8) {
      throw new IllegalArgumentException("Character size is 1-8: " + width + "x" + height);
    }
    return raw(GS, '!', ((width - 1) << 4) | (height - 1));
  }

  /** {@code ESC M n}: font A (false) or the smaller font B (true). */
  public EscPos fontB(boolean on) {
    return raw(ESC, 'M', on ? 1 : 0);
  }

  /** {@code ESC a n}. */
  public EscPos align(Align align) {
    return raw(ESC, 'a', align.ordinal());
  }

  /** {@code ESC d n}: print and feed n lines. */
  public EscPos feed(int lines) {
    if (lines < 0 || lines > 255) {
      throw new IllegalArgumentException("Feed is 0-255 lines: " + lines);
    }
    return raw(ESC, 'd', lines);
  }

  /**
   * Feeds past the tear line and cuts as the profile allows: {@code GS V 65|66 n} where feed and
   * cut is one command, otherwise {@code ESC d n} then {@code GS V 0|1}; without a cutter only the
   * feed.
   */
  public EscPos cut(Cut kind) {
    int feed = profile.cutFeedLines();
    if (!profile.hasCutter()) {
      return feed(feed);
    }
    boolean partial = kind == Cut.PARTIAL ? profile.partialCut() : !profile.fullCut();
    if (profile.feedAndCut()) {
      return raw(GS, 'V', partial ? 66 : 65, feed);
    }
    feed(feed);
    return raw(GS, 'V', partial ? 1 : 0);
  }

  /**
   * {@code ESC p m t1 t2}: a pulse on drawer pin 2 or 5, times in milliseconds rounded up to the 2
   * ms unit (see {@link DrawerPulse}).
   */
  public EscPos drawerPulse(int pin, int onMillis, int offMillis) {
    return drawerPulse(DrawerPulse.escP(pin, onMillis, offMillis));
  }

  /** The pulse with its own command: {@code ESC p} or the real-time {@code DLE DC4 1 m t}. */
  public EscPos drawerPulse(DrawerPulse pulse) {
    out.write(pulse.toBytes());
    return this;
  }

  /** The profile's default drawer pulse, with the profile's command. */
  public EscPos drawerPulse() {
    return drawerPulse(profile.drawerPulse());
  }

  /**
   * A barcode with {@code GS h} height, {@code GS w} module width, {@code GS H} text position and
   * {@code GS k m n d…}. EAN/UPC data is digits without (or with) the check digit; CODE128 data is
   * any ASCII and gets automatic code sets.
   */
  public EscPos barcode(Barcode type, String data, int heightDots, int moduleWidth, Hri hri) {
    if (heightDots < 1 || heightDots > 255 || moduleWidth < 2 || moduleWidth > 6) {
      throw new IllegalArgumentException("Barcode height 1-255 and module width 2-6");
    }
    byte[] payload =
        switch (type) {
          case EAN13 -> digits(data, 12, 13);
          case EAN8 -> digits(data, 7, 8);
          case UPC_A -> digits(data, 11, 12);
          case CODE128 -> Code128.encode(data);
        };
    if (payload.length > 255) {
      throw new IllegalArgumentException("Barcode data too long: " + payload.length + " bytes");
    }
    raw(GS, 'h', heightDots);
    raw(GS, 'w', moduleWidth);
    raw(GS, 'H', hri.ordinal());
    raw(GS, 'k', type.m, payload.length);
    out.write(payload);
    return this;
  }

  /**
   * A QR code (model 2) with {@code GS ( k}: model, module size 1–16, error level, store the data,
   * print it.
   */
  public EscPos qr(String data, int moduleSize, QrLevel level) {
    if (!profile.qrCode()) {
      throw new UnsupportedOperationException(profile.name() + " cannot print QR codes");
    }
    if (moduleSize < 1 || moduleSize > 16) {
      throw new IllegalArgumentException("QR module size is 1-16: " + moduleSize);
    }
    byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0 || bytes.length > 7089) {
      throw new IllegalArgumentException("QR data must be 1-7089 bytes");
    }
    raw(GS, '(', 'k', 4, 0, 0x31, 0x41, 0x32, 0x00);
    raw(GS, '(', 'k', 3, 0, 0x31, 0x43, moduleSize);
    raw(GS, '(', 'k', 3, 0, 0x31, 0x45, 0x30 + level.ordinal());
    int len = bytes.length + 3;
    raw(GS, '(', 'k', len & 0xff, len >> 8, 0x31, 0x50, 0x30);
    out.write(bytes);
    raw(GS, '(', 'k', 3, 0, 0x31, 0x51, 0x30);
    return this;
  }

  /** A raster image with {@code GS v 0}, in bands so no single command is too large. */
  public EscPos image(MonochromeImage image) {
    if (!profile.rasterImage()) {
      throw new UnsupportedOperationException(profile.name() + " cannot print raster images");
    }
    if (image.widthDots() > profile.paperWidthDots()) {
      throw new IllegalArgumentException(
          "Image is "
              + image.widthDots()
              + " dots wide; the paper has "
              + profile.paperWidthDots());
    }
    for (int y = 0; y < image.heightDots(); y += RASTER_BAND_ROWS) {
      MonochromeImage band = image.band(y, Math.min(image.heightDots(), y + RASTER_BAND_ROWS));
      int xBytes = band.widthBytes();
      int rows = band.heightDots();
      raw(GS, 'v', '0', 0, xBytes & 0xff, xBytes >> 8, rows & 0xff, rows >> 8);
      out.write(band.data());
    }
    return this;
  }

  /** Prints the logo stored in NV memory under a two-character key: {@code GS ( L} fn 69. */
  public EscPos nvLogo(String key) {
    requireNv();
    byte[] k = key(key);
    return raw(GS, '(', 'L', 6, 0, 0x30, 0x45, k[0], k[1], 1, 1);
  }

  /**
   * Stores {@code image} in NV memory under a two-character key: {@code GS ( L} (or {@code GS 8 L}
   * for large images) fn 67, raster format, one colour. A technician does this once; receipts then
   * print the logo by key.
   */
  public EscPos storeNvLogo(String key, MonochromeImage image) {
    requireNv();
    byte[] k = key(key);
    byte[] data = image.data();
    long params = 11L + data.length;
    int w = image.widthDots();
    int h = image.heightDots();
    if (params <= 0xffff) {
      raw(GS, '(', 'L', (int) (params & 0xff), (int) (params >> 8));
    } else {
      raw(
          GS,
          '8',
          'L',
          (int) (params & 0xff),
          (int) ((params >> 8) & 0xff),
          (int) ((params >> 16) & 0xff),
          (int) (params >> 24));
    }
    raw(0x30, 0x43, 0x30, k[0], k[1], 1, w & 0xff, w >> 8, h & 0xff, h >> 8, 0x31);
    out.write(data);
    return this;
  }

  /** {@code DLE EOT n}: real-time status request 1–4. */
  public EscPos statusRequest(int n) {
    if (n < 1 || n > 4) {
      throw new IllegalArgumentException("Status request is 1-4: " + n);
    }
    return raw(DLE, EOT, n);
  }

  /** The code page the printer is in after the bytes so far. */
  public CodePage currentPage() {
    return page;
  }

  /** Characters per line in font A. */
  public int columns() {
    return profile.columnsFontA();
  }

  public byte[] toBytes() {
    return out.toByteArray();
  }

  public int size() {
    return out.size();
  }

  /** {@code s} as this printer prints it, fallbacks applied. */
  public String printable(String s) {
    return text.substitute(s);
  }

  /** Whether {@code s} prints without any fallback on this printer. */
  public boolean printsExactly(String s) {
    return text.printsExactly(s);
  }

  /** The pages this printer offers, in order of preference. */
  public List<CodePage> pages() {
    return text.pages();
  }

  private void selectPage(CodePage p) {
    int n = profile.numberOf(p);
    switch (profile.pageCommand()) {
      case ESC_T -> raw(ESC, 't', n);
      case ESC_GS_T -> raw(ESC, GS, 't', n);
    }
    page = p;
  }

  private void requireNv() {
    if (!profile.nvGraphics()) {
      throw new UnsupportedOperationException(profile.name() + " cannot store logos in NV memory");
    }
  }

  private static byte[] key(String key) {
    if (key == null
        || key.length() != 2
        || key.charAt(0) < 0x20
        || key.charAt(0) > 0x7e
        || key.charAt(1) < 0x20
        || key.charAt(1) > 0x7e) {
      throw new IllegalArgumentException(
          "An NV logo key is two printable ASCII characters: " + key);
    }
    return key.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] digits(String data, int withoutCheck, int withCheck) {
    if ((data.length() != withoutCheck && data.length() != withCheck)
        || !data.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(
          "Barcode needs " + withoutCheck + " or " + withCheck + " digits: '" + data + "'");
    }
    return data.getBytes(StandardCharsets.US_ASCII);
  }

  private EscPos raw(int a, int b) {
    out.write(a);
    out.write(b);
    return this;
  }

  private EscPos raw(int a, int b, int c) {
    out.write(a);
    out.write(b);
    out.write(c);
    return this;
  }

  private EscPos raw(int... bytes) {
    for (int b : bytes) {
      out.write(b);
    }
    return this;
  }
}
