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
 * the bytes. A plain file or a FIFO cannot answer: {@link #canAnswer()} says so and nothing is ever
 * asked of it. A character device (usblp, a tty) is opened for reading too when the system allows,
 * and a reader thread blocks on it, so {@link #read} waits for a reply without spinning; a device
 * whose read side ends or fails (a one-way printer) stops being asked.
 */
final class FileTransport implements Transport {

  private final DeviceUri.File uri;
  private final CopyOnWriteArrayList<Consumer<DeviceException>> listeners =
      new CopyOnWriteArrayList<>();
  private volatile FileChannel channel;
  private volatile DeviceReader reader;

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
      if (regular) {
        channel =
            FileChannel.open(
                path,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
      } else if (DeviceReader.isCharacterDevice(path)) {
        openDevice(path);
      } else {
        channel = FileChannel.open(path, StandardOpenOption.WRITE);
      }
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

  /**
   * A character device: written through one channel and, when the system allows, read through a
   * second (a {@link FileChannel} serialises its reads and writes, so one blocked read would hold
   * up every write).
   */
  private void openDevice(Path path) throws IOException {
    channel = FileChannel.open(path, StandardOpenOption.WRITE);
    try {
      reader = DeviceReader.start(FileChannel.open(path, StandardOpenOption.READ), uri.path());
    } catch (AccessDeniedException e) {
      reader = null; // write-only for this user: status is not available
    }
  }

  @Override
  public boolean canAnswer() {
    DeviceReader r = reader;
    return r != null && r.alive();
  }

  @Override
  public int read(byte[] buffer, Duration timeout) throws DeviceException {
    DeviceReader r = reader;
    if (r == null) {
      return 0;
    }
    try {
      return r.take(buffer, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
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
    DeviceReader r = reader;
    reader = null;
    if (r != null) {
      r.stop();
    }
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // nothing left to report for a device that is being closed
      }
    }
  }
}
