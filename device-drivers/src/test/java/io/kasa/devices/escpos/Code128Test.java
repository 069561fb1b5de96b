package io.kasa.devices.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Code128Test {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "123456 | 7B 43 0C 22 38",
        "12345 | 7B 43 0C 22 7B 42 35",
        "ABC | 7B 42 41 42 43",
        "A1234 | 7B 42 41 7B 43 0C 22",
        "A12345 | 7B 42 41 31 7B 43 17 2D",
        "AB12C | 7B 42 41 42 31 32 43",
        "a{b | 7B 42 61 7B 7B 62"
      })
  void picksCodeSetsAutomatically(String text, String hex) {
    assertThat(Hex.of(Code128.encode(text))).isEqualTo(hex);
  }

  @ParameterizedTest
  @CsvSource({"''", "Ґ"})
  void refusesEmptyOrNonAscii(String text) {
    assertThatThrownBy(() -> Code128.encode(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
