package io.kasa.devices.transport;

import io.kasa.devices.DeviceException;
import io.kasa.devices.DeviceException.Kind;
import io.kasa.devices.DeviceUri;
import io.kasa.devices.sim.Simulators;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The transport of a simulator: bytes go to it and its replies come back, in process. */
final class SimTransport implements Transport {

  private final DeviceUri.Sim uri;
  private final Simulators sims;
  private final LinkedBlockingQueue<byte[]> replies = new LinkedBlockingQueue<>();
  private final CopyOnWriteArrayList<Consumer<DeviceException>> listeners =
      new CopyOnWriteArrayList<>();
  private byte[] partial = new byte[0];
  private volatile boolean open;

  SimTransport(DeviceUri.Sim uri, Simulators sims) {
    this.uri = uri;
    this.sims = sims;
  }

  @Override
  public DeviceUri uri() {
    return uri;
  }

  @Override
  public void open() {
    open = true;
  }

  @Override
  public void write(byte[] data) throws DeviceException {
    requireOpen();
    switch (uri.kind()) {
      case PRINTER -> {
        byte[] reply = sims.printer().receive(data);
        if (reply.length > 0) {
          replies.add(reply);
        }
      }
      case DRAWER -> drawerCommand(data);
      case SCANNER -> {
        // scanners ignore what the host sends
      }
    }
  }

  private void drawerCommand(byte[] data) {
    for (int i = 0; i < data.length; i++) {
      if (data[i] == 0x10 && i + 2 < data.length && data[i + 1] == 0x04) {
        replies.add(new byte[] {sims.drawer().statusByte()});
        i += 2;
      } else if (data[i] == 0x1b && i + 1 < data.length && data[i + 1] == 'p') {
        sims.drawer().kick();
        i += 4;
      } else if (data[i] == 0x10 && i + 1 < data.length && data[i + 1] == 0x14) {
        sims.drawer().kick(); // DLE DC4 1 m t: the real-time pulse
        i += 4;
      }
    }
  }

  @Override
  public synchronized int read(byte[] buffer, Duration timeout) throws DeviceException {
    requireOpen();
    LinkedBlockingQueue<byte[]> source =
        uri.kind() == DeviceUri.Sim.Kind.SCANNER ? sims.scanner().output() : replies;
    if (partial.length == 0) {
      try {
        byte[] next =
            timeout.isZero() ? source.poll() : source.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (next == null) {
          return 0;
        }
        partial = next;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      }
    }
    int n = Math.min(buffer.length, partial.length);
    System.arraycopy(partial, 0, buffer, 0, n);
    partial = Arrays.copyOfRange(partial, n, partial.length);
    return n;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void onDisconnect(Consumer<DeviceException> listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    open = false;
  }

  private void requireOpen() throws DeviceException {
    if (!open) {
      throw new DeviceException(Kind.OFFLINE, uri + " is not open");
    }
  }
}
