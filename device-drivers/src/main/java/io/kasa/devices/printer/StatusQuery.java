package io.kasa.devices.printer;

import io.kasa.devices.DeviceException;
import io.kasa.devices.transport.Transport;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Asks an ESC/POS printer for its real-time status with {@code DLE EOT 1–4}. Input is drained first
 * because replies can arrive one query late; a reply is accepted only if it has the form {@code
 * 0xx1xx10}. A printer that does not answer the first request is "status unknown", not failed.
 */
public final class StatusQuery {

  private StatusQuery() {}

  public static PrinterStatus query(Transport transport, Duration timeout, Instant now)
      throws DeviceException {
    transport.drainInput();
    int printer = ask(transport, 1, timeout);
    if (printer < 0) {
      return PrinterStatus.unknown(now);
    }
    Set<PrinterStatus.Flag> flags = EnumSet.noneOf(PrinterStatus.Flag.class);
    boolean drawerHigh = (printer & 0x04) != 0;
    if ((printer & 0x08) != 0) {
      flags.add(PrinterStatus.Flag.OFFLINE);
    }
    int offline = ask(transport, 2, timeout);
    if (offline >= 0) {
      if ((offline & 0x04) != 0) {
        flags.add(PrinterStatus.Flag.COVER_OPEN);
      }
      if ((offline & 0x20) != 0) {
        flags.add(PrinterStatus.Flag.PAPER_END);
      }
      if ((offline & 0x40) != 0) {
        flags.add(PrinterStatus.Flag.ERROR);
      }
    }
    int error = ask(transport, 3, timeout);
    if (error >= 0) {
      if ((error & 0x08) != 0) {
        flags.add(PrinterStatus.Flag.CUTTER_ERROR);
      }
      if ((error & 0x20) != 0) {
        flags.add(PrinterStatus.Flag.UNRECOVERABLE_ERROR);
      }
    }
    int paper = ask(transport, 4, timeout);
    if (paper >= 0) {
      if ((paper & 0x0c) != 0) {
        flags.add(PrinterStatus.Flag.PAPER_NEAR_END);
      }
      if ((paper & 0x60) != 0) {
        flags.add(PrinterStatus.Flag.PAPER_END);
      }
    }
    return new PrinterStatus(true, true, flags, drawerHigh, now);
  }

  /** Whether {@code b} has the fixed bits of a real-time status reply: 0xx1xx10. */
  public static boolean isStatusByte(int b) {
    return (b & 0x93) == 0x12;
  }

  private static int ask(Transport transport, int n, Duration timeout) throws DeviceException {
    transport.write(new byte[] {0x10, 0x04, (byte) n});
    byte[] reply = new byte[1];
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return -1;
      }
      int got = transport.read(reply, Duration.ofNanos(left));
      if (got == 1 && isStatusByte(reply[0] & 0xff)) {
        return reply[0] & 0xff;
      }
      // Anything else is stray input (an ASB packet, a late reply's noise): keep waiting.
    }
  }
}
