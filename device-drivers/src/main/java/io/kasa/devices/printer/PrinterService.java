package io.kasa.devices.printer;

import io.kasa.devices.DeviceException;
import io.kasa.devices.DeviceException.Kind;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.transport.DeviceConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One printer's queue, worked by its own thread so that printing never blocks the caller. {@link
 * #print} returns at once with a future. Before each job the service reads the printer's status;
 * while paper is out, the cover open, the printer offline or unplugged, the job waits (and the
 * status is published) until the condition clears — then it prints — or until the job timeout, when
 * it fails with the reason. A printer that never answers status requests is printed to blindly.
 */
public final class PrinterService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PrinterService.class);

  /**
   * Timing of the service.
   *
   * @param statusTimeout how long to wait for each status reply
   * @param retryInterval how often a waiting job re-checks the printer
   * @param jobTimeout how long a job may wait before failing
   */
  public record Settings(Duration statusTimeout, Duration retryInterval, Duration jobTimeout) {

    /** 300 ms per status reply, re-check every 500 ms, give up after 10 minutes. */
    public static Settings defaults() {
      return new Settings(Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofMinutes(10));
    }
  }

  private record Queued(PrintJob job, Duration timeout, CompletableFuture<PrintResult> result) {}

  private final DeviceConnection connection;
  private final PrinterProfile profile;
  private final Settings settings;
  private final Clock clock;
  private final LinkedBlockingDeque<Queued> queue = new LinkedBlockingDeque<>();
  private final CopyOnWriteArrayList<Consumer<PrinterStatus>> statusListeners =
      new CopyOnWriteArrayList<>();
  private final Thread worker;
  private volatile PrinterStatus status;
  private volatile boolean closed;
  private volatile Queued current;

  public PrinterService(
      DeviceConnection connection, PrinterProfile profile, Settings settings, Clock clock) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.profile = Objects.requireNonNull(profile, "profile");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = clock;
    this.status = PrinterStatus.disconnected(clock.instant());
    connection.onStateChange(
        change -> {
          if (change.state() == DeviceConnection.State.DISCONNECTED) {
            publish(PrinterStatus.disconnected(clock.instant()));
          }
        });
    this.worker = new Thread(this::work, "printer " + connection.uri());
    worker.setDaemon(true);
    worker.start();
  }

  public PrinterProfile profile() {
    return profile;
  }

  /** Queues {@code job}; the future completes when it printed or failed. Never blocks. */
  public CompletableFuture<PrintResult> print(PrintJob job) {
    return print(job, settings.jobTimeout());
  }

  /**
   * Queues {@code job} to wait at most {@code timeout} (counted from when it is worked on) for the
   * printer instead of the service's job timeout. A job that fails for the printer being down has
   * sent nothing ({@link PrintResult#attempts()} is 0) and is gone from the queue: it never prints
   * later, so the caller may print it elsewhere (a kitchen's fallback printer, ADR 0057).
   */
  public CompletableFuture<PrintResult> print(PrintJob job, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    CompletableFuture<PrintResult> result = new CompletableFuture<>();
    if (closed) {
      result.complete(
          new PrintResult(job.id(), false, Kind.OFFLINE, "The printer service is stopped", 0));
      return result;
    }
    queue.add(new Queued(job, timeout, result));
    return result;
  }

  /** The last known status. */
  public PrinterStatus status() {
    return status;
  }

  public void onStatus(Consumer<PrinterStatus> listener) {
    statusListeners.add(listener);
  }

  /** Reads the status now, between jobs; the future completes with it. */
  public CompletableFuture<PrinterStatus> refreshStatus() {
    CompletableFuture<PrinterStatus> result = new CompletableFuture<>();
    PrintJob probe = new PrintJob(UUID.randomUUID(), "status", new byte[0]);
    print(probe).whenComplete((r, e) -> result.complete(status));
    return result;
  }

  /** Jobs waiting, the one being printed first. */
  public List<PrintJob> pending() {
    List<PrintJob> jobs = new ArrayList<>();
    Queued c = current;
    if (c != null) {
      jobs.add(c.job());
    }
    queue.forEach(q -> jobs.add(q.job()));
    return jobs;
  }

  @Override
  public void close() {
    closed = true;
    worker.interrupt();
    try {
      worker.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Queued q;
    while ((q = queue.poll()) != null) {
      q.result()
          .complete(
              new PrintResult(
                  q.job().id(), false, Kind.OFFLINE, "The printer service was stopped", 0));
    }
  }

  private void work() {
    while (!closed) {
      Queued q;
      try {
        q = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      current = q;
      PrintResult result;
      try {
        result = run(q.job(), q.timeout());
      } catch (InterruptedException e) {
        q.result()
            .complete(
                new PrintResult(
                    q.job().id(), false, Kind.OFFLINE, "The printer service was stopped", 0));
        return;
      } catch (RuntimeException e) {
        LOG.error("Print job {} failed unexpectedly", q.job().id(), e);
        result =
            new PrintResult(q.job().id(), false, Kind.IO, "Printing failed: " + e.getMessage(), 0);
      } finally {
        current = null;
      }
      q.result().complete(result);
    }
  }

  private PrintResult run(PrintJob job, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int attempts = 0;
    DeviceException last = null;
    while (true) {
      if (connection.state() == DeviceConnection.State.CLOSED) {
        return failed(job, Kind.OFFLINE, "The printer connection is closed", attempts);
      }
      if (connection.state() != DeviceConnection.State.CONNECTED) {
        publish(PrinterStatus.disconnected(clock.instant()));
        if (!waitUntil(
            deadline, () -> connection.awaitConnected(Duration.ofMillis(retryWithin(deadline))))) {
          DeviceException why = connection.lastError();
          return failed(
              job,
              Kind.OFFLINE,
              "The printer is not connected" + (why == null ? "" : ": " + why.getMessage()),
              attempts);
        }
        continue;
      }
      try {
        PrinterStatus now =
            profile.realTimeStatus()
                ? connection.call(
                    t -> StatusQuery.query(t, settings.statusTimeout(), clock.instant()))
                : PrinterStatus.unknown(clock.instant());
        publish(now);
        if (now.reply() == PrinterStatus.Reply.NOT_A_PRINTER) {
          // Waiting will not turn a web server into a printer: say what answers, at once.
          return failed(job, Kind.NOT_A_PRINTER, describe(now), attempts);
        }
        if (!now.canPrint()) {
          if (System.nanoTime() >= deadline) {
            return failed(job, kindOf(now), describe(now), attempts);
          }
          Thread.sleep(retryWithin(deadline));
          continue;
        }
        if (job.bytes().length == 0) {
          return new PrintResult(job.id(), true, null, "Status read", attempts);
        }
        attempts++;
        byte[] bytes = job.bytes();
        connection.call(
            t -> {
              t.write(bytes);
              return null;
            });
        return new PrintResult(job.id(), true, null, "Printed", attempts);
      } catch (DeviceException e) {
        last = e;
        LOG.warn("Print job {} ({}): {}", job.id(), job.description(), e.getMessage());
        if (System.nanoTime() >= deadline) {
          return failed(job, e.kind(), e.getMessage(), attempts);
        }
        if (e.kind() != Kind.OFFLINE && connection.state() == DeviceConnection.State.CONNECTED) {
          Thread.sleep(retryWithin(deadline));
        }
      }
      if (last != null && System.nanoTime() >= deadline) {
        return failed(job, last.kind(), last.getMessage(), attempts);
      }
    }
  }

  /** The retry interval, cut short by {@code deadline} (a short job timeout is kept). */
  private long retryWithin(long deadline) {
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    return Math.max(1, Math.min(settings.retryInterval().toMillis(), left));
  }

  /** Runs {@code step} until it returns true or the deadline passes. */
  private boolean waitUntil(long deadline, InterruptibleCheck step) throws InterruptedException {
    while (System.nanoTime() < deadline && connection.state() != DeviceConnection.State.CLOSED) {
      if (step.check()) {
        return true;
      }
    }
    return false;
  }

  @FunctionalInterface
  private interface InterruptibleCheck {
    boolean check() throws InterruptedException;
  }

  private PrintResult failed(PrintJob job, Kind kind, String message, int attempts) {
    LOG.warn("Print job {} ({}) failed: {}", job.id(), job.description(), message);
    return new PrintResult(job.id(), false, kind, message, attempts);
  }

  private static Kind kindOf(PrinterStatus s) {
    if (s.reply() == PrinterStatus.Reply.NOT_A_PRINTER) {
      return Kind.NOT_A_PRINTER;
    }
    if (!s.connected() || s.flags().contains(PrinterStatus.Flag.OFFLINE) && s.flags().size() == 1) {
      return Kind.OFFLINE;
    }
    if (s.flags().contains(PrinterStatus.Flag.PAPER_END)) {
      return Kind.PAPER_OUT;
    }
    if (s.flags().contains(PrinterStatus.Flag.COVER_OPEN)) {
      return Kind.COVER_OPEN;
    }
    return Kind.PRINTER_ERROR;
  }

  private static String describe(PrinterStatus s) {
    return switch (kindOf(s)) {
      case PAPER_OUT -> "The printer is out of paper";
      case COVER_OPEN -> "The printer cover is open";
      case OFFLINE -> "The printer is offline";
      case NOT_A_PRINTER ->
          "Something answers there, but not as a receipt printer: check the address";
      default -> "The printer reports an error (" + s.flags() + ")";
    };
  }

  private void publish(PrinterStatus next) {
    PrinterStatus previous = status;
    status = next;
    if (!previous.flags().equals(next.flags()) || previous.reply() != next.reply()) {
      statusListeners.forEach(l -> l.accept(next));
    }
  }
}
