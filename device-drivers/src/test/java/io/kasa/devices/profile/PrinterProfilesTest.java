package io.kasa.devices.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.devices.escpos.CodePage;
import io.kasa.devices.escpos.TextEncoder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrinterProfilesTest {

  private final PrinterProfiles profiles = PrinterProfiles.builtIn();

  @Test
  void theRequiredModelsAreThere() {
    assertThat(profiles.all())
        .extracting(PrinterProfile::id)
        .contains(
            "epson-tm-t20ii",
            "epson-tm-t20iii",
            "epson-tm-t88v",
            "epson-tm-t88vi",
            "epson-tm-m30",
            "generic-58mm",
            "generic-80mm",
            "xprinter-xp-80",
            "xprinter-xp-58",
            "rongta-rp326",
            "star-tsp650-escpos");
  }

  @Test
  void everyProfileCanPrintUkrainianAndHasPlausibleColumns() {
    for (PrinterProfile p : profiles.all()) {
      assertThat(new TextEncoder(p.pages()).printsExactly("ІіЇїЄєҐґ")).as(p.id()).isTrue();
      // Font A is 12 dots wide on these printers: the columns must fit the paper.
      assertThat(p.columnsFontA() * 12).as(p.id()).isLessThanOrEqualTo(p.paperWidthDots());
    }
  }

  @Test
  void vendorCodePageNumbersAreData() {
    assertThat(profiles.get("epson-tm-t20iii").numberOf(CodePage.CP1251)).isEqualTo(46);
    assertThat(profiles.get("epson-tm-t20iii").numberOf(CodePage.CP1125)).isEqualTo(44);
    assertThat(profiles.get("xprinter-xp-80").numberOf(CodePage.CP1251)).isEqualTo(73);
    assertThat(profiles.get("rongta-rp326").numberOf(CodePage.CP866)).isEqualTo(7);
    assertThat(profiles.get("star-tsp650-escpos").numberOf(CodePage.CP1251)).isEqualTo(34);
    assertThat(profiles.get("epson-tm-t88v").codePages()).doesNotContainKey(CodePage.CP1125);
  }

  @Test
  void aTechnicianCanOverrideAnyField() {
    PrinterProfile p =
        PrinterProfiles.withOverrides(
            profiles.get("generic-80mm"),
            Map.of(
                "columnsFontA",
                "42",
                "qrCode",
                "false",
                "codePages",
                "CP866:17,CP1251:46",
                "drawerPin",
                "5"));
    assertThat(p.columnsFontA()).isEqualTo(42);
    assertThat(p.qrCode()).isFalse();
    assertThat(p.pages()).containsExactly(CodePage.CP866, CodePage.CP1251);
    assertThat(p.drawerPin()).isEqualTo(5);
  }

  @Test
  void badOverridesNameTheField() {
    PrinterProfile base = profiles.get("generic-80mm");
    assertThatThrownBy(() -> PrinterProfiles.withOverrides(base, Map.of("colour", "red")))
        .hasMessageContaining("'colour'");
    assertThatThrownBy(() -> PrinterProfiles.withOverrides(base, Map.of("columnsFontA", "wide")))
        .hasMessageContaining("columnsFontA");
    assertThatThrownBy(() -> PrinterProfiles.withOverrides(base, Map.of("drawerPin", "3")))
        .hasMessageContaining("drawer pin");
    assertThatThrownBy(() -> PrinterProfiles.withOverrides(base, Map.of("codePages", "CP999:1")))
        .hasMessageContaining("CP999");
  }

  @Test
  void unknownProfileNamesTheKnownOnes() {
    assertThatThrownBy(() -> profiles.get("tm-nope")).hasMessageContaining("epson-tm-t20iii");
  }
}
