package io.kasa.devices.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.devices.Profiles;
import io.kasa.devices.escpos.EscPos;
import io.kasa.devices.escpos.MonochromeImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round trips: every command the encoder writes comes back out of the decoder. */
class EscPosDecoderTest {

  private final EscPos p = new EscPos(Profiles.epson());

  private List<PrintElement> decoded() {
    return new EscPosDecoder(Profiles.epson()).decode(p.toBytes());
  }

  @Test
  void textWithStylesAndCodePageSwitches() {
    p.initialize()
        .bold(true)
        .size(2, 2)
        .align(EscPos.Align.CENTER)
        .line("Сума ½ Ґ")
        .bold(false)
        .size(1, 1)
        .align(EscPos.Align.LEFT)
        .line("plain");
    assertThat(decoded())
        .containsExactly(
            new PrintElement.Initialize(),
            new PrintElement.TextLine("Сума ½ Ґ", true, false, 2, 2, false, EscPos.Align.CENTER),
            new PrintElement.TextLine("plain", false, false, 1, 1, false, EscPos.Align.LEFT));
  }

  @Test
  void underlineAndFontB() {
    p.underline(1).fontB(true).line("x");
    assertThat(decoded())
        .containsExactly(
            new PrintElement.TextLine("x", false, true, 1, 1, true, EscPos.Align.LEFT));
  }

  @Test
  void feedCutAndDrawer() {
    p.feed(2).cut(EscPos.Cut.PARTIAL).drawerPulse(5, 100, 200);
    assertThat(decoded())
        .containsExactly(
            new PrintElement.Feed(2),
            new PrintElement.Cut(true, 3),
            new PrintElement.DrawerKick(5, 100, 200));
  }

  @Test
  void barcodesOfEveryKind() {
    p.barcode(EscPos.Barcode.EAN13, "4820000191357", 50, 2, EscPos.Hri.BELOW)
        .barcode(EscPos.Barcode.EAN8, "9638507", 50, 2, EscPos.Hri.NONE)
        .barcode(EscPos.Barcode.UPC_A, "03600029145", 50, 2, EscPos.Hri.NONE)
        .barcode(EscPos.Barcode.CODE128, "K1-T1-000042", 50, 2, EscPos.Hri.BELOW);
    assertThat(decoded())
        .containsExactly(
            new PrintElement.Barcode(EscPos.Barcode.EAN13, "4820000191357"),
            new PrintElement.Barcode(EscPos.Barcode.EAN8, "9638507"),
            new PrintElement.Barcode(EscPos.Barcode.UPC_A, "03600029145"),
            new PrintElement.Barcode(EscPos.Barcode.CODE128, "K1-T1-000042"));
  }

  @Test
  void qrCode() {
    p.qr("https://r.kasa.example/K1-T1-000042", 5, EscPos.QrLevel.Q);
    assertThat(decoded())
        .containsExactly(
            new PrintElement.Qr("https://r.kasa.example/K1-T1-000042", 5, EscPos.QrLevel.Q));
  }

  @Test
  void rasterImageBandsAndNvLogos() {
    byte[] data = new byte[2 * 130];
    data[0] = (byte) 0x80;
    MonochromeImage image = new MonochromeImage(16, 130, data);
    p.image(image).nvLogo("K1").storeNvLogo("K1", image.band(0, 2));
    List<PrintElement> elements = decoded();
    assertThat(elements).hasSize(4);
    assertThat(((PrintElement.Image) elements.get(0)).image()).isEqualTo(image.band(0, 128));
    assertThat(((PrintElement.Image) elements.get(1)).image()).isEqualTo(image.band(128, 130));
    assertThat(elements.get(2)).isEqualTo(new PrintElement.NvLogo("K1"));
    assertThat(elements.get(3)).isEqualTo(new PrintElement.NvLogoStored("K1", image.band(0, 2)));
  }

  @Test
  void statusRequests() {
    p.statusRequest(1).statusRequest(4);
    assertThat(decoded())
        .containsExactly(new PrintElement.StatusRequest(1), new PrintElement.StatusRequest(4));
  }

  @Test
  void unknownAndTruncatedCommandsAreReportedNotSkipped() {
    List<PrintElement> elements =
        new EscPosDecoder(Profiles.epson()).decode(new byte[] {0x1b, 0x7e, 0x41, 0x1d, 0x6b});
    assertThat(elements)
        .containsExactly(
            new PrintElement.Unknown(0, "1B 7E"),
            new PrintElement.Unknown(3, "1D 6B"),
            // A line is reported when it ends (here: the end of the stream).
            new PrintElement.TextLine("A", false, false, 1, 1, false, EscPos.Align.LEFT));
  }

  @Test
  void stepsNameEachCommandWhereItStandsAndDecodeTextThroughItsCodePage() {
    p.initialize().bold(true).line("Ґанок").cut(EscPos.Cut.FULL).drawerPulse(2, 100, 100);
    byte[] bytes = p.toBytes();
    List<EscPosDecoder.Step> steps = new EscPosDecoder(Profiles.epson()).steps(bytes);
    assertThat(steps.get(0).command()).isEqualTo("ESC @");
    assertThat(steps.get(0).offset()).isZero();
    assertThat(steps.get(0).elements()).containsExactly(new PrintElement.Initialize());
    assertThat(steps)
        .filteredOn(s -> s.command().equals(EscPosDecoder.Step.TEXT))
        .extracting(EscPosDecoder.Step::text)
        .containsExactly("Ґанок");
    assertThat(steps)
        .extracting(EscPosDecoder.Step::command)
        .contains("ESC E", "LF", "GS V", "ESC p");
    assertThat(steps.get(steps.size() - 1).elements())
        .containsExactly(new PrintElement.DrawerKick(2, 100, 100));
    // The steps cover the stream end to end, each where the one before stops.
    int at = 0;
    for (EscPosDecoder.Step s : steps) {
      assertThat(s.offset()).isEqualTo(at);
      at += s.length();
    }
    assertThat(at).isEqualTo(bytes.length);
  }

  @Test
  void pageNumbersHoldOnlyForTheProfilesOwnCommand() {
    var star = Profiles.ALL.get("star-tsp650-escpos");
    byte[] bytes = new EscPos(star).initialize().line("Ґанок").toBytes();
    List<EscPosDecoder.Step> steps = new EscPosDecoder(star).steps(bytes);
    assertThat(steps).extracting(EscPosDecoder.Step::command).contains("ESC GS t");
    assertThat(new EscPosDecoder(star).decode(bytes))
        .contains(new PrintElement.TextLine("Ґанок", false, false, 1, 1, false, EscPos.Align.LEFT));
    // Star's numbers sent with Epson's command, or Epson's read as Star's: not a page it knows.
    assertThat(new EscPosDecoder(star).decode(new byte[] {0x1b, 't', 34}))
        .containsExactly(new PrintElement.Unknown(0, "1B 74 22"));
    assertThat(new EscPosDecoder(Profiles.epson()).decode(new byte[] {0x1b, 0x1d, 't', 46}))
        .containsExactly(new PrintElement.Unknown(0, "1B 1D 74 2E"));
  }
}
