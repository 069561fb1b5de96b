package io.kasa.devices.escpos;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Objects;

/**
 * A black-and-white bitmap in the printer's raster format: rows of {@code widthBytes} bytes, most
 * significant bit leftmost, 1 = black dot.
 *
 * @param widthDots width in dots (a multiple of 8)
 * @param heightDots height in dots
 * @param data {@code widthDots / 8 × heightDots} bytes
 */
public record MonochromeImage(int widthDots, int heightDots, byte[] data) {

  public MonochromeImage {
    Objects.requireNonNull(data, "data");
    if (widthDots <= 0 || widthDots % 8 != 0 || heightDots <= 0) {
      throw new IllegalArgumentException("Bad image size " + widthDots + "x" + heightDots);
    }
    if (data.length != widthDots / 8 * heightDots) {
      throw new IllegalArgumentException(
          "Image data has " + data.length + " bytes for " + widthDots + "x" + heightDots);
    }
    data = data.clone();
  }

  public int widthBytes() {
    return widthDots / 8;
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** Whether the dot at (x, y) is black. */
  public boolean isBlack(int x, int y) {
    return (data[y * widthBytes() + x / 8] & (0x80 >> (x % 8))) != 0;
  }

  /** Rows {@code from} (inclusive) to {@code to} (exclusive) as their own image. */
  public MonochromeImage band(int from, int to) {
    return new MonochromeImage(
        widthDots, to - from, Arrays.copyOfRange(data, from * widthBytes(), to * widthBytes()));
  }

  /**
   * Converts any image: scaled down (never up) to fit {@code maxWidthDots}, transparent areas
   * white, greys dithered with Floyd–Steinberg error diffusion in integer arithmetic.
   */
  public static MonochromeImage fromImage(BufferedImage source, int maxWidthDots) {
    int width = source.getWidth();
    int height = source.getHeight();
    if (width > maxWidthDots) {
      height = Math.max(1, (int) ((long) height * maxWidthDots / width));
      width = maxWidthDots;
    }
    int paddedWidth = (width + 7) / 8 * 8;
    BufferedImage canvas = new BufferedImage(paddedWidth, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas.createGraphics();
    try {
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, paddedWidth, height);
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    int[] grey = new int[paddedWidth * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < paddedWidth; x++) {
        int rgb = canvas.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int gr = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        grey[y * paddedWidth + x] = (299 * r + 587 * gr + 114 * b) / 1000;
      }
    }
    byte[] bits = new byte[paddedWidth / 8 * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < paddedWidth; x++) {
        int i = y * paddedWidth + x;
        int old = Math.max(0, Math.min(255, grey[i]));
        int value = old < 128 ? 0 : 255;
        if (value == 0) {
          bits[y * (paddedWidth / 8) + x / 8] |= (byte) (0x80 >> (x % 8));
        }
        int err = old - value;
        if (x + 1 < paddedWidth) {
          grey[i + 1] += err * 7 / 16;
        }
        if (y + 1 < height) {
          if (x > 0) {
            grey[i + paddedWidth - 1] += err * 3 / 16;
          }
          grey[i + paddedWidth] += err * 5 / 16;
          if (x + 1 < paddedWidth) {
            grey[i + paddedWidth + 1] += err / 16;
          }
        }
      }
    }
    return new MonochromeImage(paddedWidth, height, bits);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MonochromeImage m
        && m.widthDots == widthDots
        && m.heightDots == heightDots
        && Arrays.equals(m.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * widthDots + heightDots) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "MonochromeImage[" + widthDots + "x" + heightDots + "]";
  }
}
