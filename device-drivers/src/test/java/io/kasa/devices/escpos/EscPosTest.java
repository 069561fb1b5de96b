package io.kasa.devices.escpos;

import static io.kasa.devices.escpos.Hex.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.devices.Profiles;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.profile.PrinterProfiles;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EscPosTest {

  private final EscPos epson = new EscPos(Profiles.epson());

  @Test
  void initialiseResetsThenSelectsTheCodePageAndCancelsKanji() {
    // TM-T20III prefers WPC1251 (46 = 0x2E).
    assertThat(of(epson.initialize().toBytes())).isEqualTo("1B 40 1B 74 2E 1C 2E");
  }

  @Test
  void starProfilesSelectPagesWithStarsOwnCommandAndNumbers() {
    // Star numbers WPC1251 34 (0x22) in its own table, read with ESC GS t; ESC t 34 is PC855.
    EscPos star = new EscPos(Profiles.ALL.get("star-tsp650-escpos"));
    assertThat(of(star.initialize().toBytes())).isEqualTo("1B 40 1B 1D 74 22 1C 2E");
    assertThat(of(star.text("Ґ").text("é").toBytes())).endsWith("A5 1B 1D 74 03 82");
  }

  @Test
  void cyrillicTextGoesOutInCp1251() {
    assertThat(of(epson.initialize().line("Ґі").toBytes())).endsWith("1C 2E A5 B3 0A");
  }

  @Test
  void switchesToCp437ForCharactersOnlyItHas() {
    EscPos p = new EscPos(Profiles.epson()).initialize();
    p.text("½");
    assertThat(of(p.toBytes())).endsWith("1C 2E 1B 74 00 AB");
    assertThat(p.currentPage()).isEqualTo(CodePage.CP437);
  }

  @Test
  void styleCommands() {
    assertThat(of(epson.bold(true).bold(false).toBytes())).isEqualTo("1B 45 01 1B 45 00");
    assertThat(of(new EscPos(Profiles.epson()).underline(2).toBytes())).isEqualTo("1B 2D 02");
    assertThat(of(new EscPos(Profiles.epson()).size(2, 3).toBytes())).isEqualTo("1D 21 12");
    assertThat(of(new EscPos(Profiles.epson()).fontB(true).toBytes())).isEqualTo("1B 4D 01");
    assertThat(of(new EscPos(Profiles.epson()).align(EscPos.Align.CENTER).toBytes()))
        .isEqualTo("1B 61 01");
    assertThat(of(new EscPos(Profiles.epson()).feed(4).toBytes())).isEqualTo("1B 64 04");
  }

  @Test
  void cutAfterFeedEmitsGsV66WithFeed() {
    assertThat(of(epson.cut(EscPos.Cut.PARTIAL).toBytes())).isEqualTo("1D 56 42 03");
    assertThat(of(new EscPos(Profiles.epson()).cut(EscPos.Cut.FULL).toBytes()))
        .isEqualTo("1D 56 41 03");
  }

  @Test
  void printerWithoutFeedAndCutFeedsThenCuts() {
    PrinterProfile plain =
        PrinterProfiles.withOverrides(
            Profiles.epson(), Map.of("feedAndCut", "false", "cutFeedLines", "5"));
    assertThat(of(new EscPos(plain).cut(EscPos.Cut.PARTIAL).toBytes()))
        .isEqualTo("1B 64 05 1D 56 01");
  }

  @Test
  void printerWithoutCutterOnlyFeeds() {
    assertThat(of(new EscPos(Profiles.generic58()).cut(EscPos.Cut.FULL).toBytes()))
        .isEqualTo("1B 64 04");
  }

  @Test
  void drawerPulseOnPinTwoOrFive() {
    assertThat(of(epson.drawerPulse(2, 100, 200).toBytes())).isEqualTo("1B 70 00 32 64");
    assertThat(of(new EscPos(Profiles.epson()).drawerPulse(5, 50, 50).toBytes()))
        .isEqualTo("1B 70 01 19 19");
    assertThatThrownBy(() -> epson.drawerPulse(3, 100, 100)).hasMessageContaining("pin is 2 or 5");
  }

  @Test
  void ean13WithHeightWidthAndTextBelow() {
    assertThat(
            of(
                epson
                    .barcode(EscPos.Barcode.EAN13, "482000019135", 80, 3, EscPos.Hri.BELOW)
                    .toBytes()))
        .isEqualTo("1D 68 50 1D 77 03 1D 48 02 1D 6B 43 0C 34 38 32 30 30 30 30 31 39 31 33 35");
  }

  @Test
  void code128UsesCodeSetCForDigitPairs() {
    assertThat(
            of(
                epson
                    .barcode(EscPos.Barcode.CODE128, "K1-000042", 60, 2, EscPos.Hri.NONE)
                    .toBytes()))
        .endsWith("1D 6B 49 0A 7B 42 4B 31 2D 7B 43 00 00 2A");
  }

  @Test
  void qrModel2SizeLevelStoreAndPrint() {
    assertThat(of(epson.qr("AB", 6, EscPos.QrLevel.M).toBytes()))
        .isEqualTo(
            "1D 28 6B 04 00 31 41 32 00 "
                + "1D 28 6B 03 00 31 43 06 "
                + "1D 28 6B 03 00 31 45 31 "
                + "1D 28 6B 05 00 31 50 30 41 42 "
                + "1D 28 6B 03 00 31 51 30");
  }

  @Test
  void qrOnAPrinterWithoutQrIsRefused() {
    assertThatThrownBy(() -> new EscPos(Profiles.generic58()).qr("x", 4, EscPos.QrLevel.L))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rasterImagesGoInBandsOf128Rows() {
    MonochromeImage image = new MonochromeImage(16, 200, new byte[2 * 200]);
    byte[] bytes = epson.image(image).toBytes();
    assertThat(of(java.util.Arrays.copyOfRange(bytes, 0, 8))).isEqualTo("1D 76 30 00 02 00 80 00");
    int second = 8 + 2 * 128;
    assertThat(of(java.util.Arrays.copyOfRange(bytes, second, second + 8)))
        .isEqualTo("1D 76 30 00 02 00 48 00");
    assertThat(bytes).hasSize(8 + 256 + 8 + 144);
  }

  @Test
  void nvLogoIsPrintedByKey() {
    assertThat(of(epson.nvLogo("LG").toBytes())).isEqualTo("1D 28 4C 06 00 30 45 4C 47 01 01");
  }

  @Test
  void storingAnNvLogoDefinesRasterGraphicsUnderItsKey() {
    MonochromeImage image = new MonochromeImage(8, 2, new byte[] {(byte) 0xff, 0x01});
    assertThat(of(epson.storeNvLogo("LG", image).toBytes()))
        .isEqualTo("1D 28 4C 0D 00 30 43 30 4C 47 01 08 00 02 00 31 FF 01");
  }

  @Test
  void statusRequests() {
    assertThat(of(epson.statusRequest(4).toBytes())).isEqualTo("10 04 04");
  }
}
