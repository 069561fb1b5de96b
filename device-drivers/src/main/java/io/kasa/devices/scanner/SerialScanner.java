package io.kasa.devices.scanner;

import io.kasa.devices.DeviceException;
import io.kasa.devices.transport.DeviceConnection;
import io.kasa.domain.barcode.BarcodeParser;
import io.kasa.domain.barcode.ScanResult;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scanner on a serial line (RS-232 or USB CDC-ACM): a reader thread frames its bytes, parses each
 * scan and publishes a {@link ScanEvent}; junk becomes a rejected event with its reason. A scan
 * whose terminator does not arrive within {@code incompleteAfter} is reported as incomplete.
 */
public final class SerialScanner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SerialScanner.class);

  private final DeviceConnection connection;
  private final ScanFraming framing;
  private final BarcodeParser parser;
  private final Clock clock;
  private final Duration incompleteAfter;
  private final CopyOnWriteArrayList<Consumer<ScanEvent>> listeners = new CopyOnWriteArrayList<>();
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
  }

  public void onScan(Consumer<ScanEvent> listener) {
    listeners.add(listener);
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

  private void read() {
    byte[] buffer = new byte[512];
    long lastByte = System.nanoTime();
    while (!closed) {
      try {
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
                  ScanResult.Reason.INCOMPLETE, "no terminator after the scan", partial.text()));
        }
      } catch (InterruptedException e) {
        return;
      } catch (DeviceException e) {
        LOG.debug("Scanner {}: {}", connection.uri(), e.getMessage());
      }
    }
  }

  private void publish(ScanFraming.Frame frame) {
    if (frame.overlong()) {
      emit(
          new ScanResult.Rejected(
              ScanResult.Reason.TOO_LONG, "more than a scan can hold", frame.text()));
    } else if (!frame.text().isEmpty()) {
      emit(parser.parse(frame.text()));
    }
  }

  private void emit(ScanResult result) {
    ScanEvent event = new ScanEvent(result, connection.uri().toString(), clock.instant());
    if (!event.accepted()) {
      LOG.info("Scan rejected from {}: {}", connection.uri(), result);
    }
    listeners.forEach(l -> l.accept(event));
  }
}
