package io.kasa.service.db.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL whose data lives in a folder ({@code --data}), run from the binaries on the
 * class path with production durability, a generated password and loopback only (ADR 0017).
 *
 * <p>One process owns a folder's server at a time: it starts it, restarts it if it dies, and stops
 * it when closed; a watchdog stops it if the owner dies without closing. {@link Use#ADMIN} opens
 * beside a running service instead, on the service's server, and leaves it running.
 *
 * <p>The folder holds {@code pg/} (PostgreSQL's data), {@code pg.password} (the superuser's
 * password, owner-only), {@code postgresql.log} (the server's log) and {@code kasa.lock} (who owns
 * it).
 */
public final class EmbeddedPostgres implements AutoCloseable {

  /** What the folder is opened for. */
  public enum Use {
    /**
     * A service (serve, the demo, tests): owns the server for as long as it runs, and refuses a
     * folder another service has. Waits for an admin command that holds the folder to finish.
     */
    SERVE,
    /**
     * An admin command: works on a running service's server, or else owns the server for the
     * command's duration. Waits for another admin command that holds the folder to finish.
     */
    ADMIN
  }

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
  private static final long WAIT_SECONDS = 60;

  private final int port;
  private final String password;
  private final Supervisor supervisor;

  private EmbeddedPostgres(int port, String password, Supervisor supervisor) {
    this.port = port;
    this.password = password;
    this.supervisor = supervisor;
  }

  /**
   * Opens the PostgreSQL of {@code folder} for {@code use}: starts it (creating the cluster in a
   * new folder, securing one made by an earlier Kasa, clearing a stale server of this folder left
   * by a killed process), or, for an admin command, joins the running service's.
   *
   * @throws IllegalStateException when it cannot, saying why (another service holds the folder,
   *     PostgreSQL's own error, …)
   */
  public static EmbeddedPostgres open(Path folder, Use use) {
    try {
      boolean fresh = !Files.exists(folder);
      Files.createDirectories(folder);
      if (fresh) {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
      }
      Path real = folder.toRealPath();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      boolean told = false;
      while (true) {
        Optional<OwnerLock> lock = OwnerLock.tryAcquire(real, use);
        if (lock.isPresent()) {
          return own(real, lock.get());
        }
        Optional<OwnerLock.Holder> holder =
            OwnerLock.holder(real).filter(h -> ProcessHandle.of(h.pid()).isPresent());
        if (holder.isPresent() && holder.get().use() == Use.SERVE) {
          if (use == Use.SERVE) {
            throw new IllegalStateException(
                folder
                    + " is already served by "
                    + holder.get().describe()
                    + ": stop it first (admin commands work beside it)");
          }
          return join(real, holder.get(), deadline);
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              folder
                  + " is held by "
                  + holder.map(OwnerLock.Holder::describe).orElse("another process")
                  + " for more than "
                  + WAIT_SECONDS
                  + " s");
        }
        if (!told) {
          LOG.info(
              "Waiting for {} to finish with {}",
              holder.map(OwnerLock.Holder::describe).orElse("another process"),
              folder);
          told = true;
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot open the embedded PostgreSQL in " + folder + ": " + e.getMessage(), e);
    }
  }

  private static EmbeddedPostgres own(Path folder, OwnerLock lock) throws IOException {
    try {
      refuseEarlierKasa(folder.resolve("pg"));
      Cluster cluster = new Cluster(folder, Binaries.get());
      String password = cluster.prepare();
      Supervisor supervisor = Supervisor.start(cluster, lock);
      LOG.info(
          "Embedded PostgreSQL (PID {}) on 127.0.0.1:{} with data in {}",
          supervisor.postmasterPid(),
          supervisor.port(),
          folder);
      return new EmbeddedPostgres(supervisor.port(), password, supervisor);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Joins the server of a running service, waiting for it to be ready (it may be starting). */
  private static EmbeddedPostgres join(Path folder, OwnerLock.Holder holder, long deadline)
      throws IOException {
    String password = Secret.read(folder.resolve("pg.password"));
    Path pgData = folder.resolve("pg");
    while (true) {
      Optional<Postmaster.PidFile> running =
          Postmaster.running(pgData).filter(f -> f.status().equals("ready"));
      if (password != null && running.isPresent()) {
        LOG.info(
            "Working beside {} on its PostgreSQL (127.0.0.1:{})",
            holder.describe(),
            running.get().port());
        return new EmbeddedPostgres(running.get().port(), password, null);
      }
      if (System.nanoTime() > deadline || !ProcessHandle.of(holder.pid()).isPresent()) {
        throw new IllegalStateException(
            folder
                + " is held by "
                + holder.describe()
                + " but its PostgreSQL is not ready (see "
                + folder.resolve("postgresql.log")
                + ")");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
      password = password != null ? password : Secret.read(folder.resolve("pg.password"));
    }
  }

  /**
   * Kasa before ADR 0017 locked {@code pg/epg-lock} while it ran; if an earlier version still runs
   * on this folder, its server is not a stale one to stop.
   */
  private static void refuseEarlierKasa(Path pgData) throws IOException {
    Path lockFile = pgData.resolve("epg-lock");
    if (!Files.exists(lockFile)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw new IllegalStateException(
            pgData + " is in use by an earlier version of Kasa: stop it first");
      }
    }
    Files.delete(lockFile);
  }

  /** The JDBC URL of the server's {@code postgres} database, on loopback. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** The superuser the service connects as. */
  public String user() {
    return Cluster.SUPERUSER;
  }

  /** The superuser's password (from the folder's {@code pg.password}); never log it. */
  public String password() {
    return password;
  }

  /**
   * Stops the server if this process owns it (a fast shutdown: sessions end, a checkpoint is
   * written); an admin command beside a service leaves the service's server running.
   */
  @Override
  public void close() {
    if (supervisor != null) {
      supervisor.close();
    }
  }
}
