package io.kasa.devices.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a character device on a thread of its own, because a {@link FileChannel} cannot time out:
 * the thread blocks in the kernel on a read-only channel of its own, readers wait on a condition
 * with a deadline. When the device's read side ends (end of file, an error) the reader stops and
 * says so: that device cannot answer.
 */
final class DeviceReader {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceReader.class);
  private static final int KEEP = 4096;

  /** A driver that returns 0 bytes instead of blocking is read again after this pause. */
  private static final long EMPTY_READ_PAUSE_MS = 100;

  private final FileChannel channel;
  private final String name;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final ArrayDeque<Byte> bytes = new ArrayDeque<>();
  private volatile boolean alive = true;

  private DeviceReader(FileChannel channel, String name) {
    this.channel = channel;
    this.name = name;
  }

  static DeviceReader start(FileChannel channel, String name) {
    DeviceReader r = new DeviceReader(channel, name);
    Thread t = new Thread(r::run, "device reader " + name);
    t.setDaemon(true);
    t.start();
    return r;
  }

  /** Whether {@code path} is a character device (usblp, a tty), following links. */
  static boolean isCharacterDevice(Path path) {
    try {
      Object mode = Files.getAttribute(path, "unix:mode");
      return mode instanceof Integer m && (m & 0170000) == 0020000;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return !Files.isRegularFile(path) && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }
  }

  boolean alive() {
    return alive;
  }

  /** Moves up to {@code buffer.length} bytes, waiting at most {@code timeout} for the first. */
  int take(byte[] buffer, Duration timeout) throws InterruptedException {
    long left = timeout.toNanos();
    lock.lock();
    try {
      while (bytes.isEmpty()) {
        if (!alive || left <= 0) {
          return 0;
        }
        left = arrived.awaitNanos(left);
      }
      int n = 0;
      while (n < buffer.length && !bytes.isEmpty()) {
        buffer[n++] = bytes.poll();
      }
      return n;
    } finally {
      lock.unlock();
    }
  }

  /** Stops reading and closes the read channel (which ends a read blocked in the kernel). */
  void stop() {
    alive = false;
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing left to report for a device that is being closed
    }
  }

  private void run() {
    ByteBuffer chunk = ByteBuffer.allocate(256);
    try {
      while (alive) {
        chunk.clear();
        int n = channel.read(chunk);
        if (n < 0) {
          LOG.debug("{} has no read side: status is not available", name);
          return;
        }
        if (n == 0) {
          Thread.sleep(EMPTY_READ_PAUSE_MS);
          continue;
        }
        lock.lock();
        try {
          for (int i = 0; i < n; i++) {
            if (bytes.size() == KEEP) {
              bytes.poll(); // nobody asked for this much: keep the newest
            }
            bytes.add(chunk.get(i));
          }
          arrived.signalAll();
        } finally {
          lock.unlock();
        }
      }
    } catch (ClosedChannelException | InterruptedException e) {
      // closed by the transport
    } catch (IOException e) {
      LOG.debug("Reading {} failed ({}): status is not available", name, e.getMessage());
    } finally {
      alive = false;
      lock.lock();
      try {
        arrived.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }
}
