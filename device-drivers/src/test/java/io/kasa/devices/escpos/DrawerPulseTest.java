package io.kasa.devices.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.devices.Profiles;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.profile.PrinterProfiles;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DrawerPulseTest {

  private static String hex(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
  }

  @ParameterizedTest
  @CsvSource({
    "2, 100, 200, 1B 70 00 32 64",
    "2, 101, 201, 1B 70 00 33 65",
    "5, 1, 3, 1B 70 01 01 02",
    "2, 509, 510, 1B 70 00 FF FF",
    "5, 50, 50, 1B 70 01 19 19"
  })
  void escPTimesRoundUpToTheTwoMillisecondUnit(int pin, int on, int off, String bytes) {
    assertThat(hex(new EscPos(Profiles.epson()).drawerPulse(pin, on, off).toBytes()))
        .isEqualTo(bytes);
  }

  @Test
  void roundingIsVisibleInThePulse() {
    DrawerPulse p = DrawerPulse.escP(2, 101, 103);
    assertThat(p.onMillis()).isEqualTo(102);
    assertThat(p.offMillis()).isEqualTo(104);
  }

  @ParameterizedTest
  @CsvSource({"0, 100", "511, 600", "100, 511", "-4, 100"})
  void escPTimesOutsideTwoTo510AreRefused(int on, int off) {
    assertThatThrownBy(() -> DrawerPulse.escP(2, on, off))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2–510 ms");
  }

  @Test
  void anOffTimeShorterThanTheOnTimeIsRefused() {
    assertThatThrownBy(() -> DrawerPulse.escP(2, 101, 3))
        .hasMessageContaining("off-time (4 ms) must be at least the on-time (102 ms)");
  }

  @ParameterizedTest
  @CsvSource({
    "2, 100, 10 14 01 00 01",
    "5, 150, 10 14 01 01 02",
    "2, 800, 10 14 01 00 08",
    "5, 1, 10 14 01 01 01"
  })
  void theRealTimePulseIsDleDc4InHundredMillisecondUnits(int pin, int on, String bytes) {
    DrawerPulse p = new DrawerPulse(pin, DrawerPulse.Command.DLE_DC4, on, on);
    assertThat(hex(new EscPos(Profiles.epson()).drawerPulse(p).toBytes())).isEqualTo(bytes);
    assertThat(p.offMillis()).as("DLE DC4 has one time: off = on").isEqualTo(p.onMillis());
  }

  @Test
  void theRealTimePulseStopsAt800Milliseconds() {
    assertThatThrownBy(() -> new DrawerPulse(2, DrawerPulse.Command.DLE_DC4, 801, 801))
        .hasMessageContaining("100–800 ms");
  }

  @Test
  void aProfileChoosesItsCommandAndEscPIsTheDefault() {
    PrinterProfile base = PrinterProfiles.builtIn().get("generic-80mm");
    assertThat(base.drawerCommand()).isEqualTo(DrawerPulse.Command.ESC_P);
    assertThat(hex(new EscPos(base).drawerPulse().toBytes())).isEqualTo("1B 70 00 32 64");

    PrinterProfile realTime =
        PrinterProfiles.withOverrides(base, Map.of("drawerCommand", "DLE_DC4"));
    assertThat(hex(new EscPos(realTime).drawerPulse().toBytes())).isEqualTo("10 14 01 00 01");
  }

  @Test
  void aProfileWithAnOffTimeShorterThanItsOnTimeIsRefused() {
    PrinterProfile base = PrinterProfiles.builtIn().get("generic-80mm");
    assertThatThrownBy(
            () ->
                PrinterProfiles.withOverrides(
                    base, Map.of("drawerOnMillis", "200", "drawerOffMillis", "100")))
        .hasMessageContaining("must be at least the on-time");
  }
}
