package io.kasa.devices.transport;

import io.kasa.devices.DeviceException;
import io.kasa.devices.DeviceException.Kind;
import io.kasa.devices.DeviceUri;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one device connected: opens its transport, notices when the device goes away (unplugged
 * serial port, reset TCP connection, USB error), reports it as a state change and reopens with
 * exponential backoff — one scheduled attempt at a time, never a busy loop. I/O goes through {@link
 * #call}, one operation at a time.
 */
public final class DeviceConnection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceConnection.class);

  /** Where the connection stands. */
  public enum State {
    CONNECTING,
    CONNECTED,
    DISCONNECTED,
    CLOSED
  }

  /**
   * A change of state.
   *
   * @param uri the device
   * @param state the new state
   * @param reason why it changed (for DISCONNECTED), or null
   */
  public record StateChange(DeviceUri uri, State state, DeviceException reason) {}

  /** An operation on the open transport. */
  @FunctionalInterface
  public interface Io<T> {
    T run(Transport transport) throws DeviceException;
  }

  private final Transport transport;
  private final ScheduledExecutorService scheduler;
  private final Duration minBackoff;
  private final Duration maxBackoff;
  private final CopyOnWriteArrayList<Consumer<StateChange>> listeners =
      new CopyOnWriteArrayList<>();
  private final ReentrantLock io = new ReentrantLock();
  private final ReentrantLock stateLock = new ReentrantLock();
  private final Condition changed = stateLock.newCondition();
  private State state = State.DISCONNECTED;
  private DeviceException lastError;
  private Duration nextBackoff;
  private ScheduledFuture<?> retry;

  public DeviceConnection(
      Transport transport,
      ScheduledExecutorService scheduler,
      Duration minBackoff,
      Duration maxBackoff) {
    this.transport = transport;
    this.scheduler = scheduler;
    this.minBackoff = minBackoff;
    this.maxBackoff = maxBackoff;
    this.nextBackoff = minBackoff;
    transport.onDisconnect(this::lost);
  }

  /** A connection that retries after 250 ms, doubling up to 5 s. */
  public static DeviceConnection of(Transport transport, ScheduledExecutorService scheduler) {
    return new DeviceConnection(
        transport, scheduler, Duration.ofMillis(250), Duration.ofSeconds(5));
  }

  public DeviceUri uri() {
    return transport.uri();
  }

  /** Starts connecting in the background; state changes are reported to listeners. */
  public void start() {
    schedule(Duration.ZERO);
  }

  /** Opens now, on the calling thread; on failure keeps retrying in the background and throws. */
  public void connect() throws DeviceException {
    try {
      attempt();
    } finally {
      if (state() == State.DISCONNECTED) {
        schedule(nextBackoff);
      }
    }
    if (state() != State.CONNECTED) {
      throw lastError != null
          ? lastError
          : new DeviceException(Kind.OFFLINE, uri() + " is not connected");
    }
  }

  public State state() {
    stateLock.lock();
    try {
      return state;
    } finally {
      stateLock.unlock();
    }
  }

  /** Why the device was last lost or not opened, or null. */
  public DeviceException lastError() {
    stateLock.lock();
    try {
      return lastError;
    } finally {
      stateLock.unlock();
    }
  }

  public void onStateChange(Consumer<StateChange> listener) {
    listeners.add(listener);
  }

  /** Waits until connected, at most {@code timeout}; true if connected. */
  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    stateLock.lock();
    try {
      while (state != State.CONNECTED) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || state == State.CLOSED) {
          return false;
        }
        changed.awaitNanos(left);
      }
      return true;
    } finally {
      stateLock.unlock();
    }
  }

  /**
   * Runs {@code action} on the open transport. Throws OFFLINE at once when not connected; when the
   * action finds the device gone, the connection starts reconnecting.
   */
  public <T> T call(Io<T> action) throws DeviceException {
    io.lock();
    try {
      if (state() != State.CONNECTED) {
        DeviceException why = lastError();
        throw new DeviceException(
            Kind.OFFLINE,
            uri() + " is not connected" + (why == null ? "" : ": " + why.getMessage()),
            why);
      }
      try {
        return action.run(transport);
      } catch (DeviceException e) {
        if (e.kind() == Kind.OFFLINE || !transport.isOpen()) {
          lost(e);
        }
        throw e;
      }
    } finally {
      io.unlock();
    }
  }

  @Override
  public void close() {
    ScheduledFuture<?> pending;
    stateLock.lock();
    try {
      pending = retry;
      retry = null;
    } finally {
      stateLock.unlock();
    }
    if (pending != null) {
      pending.cancel(false);
    }
    transport.close();
    setState(State.CLOSED, null);
  }

  private void attempt() {
    if (state() == State.CLOSED) {
      return;
    }
    setState(State.CONNECTING, lastError());
    try {
      transport.open();
      stateLock.lock();
      try {
        nextBackoff = minBackoff;
      } finally {
        stateLock.unlock();
      }
      setState(State.CONNECTED, null);
      LOG.info("Device {} connected", uri());
    } catch (DeviceException e) {
      setState(State.DISCONNECTED, e);
    }
  }

  private void lost(DeviceException e) {
    transport.close();
    // The transport's disconnect event and the failed call that noticed it both end here: once.
    if (state() != State.CONNECTED) {
      return;
    }
    LOG.warn("Device {} lost: {}", uri(), e.getMessage());
    setState(State.DISCONNECTED, e);
    schedule(minBackoff);
  }

  private void schedule(Duration delay) {
    stateLock.lock();
    try {
      if (state == State.CLOSED || (retry != null && !retry.isDone())) {
        return;
      }
      retry = scheduler.schedule(this::retryOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      stateLock.unlock();
    }
  }

  private void retryOnce() {
    attempt();
    if (state() == State.DISCONNECTED) {
      Duration wait;
      stateLock.lock();
      try {
        wait = nextBackoff;
        nextBackoff =
            nextBackoff.multipliedBy(2).compareTo(maxBackoff) > 0
                ? maxBackoff
                : nextBackoff.multipliedBy(2);
        retry = null;
      } finally {
        stateLock.unlock();
      }
      schedule(wait);
    }
  }

  private void setState(State next, DeviceException reason) {
    boolean notify;
    stateLock.lock();
    try {
      notify = state != next;
      state = next;
      lastError = reason;
      changed.signalAll();
    } finally {
      stateLock.unlock();
    }
    if (notify) {
      StateChange change = new StateChange(uri(), next, reason);
      listeners.forEach(l -> l.accept(change));
    }
  }
}
