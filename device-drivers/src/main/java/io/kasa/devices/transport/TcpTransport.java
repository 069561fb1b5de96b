package io.kasa.devices.transport;

import io.kasa.devices.DeviceException;
import io.kasa.devices.DeviceException.Kind;
import io.kasa.devices.DeviceUri;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A network printer on a raw TCP port (usually 9100). */
final class TcpTransport implements Transport {

  private final DeviceUri.Tcp uri;
  private final CopyOnWriteArrayList<Consumer<DeviceException>> listeners =
      new CopyOnWriteArrayList<>();
  private volatile Socket socket;

  TcpTransport(DeviceUri.Tcp uri) {
    this.uri = uri;
  }

  @Override
  public DeviceUri uri() {
    return uri;
  }

  @Override
  public synchronized void open() throws DeviceException {
    close();
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.setKeepAlive(true);
      s.connect(new InetSocketAddress(uri.host(), uri.port()), uri.connectTimeoutMillis());
      socket = s;
    } catch (UnknownHostException e) {
      closeQuietly(s);
      throw new DeviceException(Kind.NOT_FOUND, "Unknown host " + uri.host(), e);
    } catch (SocketTimeoutException | ConnectException | NoRouteToHostException e) {
      closeQuietly(s);
      throw new DeviceException(
          Kind.OFFLINE,
          "No printer answers at " + uri.host() + ":" + uri.port() + " (" + e.getMessage() + ")",
          e);
    } catch (IOException e) {
      closeQuietly(s);
      throw new DeviceException(Kind.IO, "Cannot connect to " + uri + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void write(byte[] data) throws DeviceException {
    Socket s = requireOpen();
    try {
      OutputStream out = s.getOutputStream();
      out.write(data);
      out.flush();
    } catch (IOException e) {
      throw lost(e);
    }
  }

  @Override
  public int read(byte[] buffer, Duration timeout) throws DeviceException {
    Socket s = requireOpen();
    try {
      InputStream in = s.getInputStream();
      if (timeout.isZero() && in.available() == 0) {
        return 0;
      }
      s.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
      int n = in.read(buffer);
      if (n < 0) {
        throw lost(new IOException("connection closed by the printer"));
      }
      return n;
    } catch (SocketTimeoutException e) {
      return 0;
    } catch (IOException e) {
      throw lost(e);
    }
  }

  @Override
  public boolean isOpen() {
    Socket s = socket;
    return s != null && !s.isClosed();
  }

  @Override
  public void onDisconnect(Consumer<DeviceException> listener) {
    listeners.add(listener);
  }

  @Override
  public synchronized void close() {
    Socket s = socket;
    socket = null;
    if (s != null) {
      closeQuietly(s);
    }
  }

  private Socket requireOpen() throws DeviceException {
    Socket s = socket;
    if (s == null || s.isClosed()) {
      throw new DeviceException(
          Kind.OFFLINE, "Printer at " + uri.host() + ":" + uri.port() + " is not connected");
    }
    return s;
  }

  private DeviceException lost(IOException e) {
    boolean wasOpen = isOpen();
    close();
    DeviceException lost =
        new DeviceException(
            Kind.OFFLINE,
            "Lost the connection to " + uri.host() + ":" + uri.port() + " (" + e.getMessage() + ")",
            e);
    if (wasOpen) {
      listeners.forEach(l -> l.accept(lost));
    }
    return lost;
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing a broken socket has nothing left to report
    }
  }
}
