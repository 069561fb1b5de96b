package io.kasa.devices.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import io.kasa.devices.DeviceException;
import io.kasa.devices.DeviceException.Kind;
import io.kasa.devices.DeviceUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A serial port through jSerialComm. Unplugging is noticed through jSerialComm's port-disconnected
 * event, which keeps firing until the port is closed, so the handler closes the port on the first
 * one and reports the loss once.
 */
final class SerialTransport implements Transport {

  private static final int WRITE_TIMEOUT_MILLIS = 5_000;

  private final DeviceUri.Serial uri;
  private final CopyOnWriteArrayList<Consumer<DeviceException>> listeners =
      new CopyOnWriteArrayList<>();
  private volatile SerialPort port;
  private final AtomicBoolean lost = new AtomicBoolean();

  SerialTransport(DeviceUri.Serial uri) {
    this.uri = uri;
  }

  @Override
  public DeviceUri uri() {
    return uri;
  }

  @Override
  public synchronized void open() throws DeviceException {
    close();
    Path path = Path.of(uri.port());
    if (uri.port().startsWith("/") && !Files.exists(path)) {
      throw new DeviceException(
          Kind.NOT_FOUND, "No serial port " + uri.port() + ": check the cable");
    }
    SerialPort p;
    try {
      // Looked up again on every open: a re-created port (or pty) is a new device node.
      p = SerialPort.getCommPort(uri.port());
    } catch (RuntimeException e) {
      throw new DeviceException(Kind.NOT_FOUND, "No serial port " + uri.port(), e);
    }
    p.setComPortParameters(uri.baud(), uri.dataBits(), stopBits(), parity());
    p.setFlowControl(flow());
    p.setComPortTimeouts(
        SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
        100,
        WRITE_TIMEOUT_MILLIS);
    if (!p.openPort()) {
      int errno = p.getLastErrorCode();
      if (errno == 13 || (Files.exists(path) && !Files.isWritable(path))) {
        throw new DeviceException(
            Kind.ACCESS_DENIED,
            "No permission to open " + uri.port() + " (add the user to the dialout or kasa group)");
      }
      if (errno == 16) {
        throw new DeviceException(Kind.IO, uri.port() + " is in use by another program");
      }
      throw new DeviceException(
          Kind.OFFLINE, "Cannot open " + uri.port() + " (error " + errno + ")");
    }
    lost.set(false);
    p.addDataListener(
        new SerialPortDataListener() {
          @Override
          public int getListeningEvents() {
            return SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
          }

          @Override
          public void serialEvent(SerialPortEvent event) {
            if (event.getEventType() == SerialPort.LISTENING_EVENT_PORT_DISCONNECTED) {
              markLost(p, "Serial port " + uri.port() + " was disconnected");
            }
          }
        });
    port = p;
  }

  @Override
  public void write(byte[] data) throws DeviceException {
    SerialPort p = requireOpen();
    int offset = 0;
    while (offset < data.length) {
      int n = p.writeBytes(data, data.length - offset, offset);
      if (n <= 0) {
        // On a vanished port jSerialComm returns 0 or -1 rather than throwing.
        throw markLost(p, "Writing to " + uri.port() + " failed: the device is not answering");
      }
      offset += n;
    }
  }

  @Override
  public int read(byte[] buffer, Duration timeout) throws DeviceException {
    SerialPort p = requireOpen();
    if (timeout.isZero()) {
      int available = p.bytesAvailable();
      if (available < 0) {
        throw markLost(p, "Serial port " + uri.port() + " is gone");
      }
      if (available == 0) {
        return 0;
      }
    } else {
      int millis = (int) Math.max(1, Math.min(60_000, timeout.toMillis()));
      p.setComPortTimeouts(
          SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
          millis,
          WRITE_TIMEOUT_MILLIS);
    }
    int n = p.readBytes(buffer, buffer.length);
    if (n < 0) {
      throw markLost(p, "Reading from " + uri.port() + " failed: the device is gone");
    }
    return n;
  }

  @Override
  public boolean isOpen() {
    SerialPort p = port;
    return p != null && p.isOpen() && !lost.get();
  }

  @Override
  public void onDisconnect(Consumer<DeviceException> listener) {
    listeners.add(listener);
  }

  @Override
  public synchronized void close() {
    SerialPort p = port;
    port = null;
    if (p != null) {
      p.closePort();
    }
  }

  private SerialPort requireOpen() throws DeviceException {
    SerialPort p = port;
    if (p == null || lost.get()) {
      throw new DeviceException(Kind.OFFLINE, "Serial port " + uri.port() + " is not open");
    }
    return p;
  }

  private DeviceException markLost(SerialPort p, String message) {
    DeviceException e = new DeviceException(Kind.OFFLINE, message);
    if (lost.compareAndSet(false, true)) {
      p.closePort();
      if (port == p) {
        port = null;
      }
      listeners.forEach(l -> l.accept(e));
    }
    return e;
  }

  private int stopBits() {
    return switch (uri.stopBits()) {
      case ONE -> SerialPort.ONE_STOP_BIT;
      case ONE_POINT_FIVE -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
      case TWO -> SerialPort.TWO_STOP_BITS;
    };
  }

  private int parity() {
    return switch (uri.parity()) {
      case NONE -> SerialPort.NO_PARITY;
      case EVEN -> SerialPort.EVEN_PARITY;
      case ODD -> SerialPort.ODD_PARITY;
      case MARK -> SerialPort.MARK_PARITY;
      case SPACE -> SerialPort.SPACE_PARITY;
    };
  }

  private int flow() {
    return switch (uri.flow()) {
      case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
      case RTSCTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
      case XONXOFF ->
          SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
      case DSRDTR -> SerialPort.FLOW_CONTROL_DSR_ENABLED | SerialPort.FLOW_CONTROL_DTR_ENABLED;
    };
  }
}
