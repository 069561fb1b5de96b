package io.kasa.devices.drawer;

import io.kasa.devices.DeviceException;
import io.kasa.devices.escpos.DrawerPulse;
import io.kasa.devices.escpos.EscPos;
import io.kasa.devices.printer.PrintJob;
import io.kasa.devices.printer.PrinterService;
import io.kasa.devices.printer.PrinterStatus;
import io.kasa.devices.printer.StatusQuery;
import io.kasa.devices.transport.DeviceConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cash drawer. {@link #open} kicks it and completes with what happened; a poller follows its
 * switch and reports {@link Event}s: opened, closed, and left open longer than allowed. The
 * switch's polarity differs between drawers: {@code openWhenHigh} says which level means open.
 */
public final class CashDrawer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CashDrawer.class);

  /** Where the drawer stands. */
  public enum State {
    OPEN,
    CLOSED,
    /** The drawer has no switch wired, or the printer does not report it. */
    UNKNOWN
  }

  /**
   * Something the drawer did.
   *
   * @param type what
   * @param openFor how long it had been open (zero for OPENED)
   * @param at when it was noticed
   */
  public record Event(Type type, Duration openFor, Instant at) {

    /** Kinds of drawer event. */
    public enum Type {
      OPENED,
      CLOSED,
      LEFT_OPEN
    }
  }

  /**
   * The outcome of {@link #open}.
   *
   * @param kicked whether the pulse was sent
   * @param state the drawer's state afterwards
   * @param message a plain sentence for the cashier
   */
  public record OpenResult(boolean kicked, State state, String message) {}

  /** How the drawer is reached. */
  public interface Port {
    /** Sends the kick pulse. */
    CompletableFuture<Void> kick();

    /**
     * How long after the kick the switch is worth reading: the pulse's on- and off-time plus time
     * for the drawer to move. Read earlier, a drawer that opened still reads closed.
     */
    default Duration settleAfterKick() {
      return Duration.ZERO;
    }

    /** Reads the switch level: true = high; empty when not reported. */
    CompletableFuture<Optional<Boolean>> signalHigh();
  }

  private final Port port;
  private final boolean openWhenHigh;
  private final Supplier<Duration> leftOpenAfter;
  private final Clock clock;
  private final CopyOnWriteArrayList<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledFuture<?> poller;
  private volatile State state = State.UNKNOWN;
  private volatile Instant openedAt;
  private volatile boolean leftOpenReported;

  /**
   * A drawer reached through {@code port}, its switch read every {@code pollInterval}; {@code
   * leftOpenAfter} is asked each time, so a store that changes its limit is heard at once.
   */
  public CashDrawer(
      Port port,
      boolean openWhenHigh,
      Supplier<Duration> leftOpenAfter,
      Duration pollInterval,
      ScheduledExecutorService scheduler,
      Clock clock) {
    this.port = port;
    this.openWhenHigh = openWhenHigh;
    this.leftOpenAfter = leftOpenAfter;
    this.clock = clock;
    this.poller =
        scheduler.scheduleWithFixedDelay(
            this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * A drawer wired to the printer's drawer port, kicked with {@code pulse}; its switch is read
   * {@code settle} after the pulse has ended.
   */
  public static Port viaPrinter(PrinterService printer, DrawerPulse pulse, Duration settle) {
    byte[] bytes = new EscPos(printer.profile()).drawerPulse(pulse).toBytes();
    Duration wait = pulse.duration().plus(settle);
    return new Port() {
      @Override
      public Duration settleAfterKick() {
        return wait;
      }

      @Override
      public CompletableFuture<Void> kick() {
        return printer
            .print(PrintJob.of("drawer kick", bytes))
            .thenAccept(
                r -> {
                  if (!r.printed()) {
                    throw new CompletionException(new DeviceException(r.failure(), r.message()));
                  }
                });
      }

      @Override
      public CompletableFuture<Optional<Boolean>> signalHigh() {
        return printer.refreshStatus().thenApply(PrinterStatus::drawerSignal);
      }
    };
  }

  /**
   * A standalone drawer on its own line: {@code pulse} opens it, DLE EOT 1 reads it, {@code settle}
   * after the pulse has ended.
   */
  public static Port viaSerial(
      DeviceConnection connection, DrawerPulse pulse, Duration settle, Duration statusTimeout) {
    byte[] kick = pulse.toBytes();
    Duration wait = pulse.duration().plus(settle);
    return new Port() {
      @Override
      public Duration settleAfterKick() {
        return wait;
      }

      @Override
      public CompletableFuture<Void> kick() {
        return CompletableFuture.runAsync(
            () -> {
              try {
                connection.call(
                    t -> {
                      t.write(kick);
                      return null;
                    });
              } catch (DeviceException e) {
                throw new CompletionException(e);
              }
            });
      }

      @Override
      public CompletableFuture<Optional<Boolean>> signalHigh() {
        return CompletableFuture.supplyAsync(
            () -> {
              try {
                return connection.call(t -> StatusQuery.drawerSignal(t, statusTimeout));
              } catch (DeviceException e) {
                return Optional.empty();
              }
            });
      }
    };
  }

  /** Kicks the drawer; completes with the state read once the pulse has had time to act. */
  public CompletableFuture<OpenResult> open() {
    long settle = port.settleAfterKick().toMillis();
    return port.kick()
        .thenCompose(
            v ->
                CompletableFuture.runAsync(
                    () -> {}, CompletableFuture.delayedExecutor(settle, TimeUnit.MILLISECONDS)))
        .thenCompose(v -> port.signalHigh())
        .thenApply(
            signal -> {
              State now = signal.map(this::stateOf).orElse(State.UNKNOWN);
              update(now);
              return switch (now) {
                case OPEN -> new OpenResult(true, now, "The drawer is open");
                case CLOSED ->
                    new OpenResult(
                        true,
                        now,
                        "The drawer was kicked but reports closed: check the cable and the pin");
                case UNKNOWN -> new OpenResult(true, now, "The drawer was kicked");
              };
            })
        .exceptionally(
            e -> {
              Throwable cause =
                  e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
              return new OpenResult(
                  false, state, "The drawer could not be opened: " + cause.getMessage());
            });
  }

  public State state() {
    return state;
  }

  public void onEvent(Consumer<Event> listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    poller.cancel(false);
  }

  private void poll() {
    try {
      Optional<Boolean> signal = port.signalHigh().get(10, TimeUnit.SECONDS);
      update(signal.map(this::stateOf).orElse(State.UNKNOWN));
      Instant since = openedAt;
      if (state == State.OPEN && since != null && !leftOpenReported) {
        Duration open = Duration.between(since, clock.instant());
        if (open.compareTo(leftOpenAfter.get()) >= 0) {
          leftOpenReported = true;
          emit(new Event(Event.Type.LEFT_OPEN, open, clock.instant()));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.debug("Drawer status poll failed: {}", e.getMessage());
    }
  }

  private State stateOf(boolean high) {
    return high == openWhenHigh ? State.OPEN : State.CLOSED;
  }

  private synchronized void update(State next) {
    State previous = state;
    state = next;
    Instant now = clock.instant();
    if (next == State.OPEN && previous != State.OPEN) {
      openedAt = now;
      leftOpenReported = false;
      emit(new Event(Event.Type.OPENED, Duration.ZERO, now));
    } else if (previous == State.OPEN && next == State.CLOSED) {
      Duration open = openedAt == null ? Duration.ZERO : Duration.between(openedAt, now);
      openedAt = null;
      emit(new Event(Event.Type.CLOSED, open, now));
    }
  }

  private void emit(Event event) {
    listeners.forEach(l -> l.accept(event));
  }
}
