package io.kasa.devices.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ControlNamesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "<STX>, 02",
    "<STX>A<ETX>, 024103",
    "<GS>, 1d",
    "<CR><LF>, 0d0a",
    "<DC2>, 12",
    "<DEL>, 7f",
    "*, 2a",
    "<A>, 3c413e",
    "<stx>, 3c7374783e"
  })
  void namesInAngleBracketsAreControlCharactersAndOtherTextStandsForItself(
      String written, String hex) {
    String decoded = ControlNames.decode(written);
    assertThat(
            java.util.HexFormat.of()
                .formatHex(decoded.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
        .isEqualTo(hex);
    assertThat(ControlNames.encode(decoded)).isEqualTo(written);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"<STC>", "A<XYZ>"})
  void aMistypedNameIsRefusedNotTakenLiterally(String written) {
    assertThatThrownBy(() -> ControlNames.decode(written))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not an ASCII control character name");
  }
}
