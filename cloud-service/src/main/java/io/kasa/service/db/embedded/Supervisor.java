package io.kasa.service.db.embedded;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's side of a running server: starts it, watches it four times a second, starts it again
 * (on the same port, after its crash recovery) if it dies, keeps its watchdog alive, and stops both
 * when closed.
 */
final class Supervisor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
  private static final long CHECK_MILLIS = 250;
  private static final long MAX_BACKOFF_MILLIS = 10_000;
  private static final int PORT_TRIES = 5;

  private final Cluster cluster;
  private final OwnerLock lock;
  private final int port;
  private final Thread thread;
  private volatile long postmaster;
  private volatile Watchdog watchdog;
  private volatile boolean closing;

  private Supervisor(Cluster cluster, OwnerLock lock, int port, long postmaster) {
    this.cluster = cluster;
    this.lock = lock;
    this.port = port;
    this.postmaster = postmaster;
    this.thread = new Thread(this::watch, "kasa-postgres-supervisor");
    thread.setDaemon(true);
  }

  /** Starts the server of a prepared cluster on a free port, and watches over it. */
  static Supervisor start(Cluster cluster, OwnerLock lock) throws IOException {
    for (int attempt = 1; ; attempt++) {
      int port = Cluster.freePort();
      try {
        long pid = cluster.start(port);
        Supervisor s = new Supervisor(cluster, lock, port, pid);
        try {
          s.watchdog = Watchdog.start(pid, cluster.pgData(), cluster.log());
        } catch (IOException | RuntimeException e) {
          Postmaster.stop(pid, cluster.pgData());
          throw e;
        }
        s.thread.start();
        return s;
      } catch (Cluster.StartFailure e) {
        // Another process took the port between choosing it and binding it.
        if (!e.portTaken || attempt == PORT_TRIES) {
          throw e;
        }
      }
    }
  }

  int port() {
    return port;
  }

  long postmasterPid() {
    return postmaster;
  }

  private void watch() {
    long backoff = 0;
    while (!closing) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoff > 0 ? backoff : CHECK_MILLIS));
      if (closing) {
        return;
      }
      try {
        if (!Postmaster.of(postmaster, cluster.pgData())) {
          restart();
        } else if (!watchdog.alive()) {
          LOG.warn("The PostgreSQL watchdog (PID {}) ended; starting another", watchdog.pid());
          watchdog = Watchdog.start(postmaster, cluster.pgData(), cluster.log());
        }
        backoff = 0;
      } catch (IOException | RuntimeException e) {
        backoff = Math.min(MAX_BACKOFF_MILLIS, Math.max(500, backoff * 2));
        LOG.error(
            "Cannot start PostgreSQL again: {}; trying again in {} ms", e.getMessage(), backoff);
      }
    }
  }

  private synchronized void restart() throws IOException {
    if (closing) {
      return;
    }
    LOG.warn(
        "PostgreSQL (PID {}) ended unexpectedly; starting it again on port {} (log: {})",
        postmaster,
        port,
        cluster.log());
    watchdog.dismiss();
    Postmaster.clearStale(cluster.pgData());
    postmaster = cluster.start(port);
    watchdog = Watchdog.start(postmaster, cluster.pgData(), cluster.log());
    LOG.info("PostgreSQL (PID {}) is running again on port {}", postmaster, port);
  }

  /** Stops watching, then stops the server and lets go of the folder. */
  @Override
  public void close() {
    closing = true;
    LockSupport.unpark(thread);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      try {
        watchdog.dismiss();
        var running = Postmaster.running(cluster.pgData());
        if (running.isPresent()) {
          Postmaster.stop(running.get().pid(), cluster.pgData());
        }
        LOG.info("Embedded PostgreSQL in {} stopped", cluster.pgData());
      } catch (IOException | RuntimeException e) {
        LOG.warn(
            "Embedded PostgreSQL in {} did not stop cleanly: {}", cluster.pgData(), e.getMessage());
      } finally {
        try {
          lock.close();
        } catch (IOException e) {
          LOG.warn("Cannot release {}: {}", OwnerLock.FILE, e.getMessage());
        }
      }
    }
  }
}
