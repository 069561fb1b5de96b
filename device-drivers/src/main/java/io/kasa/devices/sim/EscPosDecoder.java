package io.kasa.devices.sim;

import io.kasa.devices.escpos.CodePage;
import io.kasa.devices.escpos.EscPos;
import io.kasa.devices.escpos.MonochromeImage;
import io.kasa.devices.profile.PrinterProfile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an ESC/POS byte stream back into what a printer would do: text lines (decoded through the
 * code pages the stream selects, numbered as in {@code profile}), feeds, cuts, drawer kicks,
 * barcodes, QR codes, images, NV logos and status requests. Anything else is reported as {@link
 * PrintElement.Unknown} rather than skipped silently. Used by the virtual printer and the tests.
 */
public final class EscPosDecoder {

  private final Map<Integer, CodePage> pagesByNumber = new HashMap<>();
  private final CodePage firstPage;
  private final PrinterProfile.PageCommand pageCommand;

  public EscPosDecoder(PrinterProfile profile) {
    this.pageCommand = profile.pageCommand();
    profile.codePages().forEach((page, number) -> pagesByNumber.putIfAbsent(number, page));
    this.firstPage = profile.pages().get(0);
  }

  /** Decodes a complete stream. */
  public List<PrintElement> decode(byte[] bytes) {
    return new Run(bytes).decode();
  }

  /**
   * One command, or one run of printable text, as it stands in a stream.
   *
   * @param offset where it starts
   * @param length how many bytes it takes
   * @param command its mnemonic ({@code "ESC @"}, {@code "GS V"}, {@code "LF"}, {@code "GS ( k"},
   *     {@code "DLE EOT"}…), or {@link #TEXT} for printable text
   * @param text for text, the characters decoded through the code page active there; else empty
   * @param elements what the printer did on reading it (a style command does nothing visible: it
   *     changes how the next text prints)
   */
  public record Step(
      int offset, int length, String command, String text, List<PrintElement> elements) {

    /** The {@link #command} of a run of printable text. */
    public static final String TEXT = "text";

    public Step {
      elements = List.copyOf(elements);
    }
  }

  /**
   * Reads a complete stream command by command, for showing a technician what a printer is sent:
   * the same reading as {@link #decode}, with where each command and text run stands.
   */
  public List<Step> steps(byte[] bytes) {
    return new Run(bytes).steps();
  }

  /** The state of one decoding pass. */
  private final class Run {
    private final byte[] b;
    private final List<PrintElement> out = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private int i;
    private CodePage page = firstPage;
    private boolean bold;
    private boolean underline;
    private int width = 1;
    private int height = 1;
    private boolean fontB;
    private EscPos.Align align = EscPos.Align.LEFT;
    private PrintElement.TextLine lineStyle;
    private int qrSize = 3;
    private EscPos.QrLevel qrLevel = EscPos.QrLevel.L;
    private byte[] qrData;

    Run(byte[] bytes) {
      this.b = bytes;
    }

    List<PrintElement> decode() {
      while (i < b.length) {
        one();
      }
      endLine(false);
      return out;
    }

    List<Step> steps() {
      List<Step> steps = new ArrayList<>();
      while (i < b.length) {
        int start = i;
        int before = out.size();
        boolean text = (b[i] & 0xff) >= 0x20;
        CodePage at = page;
        one();
        Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (text && last != null && Step.TEXT.equals(last.command())) {
          steps.set(
              steps.size() - 1,
              new Step(
                  last.offset(),
                  i - last.offset(),
                  Step.TEXT,
                  last.text() + at.decode(b[start]),
                  last.elements()));
        } else {
          steps.add(
              new Step(
                  start,
                  i - start,
                  text ? Step.TEXT : mnemonic(start),
                  text ? String.valueOf(at.decode(b[start])) : "",
                  out.subList(before, out.size())));
        }
      }
      return steps;
    }

    /** The command's name as the ESC/POS manuals write it. */
    private String mnemonic(int at) {
      int c = b[at] & 0xff;
      int next = at + 1 < b.length ? b[at + 1] & 0xff : -1;
      int third = at + 2 < b.length ? b[at + 2] & 0xff : -1;
      String nextChar = next >= 0x20 && next < 0x7f ? String.valueOf((char) next) : hex(next);
      return switch (c) {
        case 0x0a -> "LF";
        case 0x0d -> "CR";
        case 0x1b ->
            next == 0x1d
                ? "ESC GS " + (third >= 0x20 && third < 0x7f ? (char) third : hex(third))
                : "ESC " + nextChar;
        case 0x1c -> "FS " + nextChar;
        case 0x1d ->
            next == '(' || next == '8' || next == 'v'
                ? "GS "
                    + nextChar
                    + " "
                    + (third >= 0x20 && third < 0x7f ? (char) third : hex(third))
                : "GS " + nextChar;
        case 0x10 -> next == 0x04 ? "DLE EOT" : next == 0x14 ? "DLE DC4" : "DLE " + hex(next);
        default -> hex(c);
      };
    }

    private static String hex(int v) {
      return v < 0 ? "" : String.format("0x%02X", v);
    }

    private void one() {
      int start = i;
      int c = b[i] & 0xff;
      if (c == 0x0a) {
        i++;
        endLine(true);
      } else if (c == 0x0d) {
        i++;
      } else if (c == 0x1b) {
        esc(start);
      } else if (c == 0x1d) {
        gs(start);
      } else if (c == 0x1c) {
        fs(start);
      } else if (c == 0x10) {
        dle(start);
      } else if (c < 0x20) {
        i++;
        unknown(start, i);
      } else {
        if (line.length() == 0) {
          lineStyle = new PrintElement.TextLine("", bold, underline, width, height, fontB, align);
        }
        line.append(page.decode(b[i]));
        i++;
      }
    }

    private void esc(int start) {
      if (!need(2, start)) {
        return;
      }
      int cmd = b[i + 1] & 0xff;
      switch (cmd) {
        case '@' -> {
          i += 2;
          endLine(false);
          page = firstPage;
          bold = false;
          underline = false;
          width = 1;
          height = 1;
          fontB = false;
          align = EscPos.Align.LEFT;
          out.add(new PrintElement.Initialize());
        }
        case 'E' -> bold = arg(start, 3) != 0;
        case '-' -> underline = arg(start, 3) != 0;
        case 'M' -> fontB = arg(start, 3) == 1;
        case 'a' -> {
          int n = arg(start, 3);
          if (n >= 0 && n <= 2) {
            align = EscPos.Align.values()[n];
          }
        }
        case '!' -> {
          int n = arg(start, 3);
          if (n >= 0) {
            fontB = (n & 0x01) != 0;
            bold = (n & 0x08) != 0;
            height = (n & 0x10) != 0 ? 2 : 1;
            width = (n & 0x20) != 0 ? 2 : 1;
            underline = (n & 0x80) != 0;
          }
        }
        case 't' -> {
          int n = arg(start, 3);
          selectPage(start, n, PrinterProfile.PageCommand.ESC_T);
        }
        case 0x1d -> {
          if (need(4, start) && b[i + 2] == 't') {
            int n = b[i + 3] & 0xff;
            i += 4;
            selectPage(start, n, PrinterProfile.PageCommand.ESC_GS_T);
          } else if (i + 2 < b.length) {
            i += 3;
            unknown(start, i);
          }
        }
        case 'd' -> {
          int n = arg(start, 3);
          if (n >= 0) {
            endLine(false);
            out.add(new PrintElement.Feed(n));
          }
        }
        case 'p' -> {
          if (need(5, start)) {
            int m = b[i + 2] & 0xff;
            int on = (b[i + 3] & 0xff) * 2;
            int off = (b[i + 4] & 0xff) * 2;
            i += 5;
            out.add(new PrintElement.DrawerKick(m == 0 || m == '0' ? 2 : 5, on, off));
          }
        }
        default -> {
          i += 2;
          unknown(start, i);
        }
      }
    }

    /**
     * A page selected by number: the profile's numbers only hold for the command the profile uses
     * (Star's {@code ESC GS t} table is not Epson's {@code ESC t} table).
     */
    private void selectPage(int start, int n, PrinterProfile.PageCommand command) {
      CodePage p = command == pageCommand ? pagesByNumber.get(n) : null;
      if (p == null) {
        unknown(start, i);
      } else {
        page = p;
      }
    }

    private void gs(int start) {
      if (!need(2, start)) {
        return;
      }
      int cmd = b[i + 1] & 0xff;
      switch (cmd) {
        case '!' -> {
          int n = arg(start, 3);
          if (n >= 0) {
            width = ((n >> 4) & 0x07) + 1;
            height = (n & 0x07) + 1;
          }
        }
        case 'h', 'w', 'H', 'f' -> arg(start, 3);
        case 'V' -> cut(start);
        case 'k' -> barcode(start);
        case '(' -> extended(start);
        case 'v' -> raster(start);
        case '8' -> largeGraphics(start);
        default -> {
          i += 2;
          unknown(start, i);
        }
      }
    }

    private void fs(int start) {
      if (need(2, start) && b[i + 1] == '.') {
        i += 2; // cancel Kanji mode
      } else if (i + 1 < b.length) {
        i += 2;
        unknown(start, i);
      }
    }

    private void dle(int start) {
      if (need(3, start) && b[i + 1] == 0x04) {
        int n = b[i + 2] & 0xff;
        i += 3;
        out.add(new PrintElement.StatusRequest(n));
      } else if (i + 1 < b.length && b[i + 1] == 0x14 && need(5, start)) {
        int m = b[i + 3] & 0xff;
        int t = b[i + 4] & 0xff;
        i += 5;
        out.add(new PrintElement.DrawerKick(m == 0 ? 2 : 5, t * 100, t * 100));
      } else {
        i = Math.min(b.length, i + 2);
        unknown(start, i);
      }
    }

    private void cut(int start) {
      if (!need(3, start)) {
        return;
      }
      int m = b[i + 2] & 0xff;
      if (m == 65 || m == 66) {
        if (!need(4, start)) {
          return;
        }
        int n = b[i + 3] & 0xff;
        i += 4;
        endLine(false);
        out.add(new PrintElement.Cut(m == 66, n));
      } else if (m == 0 || m == 48 || m == 1 || m == 49) {
        i += 3;
        endLine(false);
        out.add(new PrintElement.Cut(m == 1 || m == 49, 0));
      } else {
        i += 3;
        unknown(start, i);
      }
    }

    private void barcode(int start) {
      if (!need(4, start)) {
        return;
      }
      int m = b[i + 2] & 0xff;
      EscPos.Barcode type = null;
      for (EscPos.Barcode t : EscPos.Barcode.values()) {
        if (barcodeNumber(t) == m) {
          type = t;
        }
      }
      int n = b[i + 3] & 0xff;
      if (type == null || !need(4 + n, start)) {
        i = Math.min(b.length, i + 4 + n);
        unknown(start, i);
        return;
      }
      byte[] data = Arrays.copyOfRange(b, i + 4, i + 4 + n);
      i += 4 + n;
      endLine(false);
      String text =
          type == EscPos.Barcode.CODE128
              ? code128Text(data)
              : new String(data, StandardCharsets.US_ASCII);
      out.add(new PrintElement.Barcode(type, text));
    }

    private void extended(int start) {
      // GS ( fn pL pH ...
      if (!need(5, start)) {
        return;
      }
      int fn = b[i + 2] & 0xff;
      int len = (b[i + 3] & 0xff) | ((b[i + 4] & 0xff) << 8);
      if (!need(5 + len, start)) {
        return;
      }
      byte[] p = Arrays.copyOfRange(b, i + 5, i + 5 + len);
      i += 5 + len;
      if (fn == 'k' && len >= 3 && p[0] == 0x31) {
        qr(start, p);
      } else if (fn == 'L' && len >= 2 && p[0] == 0x30) {
        graphics(start, p);
      } else {
        unknown(start, i);
      }
    }

    private void qr(int start, byte[] p) {
      int fn = p[1] & 0xff;
      switch (fn) {
        case 0x41 -> {
          // model: ignored, model 2 is assumed
        }
        case 0x43 -> qrSize = p[2] & 0xff;
        case 0x45 ->
            qrLevel = EscPos.QrLevel.values()[Math.max(0, Math.min(3, (p[2] & 0xff) - 0x30))];
        case 0x50 -> qrData = Arrays.copyOfRange(p, 3, p.length);
        case 0x51 -> {
          endLine(false);
          out.add(
              new PrintElement.Qr(
                  qrData == null ? "" : new String(qrData, StandardCharsets.UTF_8),
                  qrSize,
                  qrLevel));
        }
        default -> unknown(start, i);
      }
    }

    private void graphics(int start, byte[] p) {
      int fn = p[1] & 0xff;
      if (fn == 0x45 && p.length >= 4) {
        endLine(false);
        out.add(new PrintElement.NvLogo(new String(p, 2, 2, StandardCharsets.US_ASCII)));
      } else if (fn == 0x43 && p.length >= 11) {
        storedLogo(p);
      } else {
        unknown(start, i);
      }
    }

    private void storedLogo(byte[] p) {
      String key = new String(p, 3, 2, StandardCharsets.US_ASCII);
      int w = (p[6] & 0xff) | ((p[7] & 0xff) << 8);
      int h = (p[8] & 0xff) | ((p[9] & 0xff) << 8);
      byte[] data = Arrays.copyOfRange(p, 11, p.length);
      out.add(new PrintElement.NvLogoStored(key, new MonochromeImage(w, h, data)));
    }

    private void largeGraphics(int start) {
      // GS 8 L p1 p2 p3 p4 m fn ...
      if (!need(7, start) || b[i + 2] != 'L') {
        i = Math.min(b.length, i + 3);
        unknown(start, i);
        return;
      }
      long len =
          (b[i + 3] & 0xffL)
              | ((b[i + 4] & 0xffL) << 8)
              | ((b[i + 5] & 0xffL) << 16)
              | ((b[i + 6] & 0xffL) << 24);
      if (len > Integer.MAX_VALUE - 16 || !need(7 + (int) len, start)) {
        i = b.length;
        unknown(start, i);
        return;
      }
      byte[] p = Arrays.copyOfRange(b, i + 7, i + 7 + (int) len);
      i += 7 + (int) len;
      graphics(start, p);
    }

    private void raster(int start) {
      // GS v 0 m xL xH yL yH d...
      if (!need(8, start) || b[i + 2] != '0') {
        i = Math.min(b.length, i + 3);
        unknown(start, i);
        return;
      }
      int xBytes = (b[i + 4] & 0xff) | ((b[i + 5] & 0xff) << 8);
      int rows = (b[i + 6] & 0xff) | ((b[i + 7] & 0xff) << 8);
      int size = xBytes * rows;
      if (xBytes == 0 || rows == 0 || !need(8 + size, start)) {
        i = b.length;
        unknown(start, i);
        return;
      }
      byte[] data = Arrays.copyOfRange(b, i + 8, i + 8 + size);
      i += 8 + size;
      endLine(false);
      out.add(new PrintElement.Image(new MonochromeImage(xBytes * 8, rows, data)));
    }

    /** Reads a one-argument command of {@code length} bytes; returns the argument or -1. */
    private int arg(int start, int length) {
      if (!need(length, start)) {
        return -1;
      }
      int n = b[i + length - 1] & 0xff;
      i += length;
      return n;
    }

    /** Whether {@code n} bytes remain from {@code i}; if not, the rest is unknown. */
    private boolean need(int n, int start) {
      if (i + n <= b.length) {
        return true;
      }
      i = b.length;
      unknown(start, i);
      return false;
    }

    private void unknown(int from, int to) {
      StringBuilder hex = new StringBuilder();
      for (int k = from; k < to && k < b.length; k++) {
        hex.append(String.format("%02X", b[k] & 0xff));
        if (k + 1 < to) {
          hex.append(' ');
        }
      }
      out.add(new PrintElement.Unknown(from, hex.toString()));
    }

    private void endLine(boolean always) {
      if (line.length() > 0 || always) {
        PrintElement.TextLine style =
            lineStyle != null && line.length() > 0
                ? lineStyle
                : new PrintElement.TextLine("", bold, underline, width, height, fontB, align);
        out.add(
            new PrintElement.TextLine(
                line.toString(),
                style.bold(),
                style.underline(),
                style.width(),
                style.height(),
                style.fontB(),
                style.align()));
        line.setLength(0);
        lineStyle = null;
      }
    }
  }

  private static int barcodeNumber(EscPos.Barcode type) {
    return switch (type) {
      case UPC_A -> 65;
      case EAN13 -> 67;
      case EAN8 -> 68;
      case CODE128 -> 73;
    };
  }

  /** CODE128 payload without the {@code {A {B {C} selectors; set C pairs become two digits. */
  static String code128Text(byte[] data) {
    StringBuilder s = new StringBuilder();
    char set = 'B';
    for (int k = 0; k < data.length; k++) {
      int c = data[k] & 0xff;
      if (c == '{' && k + 1 < data.length) {
        int next = data[k + 1] & 0xff;
        k++;
        if (next == 'A' || next == 'B' || next == 'C') {
          set = (char) next;
        } else if (next == '{') {
          s.append('{');
        }
        continue;
      }
      if (set == 'C') {
        s.append(String.format("%02d", c));
      } else {
        s.append((char) c);
      }
    }
    return s.toString();
  }
}
