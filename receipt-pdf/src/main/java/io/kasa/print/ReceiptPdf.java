package io.kasa.print;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * A receipt as a PDF on a paper roll's width: the lines exactly as printed, in DejaVu Sans Mono
 * (shipped in this module, embedded in the file) so Ukrainian text and ₴ show anywhere, and the
 * receipt's QR code when the store publishes receipts online. The register keeps one beside each
 * receipt it prints; the service serves the same at {@code /r/{token}.pdf} (ADR 0041).
 */
public final class ReceiptPdf {

  /**
   * The code printed under a receipt's text.
   *
   * @param kind a QR code (the receipt's page) or a CODE128 barcode (its number)
   * @param payload what it encodes
   */
  public record Code(Kind kind, String payload) {

    /** Which code. */
    public enum Kind {
      QR,
      CODE128
    }
  }

  static final String FONT = "fonts/DejaVuSansMono.ttf";
  private static final float MM = 72f / 25.4f;
  private static final float MARGIN = 4 * MM;
  private static final float FONT_SIZE = 8f;
  private static final float LEADING = 10f;

  private ReceiptPdf() {}

  /** The QR code, one pixel per module, with its quiet zone. */
  static BufferedImage qr(String payload) throws IOException {
    return image(payload, BarcodeFormat.QR_CODE);
  }

  /** The code under the receipt, one pixel per module (a barcode is one pixel high). */
  private static BufferedImage image(String payload, BarcodeFormat format) throws IOException {
    try {
      BitMatrix m =
          format == BarcodeFormat.QR_CODE
              ? new QRCodeWriter().encode(payload, format, 0, 0, Map.of(EncodeHintType.MARGIN, 4))
              : new com.google.zxing.oned.Code128Writer()
                  .encode(payload, format, 0, 1, Map.of(EncodeHintType.MARGIN, 10));
      BufferedImage image =
          new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < m.getHeight(); y++) {
        for (int x = 0; x < m.getWidth(); x++) {
          image.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xFFFFFF);
        }
      }
      return image;
    } catch (WriterException e) {
      throw new IOException("The receipt's code cannot be made: " + e.getMessage(), e);
    }
  }

  private static final float QR_SIZE = 30 * MM;
  private static final float BARCODE_HEIGHT = 12 * MM;
  private static final float BARCODE_MODULE = 0.33f * MM;

  /**
   * The characters of {@code text} the shipped receipt font cannot draw, in order; empty when it
   * covers them all (the self-test asks this of Ukrainian and the hryvnia sign).
   */
  public static String missingGlyphs(String text) throws IOException {
    try (PDDocument doc = new PDDocument();
        InputStream font = ReceiptPdf.class.getResourceAsStream(FONT)) {
      if (font == null) {
        throw new IOException("The receipt font " + FONT + " is missing from the application");
      }
      PDType0Font mono = PDType0Font.load(doc, font);
      StringBuilder missing = new StringBuilder();
      text.codePoints()
          .filter(
              c -> {
                try {
                  // encode() is what showText() does: it refuses a character with no glyph.
                  mono.encode(Character.toString(c));
                  return false;
                } catch (IllegalArgumentException | IOException e) {
                  return true;
                }
              })
          .forEach(missing::appendCodePoint);
      return missing.toString();
    }
  }

  /** Writes {@code lines} (one receipt, {@code columns} wide) to {@code file}, atomically. */
  public static void write(List<String> lines, int columns, Path file) throws IOException {
    write(lines, columns, null, file);
  }

  /**
   * As {@link #write(List, int, Path)}, with the code the printer prints under the text (its QR
   * code or the CODE128 of its number), drawn as the code itself, never as its text.
   */
  public static void write(List<String> lines, int columns, Code code, Path file)
      throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, bytes(lines, columns, code));
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The PDF of {@code lines} ({@code columns} wide) with {@code code} (or none) under them. */
  public static byte[] bytes(List<String> lines, int columns, Code code) throws IOException {
    try (PDDocument doc = new PDDocument();
        InputStream font = ReceiptPdf.class.getResourceAsStream(FONT)) {
      if (font == null) {
        throw new IOException("The receipt font " + FONT + " is missing from the application");
      }
      PDType0Font mono = PDType0Font.load(doc, font);
      float charWidth = mono.getStringWidth("0") / 1000f * FONT_SIZE;
      float width = Math.max(58 * MM, columns * charWidth + 2 * MARGIN);
      BufferedImage image =
          code == null
              ? null
              : image(
                  code.payload(),
                  code.kind() == Code.Kind.QR ? BarcodeFormat.QR_CODE : BarcodeFormat.CODE_128);
      boolean isQr = code != null && code.kind() == Code.Kind.QR;
      float codeHeight = image == null ? 0 : isQr ? QR_SIZE : BARCODE_HEIGHT;
      float qr = image == null ? 0 : codeHeight + MARGIN;
      float height = Math.max(60 * MM, lines.size() * LEADING + 2 * MARGIN + qr);
      PDPage page = new PDPage(new PDRectangle(width, height));
      doc.addPage(page);
      try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
        text.beginText();
        text.setFont(mono, FONT_SIZE);
        text.setLeading(LEADING);
        text.newLineAtOffset(MARGIN, height - MARGIN - FONT_SIZE);
        for (String line : lines) {
          text.showText(line);
          text.newLine();
        }
        text.endText();
        if (image != null) {
          float drawn =
              isQr ? QR_SIZE : Math.min(image.getWidth() * BARCODE_MODULE, width - 2 * MARGIN);
          text.drawImage(
              LosslessFactory.createFromImage(doc, image),
              (width - drawn) / 2,
              MARGIN,
              drawn,
              codeHeight);
        }
      }
      doc.getDocumentInformation().setCreator("Kasa");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }
}
