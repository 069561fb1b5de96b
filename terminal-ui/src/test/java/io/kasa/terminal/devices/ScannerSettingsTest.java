package io.kasa.terminal.devices;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.terminal.i18n.Messages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scanner's prefix as the technician writes it: control characters by their ASCII names. */
class ScannerSettingsTest {

  private static DeviceSettings withPrefix(String prefix) {
    return DeviceSettings.read(name -> Optional.empty())
        .with(DeviceSettings.SCANNER_PREFIX, prefix);
  }

  private static List<String> problems(DeviceSettings s) {
    return s.problems(new Messages(Locale.ENGLISH));
  }

  @Test
  void anStxPrefixFramesScansThatStartWithTheControlCharacter() {
    DeviceSettings s = withPrefix("<STX>");
    assertThat(problems(s)).isEmpty();
    byte[] scan = "\u00024820000191357\r".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(s.scanFraming().feed(scan, scan.length))
        .extracting(f -> f.text() + "/" + f.missingPrefix())
        .containsExactly("4820000191357/false");
  }

  @Test
  void aMistypedNameIsNamedAsAProblem() {
    assertThat(problems(withPrefix("<STC>")))
        .containsExactly(
            "scanner-prefix: write control characters by their ASCII names, e.g. <STX>, <CR>, <GS>");
  }

  @Test
  void theLengthLimitCountsCharactersNotTheirNames() {
    assertThat(problems(withPrefix("<STX><STX>"))).isEmpty();
    assertThat(problems(withPrefix("123456789"))).hasSize(1);
  }

  @Test
  void anEtxSuffixIsStrippedAndAMistypedOneIsNamed() {
    DeviceSettings s = withPrefix("<STX>").with(DeviceSettings.SCANNER_SUFFIX, "<ETX>");
    byte[] scan = "\u00024820000191357\u0003\r".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(s.scanFraming().feed(scan, scan.length))
        .extracting(f -> f.text())
        .containsExactly("4820000191357");
    assertThat(problems(s.with(DeviceSettings.SCANNER_SUFFIX, "<EXT>")))
        .containsExactly(
            "scanner-suffix: write control characters by their ASCII names, e.g. <STX>, <CR>, <GS>");
  }
}
