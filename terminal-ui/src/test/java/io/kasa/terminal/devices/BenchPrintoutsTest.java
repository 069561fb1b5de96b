package io.kasa.terminal.devices;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.devices.receipt.TestPage;
import io.kasa.devices.sim.EscPosDecoder;
import io.kasa.devices.sim.PrintElement;
import io.kasa.terminal.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The bench's printouts — test pages on the receipt or kitchen printer, the set-up summary — never
 * print past their paper, whatever the names and values in them, in either language, on 32, 42 and
 * 48 columns; and the summary's bytes read back say the lines its PDF is made of.
 */
class BenchPrintoutsTest {

  private static final String LETTERS =
      "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖІЇABCXYZxyz0123456789 ’'\"-№%₴€…«»:/?=&.";

  @Property(tries = 300)
  void aTestPageFitsItsPaperWhateverThePrinterIsCalled(
      @ForAll("profiles") PrinterProfile profile, @ForAll("texts") String uri) {
    for (PrintElement e : new EscPosDecoder(profile).decode(TestPage.bytes(profile, uri))) {
      if (e instanceof PrintElement.TextLine line) {
        int columns = line.fontB() ? profile.columnsFontB() : profile.columnsFontA();
        assertThat(line.text().length() * line.width())
            .as("%s, %d columns: %s", profile.id(), columns, line.text())
            .isLessThanOrEqualTo(columns);
      }
    }
  }

  @Property(tries = 300)
  void aSummaryFitsItsPaperAndItsBytesSayTheLinesOfItsPdf(
      @ForAll("profiles") PrinterProfile profile,
      @ForAll("languages") Locale language,
      @ForAll("settings") Map<String, String> settings,
      @ForAll("texts") String port) {
    Messages m = new Messages(language);
    List<String> summary = new ArrayList<>();
    summary.add(m.get("tech.summary.title"));
    settings.forEach((k, v) -> summary.add(k + " = " + v));
    summary.add(m.get("tech.attached"));
    summary.add("  serial:" + port + "  " + m.get("tech.port.usb", port, "0403:6001"));

    List<String> laid = DeviceBench.summaryLines(summary, profile);
    assertThat(laid)
        .allSatisfy(
            l ->
                assertThat(l.length())
                    .as("%s: %s", profile.id(), l)
                    .isLessThanOrEqualTo(profile.columnsFontA()));
    List<String> printed =
        new EscPosDecoder(profile)
            .decode(DeviceBench.summaryBytes(laid, profile)).stream()
                .filter(PrintElement.TextLine.class::isInstance)
                .map(e -> ((PrintElement.TextLine) e).text())
                .toList();
    assertThat(printed).as("what prints is what the PDF shows").isEqualTo(laid);
  }

  @Provide
  Arbitrary<PrinterProfile> profiles() {
    // Every built-in profile, at the 32, 42 and 48 columns its paper gives.
    return Arbitraries.of(PrinterProfiles.builtIn().all());
  }

  @Provide
  Arbitrary<Locale> languages() {
    return Arbitraries.of(Messages.LANGUAGES);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars(LETTERS.toCharArray()).ofMinLength(0).ofMaxLength(160);
  }

  @Provide
  Arbitrary<Map<String, String>> settings() {
    return Arbitraries.maps(
            Arbitraries.of(DeviceSettings.NAMES),
            Arbitraries.strings().withChars(LETTERS.toCharArray()).ofMaxLength(120))
        .ofMaxSize(DeviceSettings.NAMES.size());
  }
}
