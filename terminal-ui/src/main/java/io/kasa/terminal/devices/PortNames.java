package io.kasa.terminal.devices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What Linux knows about the device behind a serial port: for a USB adapter or a USB printer's
 * serial interface ({@code /dev/ttyUSB0}, {@code /dev/ttyACM0}), its vendor and product from sysfs
 * and its {@code /dev/serial/by-id} names, which stay the same whichever order things are plugged
 * in. The roots are given so tests can read a fake tree.
 */
public final class PortNames {

  /**
   * A USB device as sysfs names it.
   *
   * @param vendorId four hex digits ({@code 0403})
   * @param productId four hex digits ({@code 6001})
   * @param manufacturer its manufacturer string, or empty
   * @param product its product string, or empty
   */
  public record Usb(String vendorId, String productId, String manufacturer, String product) {

    /** Manufacturer and product, as far as the device says them. */
    public String name() {
      return (manufacturer + " " + product).strip();
    }
  }

  /** How far up from the tty's device sysfs keeps the USB device's attributes. */
  private static final int LEVELS = 4;

  private final Path sys;
  private final Path dev;

  /**
   * @param sys the sysfs root ({@code /sys})
   * @param dev the device root ({@code /dev})
   */
  public PortNames(Path sys, Path dev) {
    this.sys = sys;
    this.dev = dev;
  }

  /** This machine's. */
  public static PortNames system() {
    return new PortNames(Path.of("/sys"), Path.of("/dev"));
  }

  /** The USB device behind {@code port} (a path such as {@code /dev/ttyUSB0}), if it is one. */
  public Optional<Usb> usb(String port) {
    Path device = sys.resolve("class/tty").resolve(Path.of(port).getFileName()).resolve("device");
    try {
      Path at = device.toRealPath();
      for (int up = 0; up < LEVELS && at != null; up++, at = at.getParent()) {
        if (Files.isRegularFile(at.resolve("idVendor"))) {
          return Optional.of(
              new Usb(
                  read(at, "idVendor"),
                  read(at, "idProduct"),
                  read(at, "manufacturer"),
                  read(at, "product")));
        }
      }
    } catch (IOException notThere) {
      // No such tty in sysfs (not Linux, or a built-in or virtual port): nothing to add.
    }
    return Optional.empty();
  }

  /** The {@code /dev/serial/by-id} names that lead to {@code port}, sorted. */
  public List<String> byId(String port) {
    Path links = dev.resolve("serial/by-id");
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(links)) {
      return out;
    }
    try (Stream<Path> all = Files.list(links)) {
      Path target = Path.of(port).getFileName();
      for (Path link : all.sorted().toList()) {
        if (Files.isSymbolicLink(link)
            && Files.readSymbolicLink(link).getFileName().equals(target)) {
          out.add(link.getFileName().toString());
        }
      }
    } catch (IOException unreadable) {
      // The names are a help, not needed: the port still shows by its path.
    }
    return out;
  }

  private static String read(Path dir, String name) throws IOException {
    Path file = dir.resolve(name);
    return Files.isReadable(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
  }
}
