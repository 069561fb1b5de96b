package io.kasa.devices.transport;

import io.kasa.devices.DeviceException;
import io.kasa.devices.DeviceException.Kind;
import io.kasa.devices.DeviceUri;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.usb.UsbConst;
import javax.usb.UsbDevice;
import javax.usb.UsbDisconnectedException;
import javax.usb.UsbEndpoint;
import javax.usb.UsbException;
import javax.usb.UsbHostManager;
import javax.usb.UsbInterface;
import javax.usb.UsbIrp;
import javax.usb.UsbPipe;
import javax.usb.event.UsbDeviceDataEvent;
import javax.usb.event.UsbDeviceErrorEvent;
import javax.usb.event.UsbDeviceEvent;
import javax.usb.event.UsbDeviceListener;

/**
 * A USB printer (or other bulk device) through javax.usb, implemented by usb4java: the device is
 * found by vendor, product and optionally serial number, its interface claimed, and bytes go out on
 * the bulk OUT endpoint and come back on the bulk IN endpoint. Every javax.usb result is checked
 * where it happens and turned into a {@link DeviceException} a technician can act on.
 */
final class UsbTransport implements Transport {

  private final DeviceUri.Usb uri;
  private final CopyOnWriteArrayList<Consumer<DeviceException>> listeners =
      new CopyOnWriteArrayList<>();
  private volatile UsbDevice device;
  private volatile UsbInterface usbInterface;
  private volatile UsbPipe out;
  private volatile UsbPipe in;
  private volatile UsbDeviceListener detachListener;

  UsbTransport(DeviceUri.Usb uri) {
    this.uri = uri;
  }

  @Override
  public DeviceUri uri() {
    return uri;
  }

  @Override
  public synchronized void open() throws DeviceException {
    close();
    UsbDevice found;
    try {
      found = UsbDiscovery.find(UsbHostManager.getUsbServices().getRootUsbHub(), uri);
    } catch (UsbException | RuntimeException e) {
      throw new DeviceException(
          Kind.IO, "USB is not available on this machine: " + e.getMessage(), e);
    }
    if (found == null) {
      throw new DeviceException(Kind.NOT_FOUND, "No USB device " + describe() + " is attached");
    }
    if (found.getActiveUsbConfiguration() == null) {
      throw new DeviceException(Kind.IO, "USB device " + describe() + " is not configured");
    }
    UsbInterface iface =
        found.getActiveUsbConfiguration().getUsbInterface((byte) uri.interfaceNumber());
    if (iface == null) {
      throw new DeviceException(
          Kind.NOT_FOUND,
          "USB device " + describe() + " has no interface " + uri.interfaceNumber());
    }
    try {
      iface.claim(i -> true);
    } catch (UsbException | RuntimeException e) {
      String text = String.valueOf(e.getMessage());
      Kind kind = text.contains("ACCESS") ? Kind.ACCESS_DENIED : Kind.IO;
      throw new DeviceException(
          kind,
          kind == Kind.ACCESS_DENIED
              ? "No permission to use USB device " + describe() + " (install Kasa's udev rules)"
              : "Cannot claim USB device " + describe() + ": " + text,
          e);
    }
    UsbPipe outPipe = null;
    UsbPipe inPipe = null;
    try {
      for (Object o : iface.getUsbEndpoints()) {
        UsbEndpoint endpoint = (UsbEndpoint) o;
        if (endpoint.getType() != UsbConst.ENDPOINT_TYPE_BULK) {
          continue;
        }
        if (endpoint.getDirection() == UsbConst.ENDPOINT_DIRECTION_OUT && outPipe == null) {
          outPipe = endpoint.getUsbPipe();
        } else if (endpoint.getDirection() == UsbConst.ENDPOINT_DIRECTION_IN && inPipe == null) {
          inPipe = endpoint.getUsbPipe();
        }
      }
      if (outPipe == null) {
        throw new DeviceException(
            Kind.UNSUPPORTED, "USB device " + describe() + " has no bulk OUT endpoint");
      }
      outPipe.open();
      if (inPipe != null) {
        inPipe.open();
      }
    } catch (UsbException | RuntimeException e) {
      releaseQuietly(iface);
      throw new DeviceException(
          Kind.IO, "Cannot open USB endpoints of " + describe() + ": " + e.getMessage(), e);
    } catch (DeviceException e) {
      releaseQuietly(iface);
      throw e;
    }
    UsbDeviceListener listener =
        new UsbDeviceListener() {
          @Override
          public void usbDeviceDetached(UsbDeviceEvent event) {
            lost("USB device " + describe() + " was unplugged", null);
          }

          @Override
          public void errorEventOccurred(UsbDeviceErrorEvent event) {
            // Errors surface on the next submit, where they are reported.
          }

          @Override
          public void dataEventOccurred(UsbDeviceDataEvent event) {
            // Control transfers are not used.
          }
        };
    found.addUsbDeviceListener(listener);
    device = found;
    usbInterface = iface;
    out = outPipe;
    in = inPipe;
    detachListener = listener;
  }

  @Override
  public void write(byte[] data) throws DeviceException {
    UsbPipe pipe = out;
    if (pipe == null) {
      throw new DeviceException(Kind.OFFLINE, "USB device " + describe() + " is not open");
    }
    try {
      int sent = 0;
      while (sent < data.length) {
        UsbIrp irp = pipe.createUsbIrp();
        irp.setData(data, sent, data.length - sent);
        pipe.syncSubmit(irp);
        if (irp.getActualLength() <= 0) {
          throw new UsbException("no bytes accepted");
        }
        sent += irp.getActualLength();
      }
    } catch (UsbException | UsbDisconnectedException e) {
      throw lost("Writing to USB device " + describe() + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public int read(byte[] buffer, Duration timeout) throws DeviceException {
    UsbPipe pipe = in;
    if (out == null) {
      throw new DeviceException(Kind.OFFLINE, "USB device " + describe() + " is not open");
    }
    if (pipe == null) {
      return 0; // a one-way device: status stays unknown
    }
    try {
      UsbIrp irp = pipe.createUsbIrp();
      irp.setData(new byte[buffer.length]);
      irp.setAcceptShortPacket(true);
      pipe.asyncSubmit(irp);
      irp.waitUntilComplete(Math.max(1, timeout.toMillis()));
      if (!irp.isComplete()) {
        pipe.abortAllSubmissions();
        return 0;
      }
      if (irp.isUsbException()) {
        throw irp.getUsbException();
      }
      int n = irp.getActualLength();
      System.arraycopy(irp.getData(), 0, buffer, 0, n);
      return n;
    } catch (UsbException | UsbDisconnectedException e) {
      throw lost("Reading from USB device " + describe() + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean isOpen() {
    return out != null;
  }

  @Override
  public void onDisconnect(Consumer<DeviceException> listener) {
    listeners.add(listener);
  }

  @Override
  public synchronized void close() {
    UsbPipe o = out;
    UsbPipe i = in;
    UsbInterface iface = usbInterface;
    UsbDevice d = device;
    UsbDeviceListener l = detachListener;
    out = null;
    in = null;
    usbInterface = null;
    device = null;
    detachListener = null;
    closeQuietly(o);
    closeQuietly(i);
    if (iface != null) {
      releaseQuietly(iface);
    }
    if (d != null && l != null) {
      d.removeUsbDeviceListener(l);
    }
  }

  private DeviceException lost(String message, Exception cause) {
    boolean wasOpen = out != null;
    close();
    DeviceException e = new DeviceException(Kind.OFFLINE, message, cause);
    if (wasOpen) {
      listeners.forEach(listener -> listener.accept(e));
    }
    return e;
  }

  private String describe() {
    return String.format("%04x:%04x", uri.vendorId(), uri.productId())
        + (uri.serialNumber() == null ? "" : " (serial " + uri.serialNumber() + ")");
  }

  private static void closeQuietly(UsbPipe pipe) {
    if (pipe == null) {
      return;
    }
    try {
      pipe.abortAllSubmissions();
      pipe.close();
    } catch (UsbException | RuntimeException ignored) {
      // the device may already be gone; nothing more to release
    }
  }

  private static void releaseQuietly(UsbInterface iface) {
    try {
      iface.release();
    } catch (UsbException | RuntimeException ignored) {
      // the device may already be gone; nothing more to release
    }
  }
}
