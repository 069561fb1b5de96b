package io.kasa.devices.scanner;

import io.kasa.devices.DeviceUri;
import io.kasa.devices.transport.UsbDiscovery;
import io.kasa.domain.barcode.BarcodeParser;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.usb.UsbConst;
import javax.usb.UsbDevice;
import javax.usb.UsbEndpoint;
import javax.usb.UsbException;
import javax.usb.UsbInterface;
import javax.usb.UsbIrp;
import javax.usb.UsbPipe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scanner in USB HID POS mode, read through javax.usb (usb4java): its interrupt IN endpoint
 * delivers {@link HidPosReport}s, which are joined, parsed and published as {@link ScanEvent}s.
 * When the scanner is unplugged the reader notices, reports it through {@link #onState}, and
 * reopens it with backoff once it is back.
 */
public final class UsbHidPosScanner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(UsbHidPosScanner.class);

  private final DeviceUri.Usb uri;
  private final BarcodeParser parser;
  private final Clock clock;
  private final Duration maxBackoff;
  private final CopyOnWriteArrayList<Consumer<ScanEvent>> listeners = new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<Consumer<Boolean>> stateListeners =
      new CopyOnWriteArrayList<>();
  private final Thread reader;
  private volatile boolean closed;
  private volatile boolean connected;
  private volatile UsbPipe pipe;

  public UsbHidPosScanner(
      DeviceUri.Usb uri, BarcodeParser parser, Duration maxBackoff, Clock clock) {
    this.uri = uri;
    this.parser = parser;
    this.maxBackoff = maxBackoff;
    this.clock = clock;
    this.reader = new Thread(this::run, "hid pos scanner " + uri);
    reader.setDaemon(true);
  }

  public void onScan(Consumer<ScanEvent> listener) {
    listeners.add(listener);
  }

  /** Called with true when the scanner is opened and false when it is lost. */
  public void onState(Consumer<Boolean> listener) {
    stateListeners.add(listener);
  }

  public boolean isConnected() {
    return connected;
  }

  public UsbHidPosScanner start() {
    reader.start();
    return this;
  }

  @Override
  public void close() {
    closed = true;
    UsbPipe p = pipe;
    if (p != null) {
      try {
        p.abortAllSubmissions();
      } catch (RuntimeException ignored) {
        // already gone
      }
    }
    reader.interrupt();
    try {
      reader.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    long backoff = 100;
    while (!closed) {
      UsbInterface iface = null;
      try {
        UsbDevice device = UsbDiscovery.find(uri);
        if (device == null) {
          throw new UsbException("not attached");
        }
        iface = device.getActiveUsbConfiguration().getUsbInterface((byte) uri.interfaceNumber());
        iface.claim(i -> true);
        UsbPipe in = interruptIn(iface);
        in.open();
        pipe = in;
        setConnected(true);
        backoff = 100;
        readReports(in);
      } catch (UsbException | RuntimeException e) {
        if (connected) {
          LOG.warn("USB scanner {} lost: {}", uri, e.getMessage());
        }
      } finally {
        setConnected(false);
        release(iface);
      }
      if (closed) {
        return;
      }
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        return;
      }
      backoff = Math.min(maxBackoff.toMillis(), backoff * 2);
    }
  }

  private void readReports(UsbPipe in) throws UsbException {
    StringBuilder data = new StringBuilder();
    String aim = "";
    while (!closed) {
      UsbIrp irp = in.createUsbIrp();
      irp.setData(new byte[HidPosReport.SIZE]);
      irp.setAcceptShortPacket(true);
      in.asyncSubmit(irp);
      irp.waitUntilComplete(500);
      if (!irp.isComplete()) {
        in.abortAllSubmissions();
        continue;
      }
      if (irp.isUsbException()) {
        throw irp.getUsbException();
      }
      HidPosReport report = HidPosReport.parse(irp.getData(), irp.getActualLength());
      if (report == null) {
        continue;
      }
      if (data.length() == 0) {
        aim = report.aim();
      }
      data.append(report.data());
      if (!report.continued()) {
        ScanEvent event = new ScanEvent(parser.parse(aim + data), uri.toString(), clock.instant());
        data.setLength(0);
        listeners.forEach(l -> l.accept(event));
      }
    }
  }

  private static UsbPipe interruptIn(UsbInterface iface) throws UsbException {
    for (Object o : iface.getUsbEndpoints()) {
      UsbEndpoint e = (UsbEndpoint) o;
      if (e.getDirection() == UsbConst.ENDPOINT_DIRECTION_IN
          && e.getType() == UsbConst.ENDPOINT_TYPE_INTERRUPT) {
        return e.getUsbPipe();
      }
    }
    throw new UsbException("no interrupt IN endpoint: is the scanner in HID POS mode?");
  }

  private void setConnected(boolean value) {
    if (connected != value) {
      connected = value;
      stateListeners.forEach(l -> l.accept(value));
    }
  }

  private void release(UsbInterface iface) {
    UsbPipe p = pipe;
    pipe = null;
    try {
      if (p != null) {
        p.close();
      }
    } catch (UsbException | RuntimeException ignored) {
      // the device may already be gone
    }
    try {
      if (iface != null && iface.isClaimed()) {
        iface.release();
      }
    } catch (UsbException | RuntimeException ignored) {
      // the device may already be gone
    }
  }
}
