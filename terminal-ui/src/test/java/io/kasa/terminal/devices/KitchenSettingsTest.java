package io.kasa.terminal.devices;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.terminal.i18n.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The kitchen's settings checked together (ADR 0057): stations need a kitchen printer, a fallback
 * stands in for one and must be another printer; each problem names its setting, in both languages.
 * Stations are kept as ids in order, blanks and repeats left out.
 */
class KitchenSettingsTest {

  private static DeviceSettings of(Map<String, String> set) {
    return DeviceSettings.read(name -> Optional.ofNullable(set.get(name)));
  }

  private static List<String> problems(DeviceSettings s, String language) {
    return s.problems(new Messages(Locale.forLanguageTag(language)));
  }

  @Test
  void aFallbackAndStationsWithAKitchenPrinterHold() {
    DeviceSettings s =
        of(
            Map.of(
                DeviceSettings.KITCHEN_URI, "tcp://192.168.1.51:9100",
                DeviceSettings.KITCHEN_STATIONS, " hot, bar,,hot ",
                DeviceSettings.KITCHEN_FALLBACK_URI, "tcp://192.168.1.52:9100",
                DeviceSettings.KITCHEN_FALLBACK_PROFILE, "generic-58mm"));
    assertThat(problems(s, "en")).isEmpty();
    assertThat(s.stations()).containsExactly("hot", "bar");
    assertThat(s.toMap())
        .containsEntry(DeviceSettings.KITCHEN_STATIONS, "hot,bar")
        .containsEntry(DeviceSettings.KITCHEN_FALLBACK_URI, "tcp://192.168.1.52:9100")
        .containsEntry(DeviceSettings.KITCHEN_FALLBACK_PROFILE, "generic-58mm");
  }

  @Test
  void wrongCombinationsAreNamedInBothLanguages() {
    DeviceSettings alone =
        of(
            Map.of(
                DeviceSettings.KITCHEN_STATIONS, "hot",
                DeviceSettings.KITCHEN_FALLBACK_URI, "tcp://192.168.1.52:9100"));
    assertThat(problems(alone, "en"))
        .containsExactly(
            "kitchen-fallback-uri: a fallback stands in for the kitchen printer; set"
                + " kitchen-printer-uri first",
            "kitchen-stations: the stations need a kitchen printer (kitchen-printer-uri)");
    assertThat(problems(alone, "uk"))
        .containsExactly(
            "kitchen-fallback-uri: резервний принтер заміняє кухонний; спершу задайте"
                + " kitchen-printer-uri",
            "kitchen-stations: станціям потрібен кухонний принтер (kitchen-printer-uri)");

    DeviceSettings same =
        of(
            Map.of(
                DeviceSettings.KITCHEN_URI, "tcp://192.168.1.51:9100",
                DeviceSettings.KITCHEN_FALLBACK_URI, "tcp://192.168.1.51:9100",
                DeviceSettings.KITCHEN_FALLBACK_PROFILE, "no-such-printer",
                DeviceSettings.KITCHEN_STATIONS, "hot,гаряча"));
    assertThat(problems(same, "en"))
        .containsExactly(
            "kitchen-fallback-profile: no profile no-such-printer",
            "kitchen-fallback-uri: must be another printer than kitchen-printer-uri",
            "kitchen-stations: гаряча is not a station id");
  }
}
