package io.kasa.domain.barcode;

/** ASCII digit checks (Character.isDigit would accept Arabic-Indic and other digits). */
final class Digits {

  private Digits() {}

  static boolean only(CharSequence s) {
    if (s.length() == 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
