package io.kasa.devices.scanner;

import java.nio.charset.StandardCharsets;

/**
 * The USB HID POS scanned-data input report (usage page 0x8C) as barcode scanners in HID POS mode
 * send it on their interrupt IN endpoint, 64 bytes:
 *
 * <pre>
 * byte 0       report id 0x02
 * byte 1       number of data bytes in this report (0–56)
 * bytes 2–4    AIM symbology identifier, e.g. ']' 'E' '0' (zeros when not sent)
 * bytes 5–60   decoded data
 * byte 63      bit 0: the data continues in the next report
 * </pre>
 *
 * @param aim the AIM identifier, or empty
 * @param data the data bytes of this report as text (ISO-8859-1, one character per byte)
 * @param continued whether more data follows
 */
public record HidPosReport(String aim, String data, boolean continued) {

  public static final int REPORT_ID = 0x02;
  public static final int SIZE = 64;
  public static final int MAX_DATA = 56;

  /** Parses one report; null when it is not a scanned-data report. */
  public static HidPosReport parse(byte[] report, int length) {
    if (length < 6 || (report[0] & 0xff) != REPORT_ID) {
      return null;
    }
    int n = report[1] & 0xff;
    if (n > MAX_DATA || 5 + n > length) {
      return null;
    }
    String aim = report[2] == ']' ? new String(report, 2, 3, StandardCharsets.ISO_8859_1) : "";
    String data = new String(report, 5, n, StandardCharsets.ISO_8859_1);
    boolean continued = length >= SIZE && (report[SIZE - 1] & 0x01) != 0;
    return new HidPosReport(aim, data, continued);
  }

  /** Builds the reports that carry {@code data}, as a scanner does (for simulators and tests). */
  public static byte[][] encode(String aim, String data) {
    byte[] bytes = data.getBytes(StandardCharsets.ISO_8859_1);
    int count = Math.max(1, (bytes.length + MAX_DATA - 1) / MAX_DATA);
    byte[][] reports = new byte[count][];
    for (int r = 0; r < count; r++) {
      byte[] report = new byte[SIZE];
      int from = r * MAX_DATA;
      int n = Math.min(MAX_DATA, bytes.length - from);
      report[0] = REPORT_ID;
      report[1] = (byte) n;
      if (aim != null && aim.length() == 3) {
        byte[] a = aim.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(a, 0, report, 2, 3);
      }
      System.arraycopy(bytes, from, report, 5, n);
      report[SIZE - 1] = (byte) (r < count - 1 ? 1 : 0);
      reports[r] = report;
    }
    return reports;
  }
}
