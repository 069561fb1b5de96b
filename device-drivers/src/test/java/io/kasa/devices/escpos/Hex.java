package io.kasa.devices.escpos;

/** Hex strings for readable byte assertions. */
public final class Hex {

  private Hex() {}

  public static String of(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      if (s.length() > 0) {
        s.append(' ');
      }
      s.append(String.format("%02X", b & 0xff));
    }
    return s.toString();
  }
}
