package io.kasa.devices.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.devices.Profiles;
import io.kasa.devices.escpos.EscPos;
import io.kasa.devices.escpos.MonochromeImage;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.sim.EscPosDecoder;
import io.kasa.devices.sim.PrintElement;
import io.kasa.domain.receipt.Receipt;
import io.kasa.domain.receipt.ShiftReportReceipt;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptRendererTest {

  private final Receipt receipt = SampleReceipts.ukrainian(8, "https://r.kasa.example");

  private static List<PrintElement> decode(PrinterProfile profile, byte[] bytes) {
    return new EscPosDecoder(profile).decode(bytes);
  }

  private static List<String> text(List<PrintElement> elements) {
    return elements.stream()
        .filter(PrintElement.TextLine.class::isInstance)
        .map(e -> ((PrintElement.TextLine) e).text())
        .filter(t -> !t.isEmpty())
        .toList();
  }

  @Test
  void printedTextIsThePreviewWithUkrainianIntact() {
    ReceiptRenderer renderer = new ReceiptRenderer(Profiles.epson(), ReceiptOptions.defaults());
    List<PrintElement> printed = decode(Profiles.epson(), renderer.render(receipt));
    List<String> preview = renderer.preview(receipt);
    assertThat(text(printed))
        .containsExactlyElementsOf(preview.stream().filter(t -> !t.isEmpty()).toList());
    assertThat(preview).noneMatch(line -> line.startsWith("["));
    assertThat(String.join("\n", text(printed)))
        .contains("Ґрунт", "Їжачок", "СУМА", "Решта", "у т.ч. ПДВ");
    assertThat(printed).noneMatch(PrintElement.Unknown.class::isInstance);
  }

  @Test
  void endsWithTheReceiptQrThenFeedAndCut() {
    List<PrintElement> printed =
        decode(
            Profiles.epson(),
            new ReceiptRenderer(Profiles.epson(), ReceiptOptions.defaults()).render(receipt));
    assertThat(printed)
        .contains(
            new PrintElement.Qr(
                "https://r.kasa.example/r/" + SampleReceipts.TOKEN, 6, EscPos.QrLevel.M));
    assertThat(printed.get(printed.size() - 1)).isEqualTo(new PrintElement.Cut(true, 3));
  }

  @Test
  void totalIsBoldAndDoubleHeightWithoutLosingColumns() {
    List<PrintElement> printed =
        decode(
            Profiles.epson(),
            new ReceiptRenderer(Profiles.epson(), ReceiptOptions.defaults()).render(receipt));
    PrintElement.TextLine total =
        printed.stream()
            .filter(PrintElement.TextLine.class::isInstance)
            .map(PrintElement.TextLine.class::cast)
            .filter(l -> l.text().startsWith("СУМА"))
            .findFirst()
            .orElseThrow();
    assertThat(total.bold()).isTrue();
    assertThat(total.height()).isEqualTo(2);
    assertThat(total.width()).isEqualTo(1);
    assertThat(total.text()).hasSize(48);
  }

  @Test
  void narrowPrinterWithoutQrGetsThirtyTwoColumnsAndACode128() {
    PrinterProfile narrow = Profiles.generic58();
    List<PrintElement> printed =
        decode(narrow, new ReceiptRenderer(narrow, ReceiptOptions.defaults()).render(receipt));
    assertThat(text(printed)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(32));
    assertThat(printed).contains(new PrintElement.Barcode(EscPos.Barcode.CODE128, "K1-T1-000042"));
    assertThat(printed).noneMatch(PrintElement.Qr.class::isInstance);
  }

  @Test
  void logoFromNvMemoryOrAsRaster() {
    List<PrintElement> nv =
        decode(
            Profiles.epson(),
            new ReceiptRenderer(Profiles.epson(), ReceiptOptions.defaults().withNvLogo("K1"))
                .render(receipt));
    assertThat(nv).contains(new PrintElement.NvLogo("K1"));
    MonochromeImage logo = new MonochromeImage(64, 16, new byte[8 * 16]);
    List<PrintElement> raster =
        decode(
            Profiles.epson(),
            new ReceiptRenderer(Profiles.epson(), ReceiptOptions.defaults().withRasterLogo(logo))
                .render(receipt));
    assertThat(raster).contains(new PrintElement.Image(logo));
  }

  @Test
  void aReceiptNeverKicksTheDrawer() {
    assertThat(
            decode(
                Profiles.epson(),
                new ReceiptRenderer(Profiles.epson(), ReceiptOptions.defaults()).render(receipt)))
        .noneMatch(PrintElement.DrawerKick.class::isInstance);
  }

  @Test
  void aZReportPrintsItsLayoutWithoutCodeOrDrawerKickThenCuts() {
    ReceiptRenderer renderer = new ReceiptRenderer(Profiles.epson(), ReceiptOptions.defaults());
    ShiftReportReceipt z = SampleReceipts.zReport();
    List<PrintElement> printed = decode(Profiles.epson(), renderer.render(z));
    List<String> laidOut = renderer.preview(z).stream().filter(t -> !t.isEmpty()).toList();
    assertThat(text(printed)).containsExactlyElementsOf(laidOut);
    assertThat(String.join("\n", text(printed)))
        .contains("Z-ЗВІТ", "ГОТІВКА ОЧІКУВАНА                     660,80 грн");
    assertThat(printed)
        .noneMatch(PrintElement.Qr.class::isInstance)
        .noneMatch(PrintElement.Barcode.class::isInstance)
        .noneMatch(PrintElement.DrawerKick.class::isInstance)
        .noneMatch(PrintElement.Unknown.class::isInstance);
    assertThat(printed.get(printed.size() - 1)).isInstanceOf(PrintElement.Cut.class);
  }
}
