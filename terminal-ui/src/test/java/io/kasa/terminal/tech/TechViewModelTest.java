package io.kasa.terminal.tech;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.terminal.devices.DeviceBench;
import io.kasa.terminal.devices.DeviceSettings;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.task.DirectTaskExecutor;
import io.kasa.terminal.ui.Banner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TechViewModelTest {

  @TempDir Path dir;
  private final List<DeviceBench.Attached> attached = new ArrayList<>();
  private DeviceSettings saved = DeviceSettings.read(name -> Optional.empty());
  private final List<DeviceSettings> benches = new ArrayList<>();

  private TechViewModel vm() {
    return new TechViewModel(
        new TechViewModel.Store() {
          @Override
          public DeviceSettings saved() {
            return saved;
          }

          @Override
          public void save(DeviceSettings settings) {
            saved = settings;
          }

          @Override
          public String terminal() {
            return "K1-T1";
          }
        },
        new TechViewModel.Backup() {
          @Override
          public void backUp(Map<String, String> settings) {}

          @Override
          public Optional<Map<String, String>> restore() {
            return Optional.empty();
          }
        },
        (settings, log) -> {
          benches.add(settings);
          return null;
        },
        () -> List.copyOf(attached),
        new DirectTaskExecutor(),
        new Messages(Locale.ENGLISH),
        Clock.systemUTC(),
        dir.resolve("support"),
        dir.resolve("receipts"));
  }

  @Test
  void devicesPluggedInOrPulledOutBetweenTwoLooksAreLogged() {
    TechViewModel vm = vm();
    attached.add(new DeviceBench.Attached("serial:/dev/ttyS0", "built in"));
    vm.pollPorts();
    assertThat(vm.log()).as("what was there at the first look is not news").isEmpty();
    attached.add(new DeviceBench.Attached("serial:/dev/ttyUSB0", "FT232R USB UART"));
    vm.pollPorts();
    assertThat(vm.log()).hasSize(1);
    assertThat(vm.log().get(0)).contains("Plugged in: serial:/dev/ttyUSB0 FT232R USB UART");
    attached.remove(1);
    vm.pollPorts();
    assertThat(vm.log().get(0)).contains("Pulled out: serial:/dev/ttyUSB0");
    assertThat(vm.attached())
        .extracting(DeviceBench.Attached::uri)
        .containsExactly("serial:/dev/ttyS0");
  }

  @Test
  void aDraftWithMistakesIsRefusedWithEachNamedAndNothingIsKept() {
    TechViewModel vm = vm();
    vm.field(DeviceSettings.PRINTER_URI).set("serial:");
    vm.field(DeviceSettings.DRAWER_PIN).set("3");
    vm.field(DeviceSettings.CODE_PAGE).set("CP9999");
    assertThat(vm.apply()).isFalse();
    Banner b = vm.bannerProperty().get();
    assertThat(b.kind()).isEqualTo(Banner.Kind.ERROR);
    assertThat(b.text())
        .contains("printer-uri")
        .contains("drawer-pin")
        .contains("printer-code-page");
    assertThat(saved.printerUri()).isEqualTo("sim:printer");
    assertThat(benches).isEmpty();
  }

  @Test
  void aDrawerPulseOutsideTheOneRangeIsRefusedWithTheRange() {
    TechViewModel vm = vm();
    vm.field(DeviceSettings.DRAWER_PULSE).set("600");
    assertThat(vm.apply()).isFalse();
    assertThat(vm.bannerProperty().get().text()).contains("drawer-pulse-ms: 2 to 510 ms");
    assertThat(benches).isEmpty();
  }

  @Test
  void aDrawerOffTimeShorterThanTheOnTimeIsRefused() {
    TechViewModel vm = vm();
    vm.field(DeviceSettings.DRAWER_PULSE).set("200");
    vm.field(DeviceSettings.DRAWER_PULSE_OFF).set("100");
    assertThat(vm.apply()).isFalse();
    assertThat(vm.bannerProperty().get().text())
        .contains("drawer-pulse-off-ms: from the on-time (200 ms) to 510 ms");
  }

  @Test
  void oddMillisecondsAreRoundedUpAndTheOffTimeIsKept() {
    TechViewModel vm = vm();
    vm.field(DeviceSettings.DRAWER_PULSE).set("101");
    vm.field(DeviceSettings.DRAWER_PULSE_OFF).set("201");
    assertThat(vm.apply()).isTrue();
    assertThat(saved.drawerPulse().toBytes()).containsExactly(0x1b, 'p', 0, 51, 101);
  }

  @Test
  void theRealTimePulseHasItsOwnRangeAndBytes() {
    TechViewModel vm = vm();
    vm.field(DeviceSettings.DRAWER_COMMAND).set("DLE_DC4");
    vm.field(DeviceSettings.DRAWER_PULSE).set("900");
    assertThat(vm.apply()).isFalse();
    assertThat(vm.bannerProperty().get().text()).contains("drawer-pulse-ms: 100 to 800 ms");

    vm.field(DeviceSettings.DRAWER_PULSE).set("150");
    vm.field(DeviceSettings.DRAWER_PULSE_OFF).set("150");
    assertThat(vm.apply()).isTrue();
    assertThat(saved.drawerPulse().toBytes()).containsExactly(0x10, 0x14, 1, 0, 2);
  }

  @Test
  void aGoodDraftIsKeptAndTheBenchReopenedWithIt() {
    TechViewModel vm = vm();
    vm.use(DeviceSettings.PRINTER_URI, new DeviceBench.Attached("serial:/dev/ttyUSB0", "FT232R"));
    vm.field(DeviceSettings.CODE_PAGE).set("CP866");
    vm.field(DeviceSettings.PAPER).set("58");
    assertThat(vm.apply()).isTrue();
    assertThat(saved.printerUri()).isEqualTo("serial:/dev/ttyUSB0");
    assertThat(saved.receiptProfile().columnsFontA()).isEqualTo(32);
    assertThat(saved.receiptProfile().pages().get(0).name()).isEqualTo("CP866");
    assertThat(benches).containsExactly(saved);
  }

  @Test
  void aUsbPortIsNamedByWhatIsAttachedAndABuiltInOneAsBefore() {
    TechViewModel vm = vm();
    assertThat(vm.describe(new DeviceBench.Attached("serial:/dev/ttyS0", "Physical Port S0")))
        .isEqualTo("Built-in port S0");
    assertThat(
            vm.describe(
                new DeviceBench.Attached(
                    "serial:/dev/ttyUSB0",
                    "FT232R USB UART",
                    new io.kasa.terminal.devices.PortNames.Usb(
                        "0403", "6001", "FTDI", "FT232R USB UART"),
                    List.of("usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0"))))
        .isEqualTo(
            "USB: FTDI FT232R USB UART (0403:6001)\nusb-FTDI_FT232R_USB_UART_A50285BI-if00-port0");
  }
}
