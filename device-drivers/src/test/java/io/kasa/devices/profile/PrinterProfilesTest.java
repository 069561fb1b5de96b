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
  void starProfilesKeepTheDatabasesStarCommandFlag() {
    for (String id : new String[] {"star-tsp650-escpos", "star-tsp800-escpos"}) {
      assertThat(profiles.get(id).pageCommand()).isEqualTo(PrinterProfile.PageCommand.ESC_GS_T);
    }
    assertThat(profiles.all())
        .filteredOn(p -> !p.vendor().startsWith("Star"))
        .allMatch(p -> p.pageCommand() == PrinterProfile.PageCommand.ESC_T);
  }

  @Test
  void columnsAreTheDatabases() {
    // escpos-printer-db TM-m30III: font A 48, font B 57 (64 is its font C).
    assertThat(profiles.get("epson-tm-m30").columnsFontB()).isEqualTo(57);
    assertThat(profiles.get("epson-tm-t88v").columnsFontB()).isEqualTo(56);
  }

  @Test
  void everyProfileSaysWhereEachFactComesFrom() {
    for (PrinterProfile p : profiles.all()) {
      assertThat(p.sources().keySet())
          .as(p.id())
          .containsExactlyElementsOf(PrinterProfile.SOURCE_KEYS);
      assertThat(p.sources().values())
          .as(p.id())
          .allMatch(
              s ->
                  s.startsWith("escpos-printer-db ")
                      || s.startsWith("manual: ")
                      || s.startsWith(PrinterProfile.UNVERIFIED));
    }
    // Not in the printer database: their numbering is assumed, and says so.
    assertThat(profiles.all())
        .filteredOn(p -> !p.verified())
        .extracting(PrinterProfile::id)
        .contains("epson-tm-t88vi", "xprinter-xp-58", "xprinter-xp-80", "generic-80mm")
        .doesNotContain("epson-tm-t20iii", "epson-tm-t88v", "star-tsp650-escpos", "generic-58mm");
    assertThat(profiles.get("epson-tm-t88vi").unverified()).contains("codePages");
  }

  @Test
  void aProfileWithoutSourcesOrPageCommandIsRejected() {
    PrinterProfile p = profiles.get("epson-tm-t20iii");
    java.util.LinkedHashMap<String, String> missing = new java.util.LinkedHashMap<>(p.sources());
    missing.remove("columns");
    assertThatThrownBy(
            () ->
                new PrinterProfile(
                    p.id(),
                    p.name(),
                    p.vendor(),
                    p.paperWidthDots(),
                    p.columnsFontA(),
                    p.columnsFontB(),
                    p.codePages(),
                    p.pageCommand(),
                    p.fullCut(),
                    p.partialCut(),
                    p.feedAndCut(),
                    p.cutFeedLines(),
                    p.qrCode(),
                    p.rasterImage(),
                    p.nvGraphics(),
                    p.realTimeStatus(),
                    p.drawerPin(),
                    p.drawerOnMillis(),
                    p.drawerOffMillis(),
                    p.drawerCommand(),
                    missing))
        .hasMessageContaining("sources.columns");
  }

  @Test
  void anOverriddenFactIsTheTechniciansSetting() {
    PrinterProfile p =
        PrinterProfiles.withOverrides(
            profiles.get("epson-tm-t88vi"), Map.of("codePages", "CP1251:46", "columnsFontB", "55"));
    assertThat(p.sources().get("codePages")).isEqualTo(PrinterProfile.TECHNICIAN);
    // The register's code-page choice only reorders the profile's pages: still the database's.
    PrinterProfile reordered =
        PrinterProfiles.withOverrides(
            profiles.get("epson-tm-t88v"),
            Map.of("codePages", "CP866:17,CP1251:46,CP437:0,CP1252:16,CP858:19"));
    assertThat(reordered.pages().get(0).name()).isEqualTo("CP866");
    assertThat(reordered.sources().get("codePages")).isEqualTo("escpos-printer-db TM-T88V");
    assertThat(
            PrinterProfiles.withOverrides(
                    profiles.get("star-tsp650-escpos"), Map.of("pageCommand", "ESC_T"))
                .pageCommand())
        .isEqualTo(PrinterProfile.PageCommand.ESC_T);
    assertThatThrownBy(
            () ->
                PrinterProfiles.withOverrides(
                    profiles.get("star-tsp650-escpos"), Map.of("pageCommand", "ESC_X")))
        .hasMessageContaining("ESC_X");
    assertThat(p.sources().get("columns")).isEqualTo(PrinterProfile.TECHNICIAN);
    assertThat(p.unverified()).doesNotContain("codePages", "columns").contains("features");
    assertThatThrownBy(
            () -> PrinterProfiles.withOverrides(p, Map.of("sources", "escpos-printer-db X")))
        .hasMessageContaining("sources");
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
