package io.kasa.terminal.tech;

import io.kasa.terminal.devices.DeviceBench;
import io.kasa.terminal.i18n.Messages;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The serial ports and USB devices attached, as last looked at, each named by what is attached to
 * it when the system knows; what was plugged in or pulled out between two looks goes to the log.
 */
final class AttachedPorts {

  private static final Pattern BUILT_IN_PORT = Pattern.compile("Physical Port (\\S+)");

  private final Messages messages;
  private final Consumer<String> note;
  private final ObservableList<DeviceBench.Attached> attached = FXCollections.observableArrayList();
  private final Set<String> seen = new HashSet<>();
  private boolean firstLook = true;

  AttachedPorts(Messages messages, Consumer<String> note) {
    this.messages = messages;
    this.note = note;
  }

  ObservableList<DeviceBench.Attached> attached() {
    return attached;
  }

  /**
   * What is attached to the port: a USB device by its maker, product and ids («USB: FTDI FT232R
   * (0403:6001)»), with its stable by-id names on the lines under it, when the system knows them;
   * else what the system calls the port, in the register's words where the serial library makes the
   * name up ("Physical Port S0" for a built-in port).
   */
  String describe(DeviceBench.Attached a) {
    StringBuilder out = new StringBuilder();
    if (a.usb() != null) {
      String name = a.usb().name().isEmpty() ? a.description() : a.usb().name();
      out.append(
          messages.get("tech.port.usb", name, a.usb().vendorId() + ":" + a.usb().productId()));
    } else {
      Matcher builtIn = BUILT_IN_PORT.matcher(a.description());
      out.append(
          builtIn.matches()
              ? messages.get("tech.port.builtIn", builtIn.group(1))
              : a.description());
    }
    a.byId().forEach(id -> out.append('\n').append(id));
    return out.toString();
  }

  /** What is attached, for the set-up's summary: a USB port's by-id names on lines of their own. */
  List<String> summary() {
    List<String> out = new java.util.ArrayList<>();
    for (DeviceBench.Attached a : attached) {
      String[] said = describe(a).split("\n");
      out.add("  " + a.uri() + "  " + said[0]);
      for (int k = 1; k < said.length; k++) {
        out.add("    " + said[k]);
      }
    }
    return out;
  }

  /**
   * Writes a support file ({@code devices-20261204-091502.txt}: the summary and the log) into
   * {@code folder}; answers it.
   */
  static java.nio.file.Path export(
      java.nio.file.Path folder, java.time.Instant at, List<String> lines)
      throws java.io.IOException {
    java.nio.file.Files.createDirectories(folder);
    java.nio.file.Path file =
        folder.resolve(
            "devices-"
                + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                    .withZone(java.time.ZoneId.systemDefault())
                    .format(at)
                + ".txt");
    java.nio.file.Files.write(file, lines, java.nio.charset.StandardCharsets.UTF_8);
    return file;
  }

  /** What is attached now (on the UI thread). */
  void update(List<DeviceBench.Attached> now) {
    Set<String> uris = new HashSet<>();
    for (DeviceBench.Attached a : now) {
      uris.add(a.uri());
      if (!firstLook && !seen.contains(a.uri())) {
        note.accept(messages.get("tech.plugged", a.uri(), describe(a).replace('\n', ' ')));
      }
    }
    if (!firstLook) {
      for (String gone : seen) {
        if (!uris.contains(gone)) {
          note.accept(messages.get("tech.unplugged", gone));
        }
      }
    }
    firstLook = false;
    seen.clear();
    seen.addAll(uris);
    if (!attached.equals(now)) {
      attached.setAll(now);
    }
  }
}
