package io.kasa.devices;

/**
 * A device could not do what was asked. The {@link Kind} says what a technician or cashier can do
 * about it; the message says it in plain words.
 */
public final class DeviceException extends Exception {

  /** What went wrong, in terms someone at the counter can act on. */
  public enum Kind {
    /** No such port or device: check the cable and the URI. */
    NOT_FOUND,
    /** The operating system refused access: check permissions (udev rules, groups). */
    ACCESS_DENIED,
    /** The device was there and is gone or not answering: unplugged, powered off, network down. */
    OFFLINE,
    /** The printer is out of paper. */
    PAPER_OUT,
    /** The printer's cover is open. */
    COVER_OPEN,
    /** The printer reports an error (cutter jam, overheating). */
    PRINTER_ERROR,
    /**
     * Something answers at the address, but not as a receipt printer does (a web server on port
     * 9100, another device on the serial line): check the address.
     */
    NOT_A_PRINTER,
    /** The device cannot do this (no cutter, no QR support). */
    UNSUPPORTED,
    /** Reading or writing failed for another reason. */
    IO
  }

  private final Kind kind;

  public DeviceException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public DeviceException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
