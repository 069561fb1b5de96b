package io.kasa.devices.receipt;

import io.kasa.devices.escpos.EscPos;
import io.kasa.devices.profile.PrinterProfile;

/**
 * The test page a technician prints to check a printer, its profile and its code pages. Every line
 * fits the profile's paper, whatever the printer's name or address: a long one goes on over several
 * lines rather than being wrapped by the printer where it likes.
 */
public final class TestPage {

  private TestPage() {}

  /** The page's bytes for {@code profile}, naming the printer's {@code uri}. */
  public static byte[] bytes(PrinterProfile profile, String uri) {
    int columns = profile.columnsFontA();
    EscPos p = new EscPos(profile).initialize();
    p.align(EscPos.Align.CENTER).bold(true).size(2, 2);
    lines(p, "KASA", columns / 2);
    p.size(1, 1);
    lines(p, "Тестова сторінка / Test page", columns);
    p.bold(false);
    lines(p, profile.name(), columns);
    if (!profile.verified()) {
      // Its numbers are assumed (ADR 0034): this page is how the technician checks them.
      lines(p, "Профіль не перевірено", columns);
      lines(p, "Profile not verified", columns);
    }
    lines(p, uri, columns);
    p.align(EscPos.Align.LEFT);
    p.line("-".repeat(columns));
    lines(p, "Українська: Ґанок, Їжак, Єнот, Ілля", columns);
    lines(p, "ІЇЄҐ іїєґ  1 234,50 ₴", columns);
    lines(
        p,
        "Code pages: " + String.join(", ", profile.pages().stream().map(Enum::name).toList()),
        columns);
    p.line("-".repeat(columns));
    p.bold(true);
    lines(p, "Bold / Жирний", columns);
    p.bold(false).underline(1);
    lines(p, "Underline / Підкреслений", columns);
    p.underline(0).size(2, 1);
    lines(p, "Wide / Широкий", columns / 2);
    p.size(1, 2);
    lines(p, "Tall / Високий", columns);
    p.size(1, 1).fontB(true);
    lines(p, "Font B: " + profile.columnsFontB() + " columns / Шрифт B", profile.columnsFontB());
    p.fontB(false);
    p.align(EscPos.Align.LEFT).line("Left");
    p.align(EscPos.Align.CENTER).line("Centre");
    p.align(EscPos.Align.RIGHT).line("Right").align(EscPos.Align.LEFT);
    p.line(
        "1234567890".repeat(profile.columnsFontA() / 10 + 1).substring(0, profile.columnsFontA()));
    p.align(EscPos.Align.CENTER);
    p.barcode(EscPos.Barcode.EAN13, "4820000191357", 60, 2, EscPos.Hri.BELOW);
    p.barcode(EscPos.Barcode.CODE128, "KASA-TEST-0042", 60, 2, EscPos.Hri.BELOW);
    if (profile.qrCode()) {
      p.qr("https://kasa.example/test?printer=" + profile.id(), 6, EscPos.QrLevel.M);
    } else {
      lines(p, "(QR codes are not supported by this profile)", columns);
    }
    p.newline().align(EscPos.Align.LEFT);
    p.cut(EscPos.Cut.PARTIAL);
    return p.toBytes();
  }

  /** {@code text} as printed, in as many lines of {@code columns} as it needs. */
  private static void lines(EscPos p, String text, int columns) {
    TextWrap.wrap(p.printable(text), columns).forEach(p::line);
  }
}
