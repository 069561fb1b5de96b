package io.kasa.print;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF copy: Ukrainian text and ₴ in the embedded font, and a QR code that reads back. */
class ReceiptPdfTest {

  @TempDir Path dir;

  @Test
  void ukrainianTextAndTheHryvniaSignSurviveAndTheQrCodeReadsBack() throws Exception {
    Path file = dir.resolve("r.pdf");
    ReceiptPdf.write(
        List.of("Kasa Demo Market", "Хліб житній       31,00 А", "СУМА          31,00 ₴"),
        42,
        new ReceiptPdf.Code(
            ReceiptPdf.Code.Kind.QR, "https://r.kasa.example/r/q3S0mGv1xYwA8bHcJd2KzA"),
        file);
    try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("Хліб житній").contains("₴").doesNotContain("[QR", "https://");
      var resources = pdf.getPage(0).getResources();
      PDImageXObject image = null;
      for (var name : resources.getXObjectNames()) {
        image = (PDImageXObject) resources.getXObject(name);
      }
      assertThat(image).isNotNull();
      BufferedImage qr = scaled(image.getImage(), 8);
      int[] pixels = qr.getRGB(0, 0, qr.getWidth(), qr.getHeight(), null, 0, qr.getWidth());
      var decoded =
          new QRCodeReader()
              .decode(
                  new BinaryBitmap(
                      new HybridBinarizer(
                          new RGBLuminanceSource(qr.getWidth(), qr.getHeight(), pixels))));
      assertThat(decoded.getText()).isEqualTo("https://r.kasa.example/r/q3S0mGv1xYwA8bHcJd2KzA");
    }
  }

  @Test
  void aReceiptWithoutAQrCodeCarriesTheBarcodeOfItsNumberNotItsText() throws Exception {
    Path file = dir.resolve("b.pdf");
    ReceiptPdf.write(
        List.of("Kasa", "СУМА          31,00 ₴"),
        42,
        new ReceiptPdf.Code(ReceiptPdf.Code.Kind.CODE128, "K1-T1-000007"),
        file);
    try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
      assertThat(new PDFTextStripper().getText(pdf)).doesNotContain("CODE128", "K1-T1-000007");
      var resources = pdf.getPage(0).getResources();
      PDImageXObject image = null;
      for (var name : resources.getXObjectNames()) {
        image = (PDImageXObject) resources.getXObject(name);
      }
      assertThat(image).isNotNull();
      BufferedImage one = image.getImage();
      BufferedImage bars = new BufferedImage(one.getWidth() * 2, 40, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < bars.getHeight(); y++) {
        for (int x = 0; x < bars.getWidth(); x++) {
          bars.setRGB(x, y, one.getRGB(x / 2, 0));
        }
      }
      int[] pixels = bars.getRGB(0, 0, bars.getWidth(), bars.getHeight(), null, 0, bars.getWidth());
      var decoded =
          new com.google.zxing.oned.Code128Reader()
              .decode(
                  new BinaryBitmap(
                      new HybridBinarizer(
                          new RGBLuminanceSource(bars.getWidth(), bars.getHeight(), pixels))));
      assertThat(decoded.getText()).isEqualTo("K1-T1-000007");
    }
  }

  private static BufferedImage scaled(BufferedImage in, int by) {
    BufferedImage out =
        new BufferedImage(in.getWidth() * by, in.getHeight() * by, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        out.setRGB(x, y, in.getRGB(x / by, y / by));
      }
    }
    return out;
  }

  @Test
  void theShippedFontDrawsUkrainianAndTheHryvniaSignButNotEverything() throws Exception {
    assertThat(ReceiptPdf.missingGlyphs("ҐґЄєІіЇї ₴ № Щастя 12,50")).isEmpty();
    // Han characters are outside DejaVu Sans Mono: the check does find what is missing.
    assertThat(ReceiptPdf.missingGlyphs("a中b")).isEqualTo("中");
  }
}
