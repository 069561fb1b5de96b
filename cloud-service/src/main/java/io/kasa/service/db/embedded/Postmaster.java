package io.kasa.service.db.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server process as seen from outside: its {@code postmaster.pid} and what {@code
 * /proc} says of the process it names. A process counts as the postmaster of a data folder only
 * when it runs a {@code postgres} program with {@code -D} and its working folder is that data
 * folder (the postmaster changes into it at start), so a stranger that got a dead server's PID is
 * never signalled.
 */
final class Postmaster {

  private static final Logger LOG = LoggerFactory.getLogger(Postmaster.class);
  private static final long STOP_SECONDS = 60;
  private static final long BACKENDS_SECONDS = 30;

  /**
   * What {@code postmaster.pid} says: the PID, the port, the shared memory segment's id (or -1) and
   * the status ({@code starting}, {@code ready}, {@code stopping}, {@code standby}).
   */
  record PidFile(long pid, int port, long shmId, String status) {

    static Optional<PidFile> read(Path pgData) throws IOException {
      List<String> lines;
      try {
        lines = Files.readAllLines(pgData.resolve("postmaster.pid"), StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
      try {
        long pid = Long.parseLong(lines.get(0).strip());
        int port = lines.size() > 3 ? Integer.parseInt(lines.get(3).strip()) : -1;
        String[] shm = lines.size() > 6 ? lines.get(6).strip().split("\\s+") : new String[0];
        long shmId = shm.length == 2 ? Long.parseLong(shm[1]) : -1;
        String status = lines.size() > 7 ? lines.get(7).strip() : "";
        return Optional.of(new PidFile(pid, port, shmId, status));
      } catch (RuntimeException partlyWritten) {
        // The server writes the file in steps; a reader may see it half done.
        return Optional.empty();
      }
    }
  }

  private Postmaster() {}

  /** Whether {@code pid} is a live process (not a zombie). */
  static boolean alive(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // pid (comm) state …: the command may hold spaces and parentheses, the state follows the
      // last.
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException | IndexOutOfBoundsException gone) {
      return false;
    }
  }

  /** Whether {@code pid} is the postmaster of {@code pgData}: alive, postgres, working there. */
  static boolean of(long pid, Path pgData) {
    Path proc = Path.of("/proc", Long.toString(pid));
    try {
      String[] argv =
          new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
              .split("\0");
      return alive(pid)
          && argv.length > 1
          && (argv[0].equals("postgres") || argv[0].endsWith("/postgres"))
          && List.of(argv).contains("-D")
          && Files.readSymbolicLink(proc.resolve("cwd")).equals(pgData);
    } catch (IOException | SecurityException unreadable) {
      return false;
    }
  }

  /** The postmaster running in {@code pgData} according to its pid file, if one runs. */
  static Optional<PidFile> running(Path pgData) throws IOException {
    return PidFile.read(pgData).filter(f -> of(f.pid(), pgData));
  }

  /**
   * Makes {@code pgData} ready for a new postmaster: one that still runs there (whose service is
   * gone, since the caller owns the folder) is stopped, backends of a killed one are waited for,
   * and a pid file naming another program's process is removed. Throws when something is left that
   * cannot be safely cleared.
   */
  static void clearStale(Path pgData) throws IOException {
    Optional<PidFile> file = PidFile.read(pgData);
    if (file.isEmpty()) {
      return;
    }
    PidFile f = file.get();
    if (of(f.pid(), pgData)) {
      LOG.warn(
          "PostgreSQL (PID {}) still runs in {} without its service; stopping it", f.pid(), pgData);
      stop(f.pid(), pgData);
    }
    awaitBackendsGone(f.shmId(), pgData);
    if (isPostgres(f.pid()) && !canInspect(f.pid())) {
      throw new IllegalStateException(
          pgData.resolve("postmaster.pid")
              + " names PID "
              + f.pid()
              + ", a PostgreSQL process of another user: stop it, or remove the file if it is"
              + " not this folder's server");
    }
    // What is left is a dead server's file, maybe naming a zombie or a stranger that got its PID
    // (PostgreSQL would refuse to start for either); its backends are gone, so it can go.
    Files.deleteIfExists(pgData.resolve("postmaster.pid"));
  }

  /**
   * Stops the postmaster {@code pid} of {@code pgData}: a fast shutdown (SIGINT: sessions end, a
   * checkpoint is written), then, if it has not ended within a minute, an immediate one (SIGQUIT:
   * crash recovery at the next start). Returns once it has ended.
   */
  static void stop(long pid, Path pgData) throws IOException {
    signal("INT", pid);
    if (awaitEnd(pid, pgData, STOP_SECONDS)) {
      return;
    }
    LOG.warn(
        "PostgreSQL (PID {}) did not stop within {} s; stopping it at once", pid, STOP_SECONDS);
    signal("QUIT", pid);
    if (!awaitEnd(pid, pgData, STOP_SECONDS)) {
      throw new IllegalStateException(
          "PostgreSQL (PID " + pid + ") in " + pgData + " does not stop; stop it by hand");
    }
  }

  private static boolean awaitEnd(long pid, Path pgData, long seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (of(pid, pgData)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    return true;
  }

  /**
   * Waits until no process is attached to a dead postmaster's shared memory: backends notice their
   * postmaster's death and exit within moments, and a new postmaster must not start while one of
   * them may still write.
   */
  private static void awaitBackendsGone(long shmId, Path pgData) throws IOException {
    if (shmId < 0) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BACKENDS_SECONDS);
    int attached;
    while ((attached = attachments(shmId)) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            attached
                + " process(es) of the previous PostgreSQL in "
                + pgData
                + " still run (shared memory id "
                + shmId
                + "); stop them (ps -ef | grep 'postgres:') and start again");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  /** Processes attached to System V shared memory segment {@code shmId}; 0 when it is gone. */
  private static int attachments(long shmId) throws IOException {
    Path table = Path.of("/proc/sysvipc/shm");
    if (!Files.isReadable(table)) {
      return 0;
    }
    List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      // key shmid perms size cpid lpid nattch …
      String[] f = line.strip().split("\\s+");
      if (f.length > 6 && f[1].equals(Long.toString(shmId))) {
        return Integer.parseInt(f[6]);
      }
    }
    return 0;
  }

  private static boolean isPostgres(long pid) {
    try {
      String cmd =
          new String(
              Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
              StandardCharsets.UTF_8);
      return cmd.startsWith("postgres") || cmd.split("\0")[0].endsWith("/postgres");
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean canInspect(long pid) {
    try {
      Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
      return true;
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /** Sends a signal by name (INT, QUIT) with the shell's kill, which Java cannot send itself. */
  static void signal(String name, long pid) throws IOException {
    try {
      Process kill =
          new ProcessBuilder("sh", "-c", "kill -" + name + " \"$1\"", "kill", Long.toString(pid))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      kill.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while signalling PID " + pid, e);
    }
  }
}
