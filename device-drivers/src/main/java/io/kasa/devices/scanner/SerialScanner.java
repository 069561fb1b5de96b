package io.kasa.devices.scanner;

import io.kasa.devices.DeviceException;
import io.kasa.devices.transport.DeviceConnection;
import io.kasa.domain.barcode.BarcodeParser;
import io.kasa.domain.barcode.ScanResult;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scanner on a serial line (RS-232 or USB CDC-ACM): a reader thread frames its bytes, reads each
 * scan as a line may deliver it ({@link BarcodeParser#parseFromLine}: noise never becomes a code)
 * and publishes a {@link ScanEvent}; junk becomes a rejected event with its reason. A scan whose
 * terminator does not arrive within {@code incompleteAfter} is reported as incomplete. Unplugged,
 * it says so once ({@link ScannerStatus}) and forgets a scan caught half-way; back, it says so
 * once.
 */
public final class SerialScanner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SerialScanner.class);

  private final DeviceConnection connection;
  private final ScanFraming framing;
  private final BarcodeParser parser;
  private final Clock clock;
  private final Duration incompleteAfter;
  private final CopyOnWriteArrayList<Consumer<ScanEvent>> listeners = new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<Consumer<ScannerStatus>> statusListeners =
      new CopyOnWriteArrayList<>();

  /** Counts losses of the line; the reader drops its partial scan when it sees a new one. */
  private final AtomicInteger losses = new AtomicInteger();

  /** Whether the last state reported was "lost": reports go out on changes only. */
  private final AtomicBoolean reportedLost = new AtomicBoolean();

  private final Thread reader;
  private volatile boolean closed;

  public SerialScanner(
      DeviceConnection connection,
      ScanFraming framing,
      BarcodeParser parser,
      Duration incompleteAfter,
      Clock clock) {
    this.connection = connection;
    this.framing = framing;
    this.parser = parser;
    this.incompleteAfter = incompleteAfter;
    this.clock = clock;
    this.reader = new Thread(this::read, "scanner " + connection.uri());
    reader.setDaemon(true);
    connection.onStateChange(this::stateChanged);
  }

  public void onScan(Consumer<ScanEvent> listener) {
    listeners.add(listener);
  }

  /** Hears the scanner being unplugged and coming back, once each. */
  public void onStatus(Consumer<ScannerStatus> listener) {
    statusListeners.add(listener);
  }

  /** Starts reading; the connection may still be coming up. */
  public SerialScanner start() {
    reader.start();
    return this;
  }

  @Override
  public void close() {
    closed = true;
    reader.interrupt();
    try {
      reader.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stateChanged(DeviceConnection.StateChange change) {
    if (change.state() == DeviceConnection.State.DISCONNECTED) {
      losses.incrementAndGet();
      if (reportedLost.compareAndSet(false, true)) {
        String why = change.reason() == null ? "" : change.reason().getMessage();
        LOG.info("Scanner {} unplugged: {}", connection.uri(), why);
        status(new ScannerStatus(connection.uri().toString(), false, why, clock.instant()));
      }
    } else if (change.state() == DeviceConnection.State.CONNECTED
        && reportedLost.compareAndSet(true, false)) {
      LOG.info("Scanner {} is back", connection.uri());
      status(new ScannerStatus(connection.uri().toString(), true, "", clock.instant()));
    }
  }

  private void status(ScannerStatus s) {
    statusListeners.forEach(l -> l.accept(s));
  }

  private void read() {
    byte[] buffer = new byte[512];
    long lastByte = System.nanoTime();
    int seenLosses = losses.get();
    while (!closed) {
      try {
        int lost = losses.get();
        if (lost != seenLosses) {
          // Half a scan from before the unplug is no scan: its end will never come.
          seenLosses = lost;
          framing.discard();
        }
        if (connection.state() != DeviceConnection.State.CONNECTED) {
          connection.awaitConnected(Duration.ofMillis(500));
          continue;
        }
        int n = connection.call(t -> t.read(buffer, Duration.ofMillis(100)));
        if (n > 0) {
          lastByte = System.nanoTime();
          for (ScanFraming.Frame frame : framing.feed(buffer, n)) {
            publish(frame);
          }
        } else if (framing.hasPartial()
            && System.nanoTime() - lastByte > incompleteAfter.toNanos()) {
          ScanFraming.Frame partial = framing.flush();
          emit(
              new ScanResult.Rejected(
                  ScanResult.Reason.INCOMPLETE,
                  "no terminator after the scan",
                  shortened(partial.text())));
        }
      } catch (InterruptedException e) {
        return;
      } catch (DeviceException e) {
        LOG.debug("Scanner {}: {}", connection.uri(), e.getMessage());
      }
    }
  }

  private void publish(ScanFraming.Frame frame) {
    ScanResult result = verdict(frame, parser);
    if (result != null) {
      emit(result);
    }
  }

  /**
   * What a frame from a serial line is: too long, without the scanner's prefix, or the parser's
   * strict reading; null for an empty frame (a lone terminator).
   */
  static ScanResult verdict(ScanFraming.Frame frame, BarcodeParser parser) {
    if (frame.overlong()) {
      return new ScanResult.Rejected(
          ScanResult.Reason.TOO_LONG, "more than a scan can hold", shortened(frame.text()));
    }
    if (frame.text().isEmpty()) {
      return null;
    }
    if (frame.missingPrefix()) {
      return new ScanResult.Rejected(
          ScanResult.Reason.MISSING_PREFIX,
          "the scanner's prefix did not come first",
          shortened(frame.text()));
    }
    return parser.parseFromLine(frame.text());
  }

  /** Enough of a long frame to recognise it in a message, not a screenful. */
  private static String shortened(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  private void emit(ScanResult result) {
    ScanEvent event = new ScanEvent(result, connection.uri().toString(), clock.instant());
    if (!event.accepted()) {
      LOG.info("Scan rejected from {}: {}", connection.uri(), result);
    }
    listeners.forEach(l -> l.accept(event));
  }
}
