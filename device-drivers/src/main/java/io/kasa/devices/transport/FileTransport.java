package io.kasa.devices.transport;

import io.kasa.devices.DeviceException;
import io.kasa.devices.DeviceException.Kind;
import io.kasa.devices.DeviceUri;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A device file such as the kernel's {@code /dev/usb/lp0}, a FIFO, or a plain file that captures
 * the bytes. Write-only: reads return nothing, so the printer's status stays "unknown", which is
 * what a one-way printer reports anyway.
 */
final class FileTransport implements Transport {

  private final DeviceUri.File uri;
  private final CopyOnWriteArrayList<Consumer<DeviceException>> listeners =
      new CopyOnWriteArrayList<>();
  private volatile FileChannel channel;

  FileTransport(DeviceUri.File uri) {
    this.uri = uri;
  }

  @Override
  public DeviceUri uri() {
    return uri;
  }

  @Override
  public synchronized void open() throws DeviceException {
    close();
    Path path = Path.of(uri.path());
    try {
      boolean regular = !Files.exists(path) || Files.isRegularFile(path);
      channel =
          regular
              ? FileChannel.open(
                  path,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.APPEND)
              : FileChannel.open(path, StandardOpenOption.WRITE);
    } catch (NoSuchFileException e) {
      throw new DeviceException(Kind.NOT_FOUND, "No such device file " + uri.path(), e);
    } catch (AccessDeniedException e) {
      throw new DeviceException(
          Kind.ACCESS_DENIED,
          "No permission to write " + uri.path() + " (add the user to the lp or kasa group)",
          e);
    } catch (IOException e) {
      throw new DeviceException(Kind.IO, "Cannot open " + uri.path() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void write(byte[] data) throws DeviceException {
    FileChannel c = channel;
    if (c == null) {
      throw new DeviceException(Kind.OFFLINE, uri.path() + " is not open");
    }
    try {
      ByteBuffer buffer = ByteBuffer.wrap(data);
      while (buffer.hasRemaining()) {
        c.write(buffer);
      }
    } catch (IOException e) {
      close();
      DeviceException lost =
          new DeviceException(
              Kind.OFFLINE, "Writing " + uri.path() + " failed: " + e.getMessage(), e);
      listeners.forEach(l -> l.accept(lost));
      throw lost;
    }
  }

  @Override
  public int read(byte[] buffer, Duration timeout) {
    return 0;
  }

  @Override
  public boolean isOpen() {
    FileChannel c = channel;
    return c != null && c.isOpen();
  }

  @Override
  public void onDisconnect(Consumer<DeviceException> listener) {
    listeners.add(listener);
  }

  @Override
  public synchronized void close() {
    FileChannel c = channel;
    channel = null;
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // nothing left to report for a device that is being closed
      }
    }
  }
}
