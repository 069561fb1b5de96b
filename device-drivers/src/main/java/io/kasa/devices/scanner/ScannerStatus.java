package io.kasa.devices.scanner;

import java.time.Instant;
import java.util.Objects;

/**
 * A scanner went away or came back: reported once when it is unplugged, once when it is back.
 *
 * @param source which scanner (its device URI)
 * @param connected false when it was lost, true when it is back
 * @param reason why it was lost (the transport's words, for the log), or empty
 * @param at when it was noticed
 */
public record ScannerStatus(String source, boolean connected, String reason, Instant at) {

  public ScannerStatus {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
  }
}
