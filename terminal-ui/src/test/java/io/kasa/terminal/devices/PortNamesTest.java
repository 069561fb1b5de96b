package io.kasa.terminal.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What sysfs and /dev/serial/by-id say about a serial port, read from a fake tree as Linux lays it.
 */
class PortNamesTest {

  @TempDir Path root;

  /** An FTDI adapter: the tty's device is the interface's child, the USB device two levels up. */
  private void ftdi() throws Exception {
    Path usb = root.resolve("sys/devices/pci0000:00/0000:00:14.0/usb1/1-2");
    Path tty = usb.resolve("1-2:1.0/ttyUSB0");
    Files.createDirectories(tty);
    Files.writeString(usb.resolve("idVendor"), "0403\n");
    Files.writeString(usb.resolve("idProduct"), "6001\n");
    Files.writeString(usb.resolve("manufacturer"), "FTDI\n");
    Files.writeString(usb.resolve("product"), "FT232R USB UART\n");
    Path cls = root.resolve("sys/class/tty/ttyUSB0");
    Files.createDirectories(cls);
    Files.createSymbolicLink(cls.resolve("device"), tty);
    Path byId = root.resolve("dev/serial/by-id");
    Files.createDirectories(byId);
    Files.createSymbolicLink(
        byId.resolve("usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0"), Path.of("../../ttyUSB0"));
    Files.createSymbolicLink(byId.resolve("usb-Other_thing-if00"), Path.of("../../ttyACM3"));
  }

  @Test
  void aUsbSerialAdapterIsNamedByItsMakerProductAndIdsWithItsByIdLink() throws Exception {
    ftdi();
    PortNames names = new PortNames(root.resolve("sys"), root.resolve("dev"));
    PortNames.Usb usb = names.usb("/dev/ttyUSB0").orElseThrow();
    assertThat(usb).isEqualTo(new PortNames.Usb("0403", "6001", "FTDI", "FT232R USB UART"));
    assertThat(usb.name()).isEqualTo("FTDI FT232R USB UART");
    assertThat(names.byId("/dev/ttyUSB0"))
        .containsExactly("usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0");
  }

  @Test
  void aCdcAcmPrinterIsFoundOneLevelUpWithoutAManufacturerString() throws Exception {
    Path usb = root.resolve("sys/devices/usb2/2-1");
    Path iface = usb.resolve("2-1:1.0");
    Files.createDirectories(iface.resolve("tty/ttyACM0"));
    Files.writeString(usb.resolve("idVendor"), "0fe6\n");
    Files.writeString(usb.resolve("idProduct"), "811e\n");
    Path cls = root.resolve("sys/class/tty/ttyACM0");
    Files.createDirectories(cls);
    Files.createSymbolicLink(cls.resolve("device"), iface);
    PortNames names = new PortNames(root.resolve("sys"), root.resolve("dev"));
    assertThat(names.usb("/dev/ttyACM0")).contains(new PortNames.Usb("0fe6", "811e", "", ""));
    assertThat(names.byId("/dev/ttyACM0")).as("no by-id folder at all").isEmpty();
  }

  @Test
  void aBuiltInPortHasNoUsbDeviceAndKeepsItsOwnDescription() throws Exception {
    Path platform = root.resolve("sys/devices/platform/serial8250/tty/ttyS0");
    Files.createDirectories(platform);
    Path cls = root.resolve("sys/class/tty/ttyS0");
    Files.createDirectories(cls);
    Files.createSymbolicLink(cls.resolve("device"), platform.getParent().getParent());
    PortNames names = new PortNames(root.resolve("sys"), root.resolve("dev"));
    assertThat(names.usb("/dev/ttyS0")).isEmpty();
    assertThat(names.usb("/dev/ttyUSB9")).as("not in sysfs at all").isEmpty();
  }
}
