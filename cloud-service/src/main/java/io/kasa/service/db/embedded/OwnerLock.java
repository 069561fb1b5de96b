package io.kasa.service.db.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which process owns a data folder's PostgreSQL: the one holding an OS lock on {@code kasa.lock},
 * which the kernel releases when that process dies, however it dies. The file also says the owner's
 * PID and use, for the others' messages and for admin commands to know whether they may work beside
 * it.
 *
 * <p>POSIX locks belong to the process, and closing any handle on the file releases them all; so
 * within this JVM the folders it owns are known from memory and the file is never opened again.
 */
final class OwnerLock implements AutoCloseable {

  static final String FILE = "kasa.lock";

  /** Who holds a folder: a PID and what it uses it for (null while it is being written). */
  record Holder(long pid, EmbeddedPostgres.Use use) {
    String describe() {
      String what = use == EmbeddedPostgres.Use.SERVE ? "a running service" : "an admin command";
      return (pid == ProcessHandle.current().pid() ? "this process" : "PID " + pid)
          + " ("
          + what
          + ")";
    }
  }

  private static final Map<Path, EmbeddedPostgres.Use> HELD_HERE = new HashMap<>();

  private final Path folder;
  private final FileChannel channel;
  private final FileLock lock;

  private OwnerLock(Path folder, FileChannel channel, FileLock lock) {
    this.folder = folder;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock on {@code folder} (a real path), or empty when another process or this one has it. */
  static Optional<OwnerLock> tryAcquire(Path folder, EmbeddedPostgres.Use use) throws IOException {
    synchronized (HELD_HERE) {
      if (HELD_HERE.containsKey(folder)) {
        return Optional.empty();
      }
      FileChannel channel =
          FileChannel.open(
              folder.resolve(FILE),
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException | IOException e) {
        channel.close();
        throw e;
      }
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + " " + use + "\n")
                  .getBytes(StandardCharsets.US_ASCII)));
      channel.force(false);
      HELD_HERE.put(folder, use);
      return Optional.of(new OwnerLock(folder, channel, lock));
    }
  }

  /** Who holds {@code folder}'s lock, as far as can be told; empty while that is being written. */
  static Optional<Holder> holder(Path folder) throws IOException {
    synchronized (HELD_HERE) {
      EmbeddedPostgres.Use here = HELD_HERE.get(folder);
      if (here != null) {
        return Optional.of(new Holder(ProcessHandle.current().pid(), here));
      }
    }
    try {
      String[] f = Files.readString(folder.resolve(FILE), StandardCharsets.US_ASCII).split("\\s+");
      if (f.length >= 2) {
        return Optional.of(new Holder(Long.parseLong(f[0]), EmbeddedPostgres.Use.valueOf(f[1])));
      }
    } catch (NoSuchFileException | IllegalArgumentException notYet) {
      // Not written yet, or being written.
    }
    return Optional.empty();
  }

  @Override
  public void close() throws IOException {
    synchronized (HELD_HERE) {
      try {
        lock.release();
      } finally {
        channel.close();
        HELD_HERE.remove(folder);
      }
    }
  }
}
