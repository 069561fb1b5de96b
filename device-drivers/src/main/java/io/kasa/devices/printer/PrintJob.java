package io.kasa.devices.printer;

import java.util.Objects;
import java.util.UUID;

/**
 * Bytes to print as one unit.
 *
 * @param id identifies the job in results and logs (the receipt's sale id, for example)
 * @param description what it is, for the status bar and the diagnostics log
 * @param bytes the ESC/POS stream
 */
public record PrintJob(UUID id, String description, byte[] bytes) {

  public PrintJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    bytes = Objects.requireNonNull(bytes, "bytes").clone();
  }

  public static PrintJob of(String description, byte[] bytes) {
    return new PrintJob(UUID.randomUUID(), description, bytes);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }
}
