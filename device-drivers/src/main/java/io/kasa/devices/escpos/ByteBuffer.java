package io.kasa.devices.escpos;

import java.util.Arrays;

/** A growable byte array without the locking of ByteArrayOutputStream. */
final class ByteBuffer {

  private byte[] bytes = new byte[4096];
  private int size;

  void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  void write(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
  }

  /**
   * Appends {@code text} encoded in {@code page} if every character is in it; otherwise appends
   * nothing and returns false.
   */
  boolean appendIfEncodable(String text, CodePage page) {
    int n = text.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      int b = page.byteOf(text.charAt(i));
      if (b < 0) {
        return false;
      }
      bytes[size + i] = (byte) b;
    }
    size += n;
    return true;
  }

  int size() {
    return size;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
