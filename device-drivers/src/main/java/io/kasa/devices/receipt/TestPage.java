package io.kasa.devices.receipt;

import io.kasa.devices.escpos.EscPos;
import io.kasa.devices.profile.PrinterProfile;

/** The test page a technician prints to check a printer, its profile and its code pages. */
public final class TestPage {

  private TestPage() {}

  /** The page's bytes for {@code profile}, naming the printer's {@code uri}. */
  public static byte[] bytes(PrinterProfile profile, String uri) {
    EscPos p = new EscPos(profile).initialize();
    p.align(EscPos.Align.CENTER)
        .bold(true)
        .size(2, 2)
        .line("KASA")
        .size(1, 1)
        .line("Тестова сторінка / Test page")
        .bold(false);
    p.line(profile.name()).line(uri).align(EscPos.Align.LEFT);
    p.line("-".repeat(profile.columnsFontA()));
    p.line("Українська: Ґанок, Їжак, Єнот, Ілля");
    p.line("ІЇЄҐ іїєґ  1 234,50 ₴");
    p.line("Code pages: " + String.join(", ", profile.pages().stream().map(Enum::name).toList()));
    p.line("-".repeat(profile.columnsFontA()));
    p.bold(true).line("Bold / Жирний").bold(false);
    p.underline(1).line("Underline / Підкреслений").underline(0);
    p.size(2, 1).line("Wide / Широкий").size(1, 1);
    p.size(1, 2).line("Tall / Високий").size(1, 1);
    p.fontB(true).line("Font B: " + profile.columnsFontB() + " columns / Шрифт B").fontB(false);
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
      p.line("(QR codes are not supported by this profile)");
    }
    p.newline().align(EscPos.Align.LEFT);
    p.cut(EscPos.Cut.PARTIAL);
    return p.toBytes();
  }
}
