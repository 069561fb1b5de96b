package io.kasa.devices.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.devices.Profiles;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.sim.EscPosDecoder;
import io.kasa.devices.sim.PrintElement;
import io.kasa.devices.vendor.VendorReading;
import io.kasa.domain.receipt.Receipt;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped profile's test page and a long Ukrainian receipt, read as that vendor's printer
 * reads them (its own code-page numbering, not the profile's): the Ukrainian letters come out as
 * sent and every line fits the paper. A profile that sends a number from another vendor's table, or
 * with the wrong command, prints garbage here as it would on paper.
 */
class VendorNumberingTest {

  private static final Receipt LONG_RECEIPT =
      SampleReceipts.ukrainian(40, "https://r.kasa.example");

  static Stream<String> profiles() {
    return Profiles.ALL.all().stream().map(PrinterProfile::id);
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void testPagePrintsUkrainianInTheVendorsNumbering(String id) {
    PrinterProfile profile = Profiles.ALL.get(id);
    byte[] bytes = TestPage.bytes(profile, "tcp://192.168.10.20:9100");

    String printed = String.join("\n", VendorReading.lines(profile, bytes));

    assertThat(printed)
        .as(id)
        .contains("Українська: Ґанок, Їжак, Єнот,")
        .contains("Ілля")
        .contains("ІЇЄҐ іїєґ")
        .contains("Тестова сторінка / Test page");
    if (profile.verified()) {
      assertThat(printed).doesNotContain("Profile not verified");
    } else {
      assertThat(printed).contains("Профіль не перевірено").contains("Profile not verified");
    }
    assertFits(profile, bytes);
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void aLongUkrainianReceiptPrintsAsPreviewedInTheVendorsNumbering(String id) {
    PrinterProfile profile = Profiles.ALL.get(id);
    ReceiptRenderer renderer = new ReceiptRenderer(profile, ReceiptOptions.defaults());
    byte[] bytes = renderer.render(LONG_RECEIPT);

    List<String> printed =
        VendorReading.lines(profile, bytes).stream().filter(l -> !l.isEmpty()).toList();

    assertThat(printed)
        .as(id)
        .containsExactlyElementsOf(
            renderer.preview(LONG_RECEIPT).stream().filter(l -> !l.isEmpty()).toList());
    assertThat(String.join("\n", printed)).contains("Ґрунт", "Їжачок", "Йогурт", "Хліб житній");
    assertFits(profile, bytes);
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void longDeviceNamesWrapWithinThePaper(String id) {
    PrinterProfile profile = Profiles.ALL.get(id);
    String uri =
        "serial:/dev/serial/by-id/usb-Prolific_Technology_Inc._USB-Serial_Controller_D-if00-port0?baud=115200";
    assertFits(profile, TestPage.bytes(profile, uri));
  }

  /** Every printed line, at its width and font, within the paper's columns. */
  private static void assertFits(PrinterProfile profile, byte[] bytes) {
    List<PrintElement> elements = new EscPosDecoder(profile).decode(bytes);
    assertThat(elements).as(profile.id()).noneMatch(PrintElement.Unknown.class::isInstance);
    for (PrintElement e : elements) {
      if (e instanceof PrintElement.TextLine line) {
        int columns = line.fontB() ? profile.columnsFontB() : profile.columnsFontA();
        assertThat(line.text().length() * line.width())
            .as("%s: '%s' at width %d", profile.id(), line.text(), line.width())
            .isLessThanOrEqualTo(columns);
      }
    }
  }
}
