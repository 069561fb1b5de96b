package io.kasa.devices.transport;

import io.kasa.devices.DeviceException;
import io.kasa.devices.DeviceUri;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Moves bytes to and from one device. Implementations only open, write, read and close; they report
 * a lost device through {@link #onDisconnect} and by throwing {@link DeviceException.Kind#OFFLINE}.
 */
public interface Transport extends AutoCloseable {

  /** Where the device is. */
  DeviceUri uri();

  /** Opens the device; throws NOT_FOUND, ACCESS_DENIED or OFFLINE with a plain message. */
  void open() throws DeviceException;

  /** Writes every byte or throws. */
  void write(byte[] data) throws DeviceException;

  /**
   * Reads what is available into {@code buffer}, waiting at most {@code timeout} for the first
   * byte.
   *
   * @return the number of bytes read, 0 if nothing arrived in time
   */
  int read(byte[] buffer, Duration timeout) throws DeviceException;

  /**
   * Discards input that has already arrived (late replies to earlier queries).
   *
   * @return the bytes discarded, in order (callers may judge what the device sent unasked)
   */
  default byte[] drainInput() throws DeviceException {
    byte[] scratch = new byte[256];
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int n;
    while ((n = read(scratch, Duration.ZERO)) > 0) {
      out.write(scratch, 0, n);
    }
    return out.toByteArray();
  }

  /**
   * Whether a reply can come back over this transport at all. A plain file or a FIFO cannot answer,
   * so nobody should write status requests into it (they would land in the capture) or wait for a
   * reply.
   */
  default boolean canAnswer() {
    return true;
  }

  /** Whether the device is open and was not lost since. */
  boolean isOpen();

  /**
   * Registers a callback run (once per loss, on an I/O thread) when the transport notices that the
   * device is gone.
   */
  void onDisconnect(Consumer<DeviceException> listener);

  /** Closes the device; safe to call more than once. */
  @Override
  void close();
}
