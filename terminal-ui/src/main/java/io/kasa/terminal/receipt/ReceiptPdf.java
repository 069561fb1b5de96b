package io.kasa.terminal.receipt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A receipt as a PDF on a paper roll's width: the lines exactly as printed, in DejaVu Sans Mono
 * (shipped with the register, embedded in the file) so Ukrainian text and ₴ show anywhere.
 */
public final class ReceiptPdf {

  static final String FONT = "fonts/DejaVuSansMono.ttf";
  private static final float MM = 72f / 25.4f;
  private static final float MARGIN = 4 * MM;
  private static final float FONT_SIZE = 8f;
  private static final float LEADING = 10f;

  private ReceiptPdf() {}

  /** Writes {@code lines} (one receipt, {@code columns} wide) to {@code file}, atomically. */
  public static void write(List<String> lines, int columns, Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (PDDocument doc = new PDDocument();
        InputStream font = ReceiptPdf.class.getResourceAsStream(FONT)) {
      if (font == null) {
        throw new IOException("The receipt font " + FONT + " is missing from the application");
      }
      PDType0Font mono = PDType0Font.load(doc, font);
      float charWidth = mono.getStringWidth("0") / 1000f * FONT_SIZE;
      float width = Math.max(58 * MM, columns * charWidth + 2 * MARGIN);
      float height = Math.max(60 * MM, lines.size() * LEADING + 2 * MARGIN);
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
      }
      doc.getDocumentInformation().setCreator("Kasa");
      doc.save(tmp.toFile());
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
