package io.kasa.terminal.tech;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.terminal.i18n.Messages;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileProvenanceTest {

  private final PrinterProfiles profiles = PrinterProfiles.builtIn();

  @Test
  void aProfileTheDatabaseDoesNotCoverIsMarkedUnverifiedInBothLanguages() {
    var t88vi = profiles.find("epson-tm-t88vi");
    assertThat(ProfileProvenance.note(t88vi, new Messages(Locale.ENGLISH)))
        .startsWith("Not verified:")
        .contains("code page numbers")
        .contains("test page");
    assertThat(ProfileProvenance.note(t88vi, new Messages(Locale.forLanguageTag("uk"))))
        .startsWith("Не перевірено:")
        .contains("номери кодових сторінок")
        .doesNotContain("assumed", "code page");
    // Rongta's entry has code pages and columns but no paper width: only that is assumed.
    assertThat(ProfileProvenance.note(profiles.find("rongta-rp326"), new Messages(Locale.ENGLISH)))
        .contains("paper width")
        .doesNotContain("code page numbers");
  }

  @Test
  void aVerifiedProfileNamesItsSource() {
    assertThat(
            ProfileProvenance.note(
                profiles.find("star-tsp650-escpos"), new Messages(Locale.ENGLISH)))
        .startsWith("Facts from escpos-printer-db TSP600");
    assertThat(
            ProfileProvenance.note(
                profiles.find("epson-tm-t20iii"), new Messages(Locale.forLanguageTag("uk"))))
        .isEqualTo("Дані з escpos-printer-db TM-T20III.");
    assertThat(ProfileProvenance.note(Optional.empty(), new Messages(Locale.ENGLISH))).isEmpty();
  }
}
