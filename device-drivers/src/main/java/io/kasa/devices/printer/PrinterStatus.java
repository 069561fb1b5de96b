package io.kasa.devices.printer;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the printer last said about itself.
 *
 * @param reply whether and how the device answered the status requests
 * @param flags conditions reported, in the order of {@link Flag} (so they print the same each time)
 * @param drawerSignalHigh the drawer-kick connector's pin 3 level from {@code DLE EOT 1} bit 2
 * @param at when it was read
 */
public record PrinterStatus(Reply reply, Set<Flag> flags, boolean drawerSignalHigh, Instant at) {

  /** Conditions a printer reports. */
  public enum Flag {
    OFFLINE,
    COVER_OPEN,
    PAPER_END,
    PAPER_NEAR_END,
    CUTTER_ERROR,
    UNRECOVERABLE_ERROR,
    ERROR
  }

  /** How the device answered (ADR 0035). */
  public enum Reply {
    /** Valid {@code DLE EOT} replies that agree with each other: the flags are the printer's. */
    ANSWERED,
    /** Nothing came back within the timeout: a one-way printer, or status switched off. */
    NO_REPLY,
    /** The transport cannot carry a reply (a plain file, a FIFO): nothing was asked. */
    NOT_AVAILABLE,
    /** Something answered, but not as an ESC/POS printer does (a web server on port 9100). */
    NOT_A_PRINTER,
    /** The device is not connected. */
    DISCONNECTED
  }

  public PrinterStatus {
    flags =
        flags.isEmpty()
            ? Collections.unmodifiableSet(EnumSet.noneOf(Flag.class))
            : Collections.unmodifiableSet(EnumSet.copyOf(flags));
  }

  /** A status that carries no flags. */
  public static PrinterStatus of(Reply reply, Instant at) {
    return new PrinterStatus(reply, Set.of(), false, at);
  }

  public static PrinterStatus unknown(Instant at) {
    return of(Reply.NO_REPLY, at);
  }

  public static PrinterStatus disconnected(Instant at) {
    return of(Reply.DISCONNECTED, at);
  }

  /** Whether the flags come from the printer itself. */
  public boolean known() {
    return reply == Reply.ANSWERED;
  }

  /** The drawer switch's level (true = high), when the printer reported it. */
  public java.util.Optional<Boolean> drawerSignal() {
    return known() ? java.util.Optional.of(drawerSignalHigh) : java.util.Optional.empty();
  }

  /** Whether the device is connected at all. */
  public boolean connected() {
    return reply != Reply.DISCONNECTED;
  }

  /**
   * Whether a job can be sent now. A silent printer, or one on a transport that cannot answer, is
   * printed to blindly; a device that answers like something else is not printed to.
   */
  public boolean canPrint() {
    return connected()
        && reply != Reply.NOT_A_PRINTER
        && !flags.contains(Flag.PAPER_END)
        && !flags.contains(Flag.COVER_OPEN)
        && !flags.contains(Flag.CUTTER_ERROR)
        && !flags.contains(Flag.UNRECOVERABLE_ERROR)
        && !flags.contains(Flag.OFFLINE);
  }

  /**
   * The most important problem, for a status bar; READY, UNKNOWN (no reply), NOT_AVAILABLE (the
   * transport cannot answer), NOT_A_PRINTER or DISCONNECTED otherwise.
   */
  public String summary() {
    switch (reply) {
      case DISCONNECTED:
        return "DISCONNECTED";
      case NO_REPLY:
        return "UNKNOWN";
      case NOT_AVAILABLE:
        return "NOT_AVAILABLE";
      case NOT_A_PRINTER:
        return "NOT_A_PRINTER";
      default:
        break;
    }
    for (Flag f :
        new Flag[] {
          Flag.PAPER_END,
          Flag.COVER_OPEN,
          Flag.CUTTER_ERROR,
          Flag.UNRECOVERABLE_ERROR,
          Flag.ERROR,
          Flag.OFFLINE,
          Flag.PAPER_NEAR_END
        }) {
      if (flags.contains(f)) {
        return f.name();
      }
    }
    return "READY";
  }
}
