package io.kasa.terminal.tech;

import io.kasa.devices.escpos.CodePage;
import io.kasa.devices.sim.EscPosDecoder;
import io.kasa.devices.sim.PrintElement;
import io.kasa.terminal.devices.SentJob;
import io.kasa.terminal.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sent job read back as its printer reads it, for the technician: each command by its name in the
 * manuals with what it does in the screen's words ({@code ESC @ (initialise)}), each line of text
 * decoded through the code page the printer has selected at that point; and the same bytes as a hex
 * dump. Both are keyed by offset, so a line of one is found in the other.
 */
final class JobDecoding {

  /** Bytes on a line of the hex dump. */
  static final int HEX_ROW = 8;

  /**
   * Characters on a row of the commands: the bench's column is narrow at 1024 px, so a longer row
   * goes on under its offset rather than off the side.
   */
  static final int ROW = 44;

  private static final String UNDER_OFFSET = " ".repeat(6);

  private JobDecoding() {}

  /** The job's commands and text, one a line, each starting with its offset. */
  static List<String> commands(SentJob job, Messages m) {
    byte[] bytes = job.bytes();
    List<EscPosDecoder.Step> steps = new EscPosDecoder(job.profile()).steps(bytes);
    List<String> out = new ArrayList<>();
    for (int k = 0; k < steps.size(); k++) {
      EscPosDecoder.Step s = steps.get(k);
      if (EscPosDecoder.Step.TEXT.equals(s.command())) {
        boolean ends = k + 1 < steps.size() && steps.get(k + 1).command().equals("LF");
        // Printed text is cut at the row's end, never at a space: every character stays shown.
        String text = "«" + s.text() + "»" + (ends ? " LF" : "");
        String head = offset(s.offset());
        for (int at = 0; at < text.length(); at += ROW - UNDER_OFFSET.length()) {
          out.add(
              head + text.substring(at, Math.min(text.length(), at + ROW - UNDER_OFFSET.length())));
          head = UNDER_OFFSET;
        }
        if (ends) {
          k++;
        }
      } else {
        List<String> rows =
            io.kasa.devices.receipt.TextWrap.wrap(
                s.command() + " (" + meaning(s, bytes, job, m) + ")", ROW - UNDER_OFFSET.length());
        out.add(offset(s.offset()) + rows.get(0));
        rows.subList(1, rows.size()).forEach(r -> out.add(UNDER_OFFSET + r));
      }
    }
    return out;
  }

  /** The bytes as offset, hex and ASCII (a dot for anything not printable ASCII). */
  static List<String> hex(byte[] bytes) {
    List<String> out = new ArrayList<>();
    for (int row = 0; row < bytes.length; row += HEX_ROW) {
      StringBuilder hex = new StringBuilder();
      StringBuilder ascii = new StringBuilder();
      for (int k = row; k < row + HEX_ROW; k++) {
        if (k < bytes.length) {
          int b = bytes[k] & 0xff;
          hex.append(String.format(Locale.ROOT, "%02X ", b));
          ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        } else {
          hex.append("   ");
        }
      }
      out.add(offset(row) + hex + " " + ascii);
    }
    return out;
  }

  private static String offset(int at) {
    return String.format(Locale.ROOT, "%04X  ", at);
  }

  /** What a command does, in the screen's words. */
  private static String meaning(EscPosDecoder.Step s, byte[] b, SentJob job, Messages m) {
    int n = s.length() > 2 ? b[s.offset() + s.length() - 1] & 0xff : 0;
    for (PrintElement e : s.elements()) {
      if (e instanceof PrintElement.DrawerKick k) {
        return m.get("tech.cmd.drawer", k.pin(), k.onMillis());
      } else if (e instanceof PrintElement.Cut c) {
        return m.get(c.partial() ? "tech.cmd.cutPartial" : "tech.cmd.cutFull", c.feedLines());
      } else if (e instanceof PrintElement.Barcode bc) {
        return m.get("tech.cmd.barcode", bc.type().name(), bc.data());
      } else if (e instanceof PrintElement.Qr q) {
        return m.get("tech.cmd.qr", q.data());
      } else if (e instanceof PrintElement.Image i) {
        return m.get("tech.cmd.image", i.image().widthDots(), i.image().heightDots());
      } else if (e instanceof PrintElement.NvLogo l) {
        return m.get("tech.cmd.logo", l.key());
      } else if (e instanceof PrintElement.NvLogoStored l) {
        return m.get("tech.cmd.logoStored", l.key(), l.image().widthDots(), l.image().heightDots());
      } else if (e instanceof PrintElement.StatusRequest r) {
        return m.get("tech.cmd.status", r.n());
      } else if (e instanceof PrintElement.Feed f) {
        return m.get("tech.cmd.feed", f.lines());
      } else if (e instanceof PrintElement.Unknown u) {
        return m.get("tech.cmd.unknown", u.hex());
      }
    }
    return switch (s.command()) {
      case "ESC @" -> m.get("tech.cmd.initialise");
      case "ESC E" -> m.get(n == 0 ? "tech.cmd.boldOff" : "tech.cmd.boldOn");
      case "ESC -" -> m.get(n == 0 ? "tech.cmd.underlineOff" : "tech.cmd.underlineOn");
      case "ESC M" -> m.get("tech.cmd.font", n == 1 ? "B" : "A");
      case "ESC a" -> m.get("tech.cmd.align." + Math.min(n, 2));
      case "ESC !" -> m.get("tech.cmd.mode");
      case "ESC t", "ESC GS t" -> m.get("tech.cmd.codePage", page(job, n));
      case "GS !" -> m.get("tech.cmd.size", ((n >> 4) & 0x07) + 1, (n & 0x07) + 1);
      case "GS h" -> m.get("tech.cmd.barcodeHeight", n);
      case "GS w" -> m.get("tech.cmd.barcodeWidth", n);
      case "GS H" -> m.get("tech.cmd.barcodeText");
      case "GS f" -> m.get("tech.cmd.barcodeFont");
      case "GS ( k" -> m.get("tech.cmd.qrSetting");
      case "FS ." -> m.get("tech.cmd.kanjiOff");
      case "CR" -> m.get("tech.cmd.cr");
      case "LF" -> m.get("tech.cmd.lf");
      default -> m.get("tech.cmd.other");
    };
  }

  private static String page(SentJob job, int number) {
    for (Map.Entry<CodePage, Integer> e : job.profile().codePages().entrySet()) {
      if (e.getValue() == number) {
        return e.getKey().name();
      }
    }
    return "#" + number;
  }
}
