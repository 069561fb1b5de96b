package io.kasa.devices.printer;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the printer last said about itself.
 *
 * @param known false when the printer never answered (cheap one-way printers): not an error
 * @param connected whether the device is connected at all
 * @param flags conditions reported
 * @param drawerSignalHigh the drawer-kick connector's pin 3 level from {@code DLE EOT 1} bit 2
 * @param at when it was read
 */
public record PrinterStatus(
    boolean known, boolean connected, Set<Flag> flags, boolean drawerSignalHigh, Instant at) {

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

  public PrinterStatus {
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
  }

  public static PrinterStatus unknown(Instant at) {
    return new PrinterStatus(false, true, Set.of(), false, at);
  }

  public static PrinterStatus disconnected(Instant at) {
    return new PrinterStatus(false, false, Set.of(), false, at);
  }

  /** Whether a job can be sent now (unknown status counts as ready: the printer just is silent). */
  public boolean canPrint() {
    return connected
        && !flags.contains(Flag.PAPER_END)
        && !flags.contains(Flag.COVER_OPEN)
        && !flags.contains(Flag.CUTTER_ERROR)
        && !flags.contains(Flag.UNRECOVERABLE_ERROR)
        && !flags.contains(Flag.OFFLINE);
  }

  /** The most important problem, for a status bar; READY, UNKNOWN or DISCONNECTED otherwise. */
  public String summary() {
    if (!connected) {
      return "DISCONNECTED";
    }
    if (!known) {
      return "UNKNOWN";
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
