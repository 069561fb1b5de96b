package io.kasa.devices.printer;

import io.kasa.devices.DeviceException;
import io.kasa.devices.printer.PrinterStatus.Flag;
import io.kasa.devices.printer.PrinterStatus.Reply;
import io.kasa.devices.transport.Transport;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Asks an ESC/POS printer for its real-time status with {@code DLE EOT 1–4} and checks that the
 * replies are a printer's (ADR 0035): each request gets exactly one byte with the fixed bits of a
 * status reply ({@code 0xx1xx10}), the paired sensor bits of {@code DLE EOT 4} agree, and the
 * replies agree with each other (an offline cause means the printer is offline, an error cause
 * means an error is reported). Anything else — a web server's error page on port 9100, an echo — is
 * {@link Reply#NOT_A_PRINTER}, never paper out. A transport that cannot answer is not asked at all;
 * a printer that does not answer the first request is {@link Reply#NO_REPLY}, not failed.
 */
public final class StatusQuery {

  private static final int XON = 0x11;
  private static final int XOFF = 0x13;

  private StatusQuery() {}

  public static PrinterStatus query(Transport transport, Duration timeout, Instant now)
      throws DeviceException {
    if (!transport.canAnswer()) {
      return PrinterStatus.of(Reply.NOT_AVAILABLE, now);
    }
    // Late replies to an earlier, timed-out query may be waiting: they are a printer's if anything.
    transport.drainInput();
    // The state may change between two requests (a cover opened mid-query): one more try before
    // replies that disagree are taken for a non-printer's.
    PrinterStatus first = once(transport, timeout, now);
    if (first != null) {
      return first;
    }
    PrinterStatus second = once(transport, timeout, now);
    return second != null ? second : PrinterStatus.of(Reply.NOT_A_PRINTER, now);
  }

  /**
   * The drawer switch of a standalone drawer on its own line, which knows nothing of paper: only
   * {@code DLE EOT 1} is asked, and its reply must be one byte with the fixed bits. Empty when the
   * transport cannot answer, nothing answered, or what answered is not a status reply.
   */
  public static Optional<Boolean> drawerSignal(Transport transport, Duration timeout)
      throws DeviceException {
    if (!transport.canAnswer()) {
      return Optional.empty();
    }
    transport.drainInput();
    int b = ask(transport, 1, timeout);
    if (b < 0 || !foreignFree(transport.drainInput())) {
      return Optional.empty();
    }
    return Optional.of((b & 0x04) != 0);
  }

  /** One round of four requests; null when the replies are well-formed but disagree. */
  private static PrinterStatus once(Transport transport, Duration timeout, Instant now)
      throws DeviceException {
    int[] replies = new int[5];
    for (int n = 1; n <= 4; n++) {
      int b = ask(transport, n, timeout);
      if (b == FOREIGN) {
        return PrinterStatus.of(Reply.NOT_A_PRINTER, now);
      }
      if (b == SILENT && n == 1) {
        return PrinterStatus.of(Reply.NO_REPLY, now);
      }
      replies[n] = b;
    }
    if (!foreignFree(transport.drainInput())) {
      return PrinterStatus.of(Reply.NOT_A_PRINTER, now);
    }
    if (!agree(replies[1], replies[2], replies[3], replies[4])) {
      return null;
    }
    return new PrinterStatus(
        Reply.ANSWERED, flags(replies), replies[1] >= 0 && (replies[1] & 0x04) != 0, now);
  }

  /**
   * Whether four replies (-1 where a request went unanswered) are consistent as the ESC/POS
   * reference defines them: {@code DLE EOT 4} reports each sensor in two bits (2–3 near end, 5–6
   * end) that are set together; any offline cause of {@code DLE EOT 2} (cover open, stopped at
   * paper end, error) means {@code DLE EOT 1} says offline; any error cause of {@code DLE EOT 3}
   * (cutter, unrecoverable, auto-recoverable) means {@code DLE EOT 2} says an error occurred.
   */
  static boolean agree(int printer, int offline, int error, int paper) {
    if (paper >= 0) {
      boolean nearA = (paper & 0x04) != 0;
      boolean nearB = (paper & 0x08) != 0;
      boolean endA = (paper & 0x20) != 0;
      boolean endB = (paper & 0x40) != 0;
      if (nearA != nearB || endA != endB) {
        return false;
      }
    }
    if (offline >= 0 && printer >= 0 && (offline & 0x64) != 0 && (printer & 0x08) == 0) {
      return false;
    }
    return !(error >= 0 && offline >= 0 && (error & 0x68) != 0 && (offline & 0x40) == 0);
  }

  private static Set<Flag> flags(int[] r) {
    Set<Flag> flags = EnumSet.noneOf(Flag.class);
    if ((r[1] & 0x08) != 0) {
      flags.add(Flag.OFFLINE);
    }
    if (r[2] >= 0) {
      if ((r[2] & 0x04) != 0) {
        flags.add(Flag.COVER_OPEN);
      }
      if ((r[2] & 0x20) != 0) {
        flags.add(Flag.PAPER_END);
      }
      if ((r[2] & 0x40) != 0) {
        flags.add(Flag.ERROR);
      }
    }
    if (r[3] >= 0) {
      if ((r[3] & 0x08) != 0) {
        flags.add(Flag.CUTTER_ERROR);
      }
      if ((r[3] & 0x20) != 0) {
        flags.add(Flag.UNRECOVERABLE_ERROR);
      }
    }
    if (r[4] >= 0) {
      if ((r[4] & 0x0c) != 0) {
        flags.add(Flag.PAPER_NEAR_END);
      }
      if ((r[4] & 0x60) != 0) {
        flags.add(Flag.PAPER_END);
      }
    }
    return flags;
  }

  /** Whether {@code b} has the fixed bits of a real-time status reply: 0xx1xx10. */
  public static boolean isStatusByte(int b) {
    return (b & 0x93) == 0x12;
  }

  private static final int SILENT = -1;
  private static final int FOREIGN = -2;

  /** The reply to {@code DLE EOT n}: the byte, {@link #SILENT} or {@link #FOREIGN}. */
  private static int ask(Transport transport, int n, Duration timeout) throws DeviceException {
    if (!foreignFree(transport.drainInput())) {
      return FOREIGN;
    }
    transport.write(new byte[] {0x10, 0x04, (byte) n});
    byte[] reply = new byte[64];
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return SILENT;
      }
      // The transport blocks until a byte arrives or the time is up; 0 means the time is up, so a
      // transport that cannot wait ends the request here instead of spinning for the timeout.
      int got = transport.read(reply, Duration.ofNanos(left));
      if (got == 0) {
        return SILENT;
      }
      int status = SILENT;
      for (int i = 0; i < got; i++) {
        int b = reply[i] & 0xff;
        if (b == XON || b == XOFF) {
          continue; // software flow control on a serial line, not a reply
        }
        if (status != SILENT || !isStatusByte(b)) {
          return FOREIGN; // a printer sends one status byte per request, and nothing else
        }
        status = b;
      }
      if (status != SILENT) {
        return status;
      }
    }
  }

  /** Whether bytes that came unasked are flow control or late status replies, nothing else. */
  private static boolean foreignFree(byte[] unasked) {
    for (byte value : unasked) {
      int b = value & 0xff;
      if (b != XON && b != XOFF && !isStatusByte(b)) {
        return false;
      }
    }
    return true;
  }
}
