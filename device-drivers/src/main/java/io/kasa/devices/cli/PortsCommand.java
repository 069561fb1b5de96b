package io.kasa.devices.cli;

import com.fazecast.jSerialComm.SerialPort;
import io.kasa.devices.transport.UsbDiscovery;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "ports",
    mixinStandardHelpOptions = true,
    description = "List serial ports and USB devices.")
final class PortsCommand implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Where Linux lists USB devices; a test points it elsewhere. */
  @Option(names = "--usb-sysfs", hidden = true, defaultValue = "/sys/bus/usb")
  Path usbSysfs;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Serial ports:");
    SerialPort[] ports = SerialPort.getCommPorts();
    if (ports.length == 0) {
      out.println("  (none)");
    }
    for (SerialPort p : ports) {
      out.printf("  serial:%s  %s%n", p.getSystemPortPath(), p.getPortDescription());
    }
    out.println("USB devices:");
    usb(out);
    return 0;
  }

  /**
   * The USB devices, telling "this machine has no USB at all" (a container or a virtual machine
   * without USB passed through: nothing will ever be found) from "USB is there, nothing is plugged
   * in" and from "USB is there but cannot be read".
   */
  private void usb(PrintWriter out) {
    boolean linux = Files.isDirectory(Path.of("/sys"));
    if (linux && !Files.isDirectory(usbSysfs)) {
      out.println(
          "  (no USB subsystem here: "
              + usbSysfs
              + " is missing; a container or virtual machine needs the USB bus passed through)");
      return;
    }
    try {
      List<UsbDiscovery.UsbDeviceInfo> devices = UsbDiscovery.list();
      if (devices.isEmpty()) {
        out.println("  (none attached: the USB subsystem is present and reports no devices)");
      }
      for (UsbDiscovery.UsbDeviceInfo d : devices) {
        out.printf(
            "  %s  class %02x  %s %s%n",
            d.uri(),
            d.deviceClass(),
            d.manufacturer() == null ? "" : d.manufacturer(),
            d.product() == null ? "" : d.product());
      }
    } catch (Exception | LinkageError e) {
      out.println(
          "  (the USB subsystem is present but cannot be read: "
              + KasaDevices.plain(e instanceof Exception ex ? ex : new Exception(e))
              + ")");
    }
  }
}
