package io.kasa.packaging.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo service's port, kept in its data folder ({@code service.port}) so a later run listens
 * where the last one did: the receipts it printed carry QR codes of that address.
 */
final class ServicePort {

  static final String FILE = "service.port";

  private ServicePort() {}

  /** The port the last run listened on, or 0 when none is kept (or the file is not a port). */
  static int kept(Path data) {
    Path file = data.resolve(FILE);
    try {
      int port = Integer.parseInt(Files.readString(file, StandardCharsets.UTF_8).trim());
      return port > 0 && port < 65536 ? port : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  /** Keeps {@code port} for the next run. */
  static void keep(Path data, int port) throws IOException {
    Files.createDirectories(data);
    Files.writeString(data.resolve(FILE), port + "\n", StandardCharsets.UTF_8);
  }

  /** Whether nothing listens on {@code port} of the loopback address now (0: never). */
  static boolean free(int port) {
    if (port == 0) {
      return false;
    }
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      probe.setReuseAddress(true);
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
