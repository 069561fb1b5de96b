package io.kasa.devices.cli;

import com.fazecast.jSerialComm.SerialPort;
import io.kasa.devices.transport.UsbDiscovery;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "ports",
    mixinStandardHelpOptions = true,
    description = "List serial ports and USB devices.")
final class PortsCommand implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

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
    try {
      List<UsbDiscovery.UsbDeviceInfo> devices = UsbDiscovery.list();
      if (devices.isEmpty()) {
        out.println("  (none)");
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
          "  (USB is not available here: "
              + KasaDevices.plain(e instanceof Exception ex ? ex : new Exception(e))
              + ")");
    }
    return 0;
  }
}
