package io.kasa.devices.usb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import javax.usb.UsbConfiguration;
import javax.usb.UsbConst;
import javax.usb.UsbDevice;
import javax.usb.UsbDeviceDescriptor;
import javax.usb.UsbEndpoint;
import javax.usb.UsbEndpointDescriptor;
import javax.usb.UsbException;
import javax.usb.UsbInterface;
import javax.usb.UsbInterfaceDescriptor;
import javax.usb.UsbInterfacePolicy;
import javax.usb.UsbIrp;
import javax.usb.UsbPipe;
import javax.usb.event.UsbDeviceEvent;
import javax.usb.event.UsbDeviceListener;
import javax.usb.util.DefaultUsbIrp;

/**
 * One emulated USB device with a single interface whose endpoints behave like a device's: OUT
 * transfers are handed to a consumer, IN transfers complete with queued packets (or wait for them),
 * and after {@link #unplug} every transfer fails the way libusb reports a vanished device.
 */
public final class EmulatedUsbDevice {

  private final int vendorId;
  private final int productId;
  private final String serial;
  private final String product;
  private final int deviceClass;
  private final List<UsbEndpoint> endpoints = new ArrayList<>();
  private final Map<Byte, LinkedBlockingDeque<byte[]>> inQueues = new HashMap<>();
  private final CopyOnWriteArrayList<UsbDeviceListener> listeners = new CopyOnWriteArrayList<>();
  private final UsbDevice device;
  private final UsbInterface usbInterface;
  private volatile boolean claimed;
  private volatile boolean unplugged;
  private volatile boolean denyAccess;

  public EmulatedUsbDevice(
      int vendorId, int productId, String serial, String product, int deviceClass) {
    this.vendorId = vendorId;
    this.productId = productId;
    this.serial = serial;
    this.product = product;
    this.deviceClass = deviceClass;
    this.usbInterface = createInterface();
    UsbConfiguration configuration =
        Fake.of(
            UsbConfiguration.class,
            "configuration of " + product,
            Map.of(
                "isActive", a -> true,
                "getUsbInterface", a -> ((Byte) a[0]) == 0 ? usbInterface : null,
                "getUsbInterfaces", a -> List.of(usbInterface)));
    this.device = createDevice(configuration);
  }

  /** Adds a bulk or interrupt OUT endpoint whose transfers go to {@code sink}. */
  public EmulatedUsbDevice out(int address, byte type, Consumer<byte[]> sink) {
    endpoints.add(endpoint((byte) address, UsbConst.ENDPOINT_DIRECTION_OUT, type, sink, null));
    return this;
  }

  /** Adds a bulk or interrupt IN endpoint that answers with what {@link #send} queues. */
  public EmulatedUsbDevice in(int address, byte type) {
    LinkedBlockingDeque<byte[]> queue = new LinkedBlockingDeque<>();
    inQueues.put((byte) address, queue);
    endpoints.add(endpoint((byte) address, UsbConst.ENDPOINT_DIRECTION_IN, type, null, queue));
    return this;
  }

  /** Queues a packet for the IN endpoint at {@code address}. */
  public void send(int address, byte[] packet) {
    inQueues.get((byte) address).add(packet.clone());
  }

  /** Plugs the device into the emulated bus. */
  public EmulatedUsbDevice plugIn() {
    unplugged = false;
    EmulatedUsbServices.attach(device);
    return this;
  }

  /** Pulls the cable: the device leaves the bus and its listeners hear about it. */
  public void unplug() {
    unplugged = true;
    claimed = false;
    EmulatedUsbServices.detach(device);
    UsbDeviceEvent event = new UsbDeviceEvent(device);
    listeners.forEach(l -> l.usbDeviceDetached(event));
  }

  /** Makes claiming fail as libusb does without udev permissions. */
  public void denyAccess(boolean deny) {
    denyAccess = deny;
  }

  public boolean isClaimed() {
    return claimed;
  }

  private UsbDevice createDevice(UsbConfiguration configuration) {
    UsbDeviceDescriptor descriptor =
        Fake.of(
            UsbDeviceDescriptor.class,
            product + " descriptor",
            Map.of(
                "idVendor", a -> (short) vendorId,
                "idProduct", a -> (short) productId,
                "bDeviceClass", a -> (byte) deviceClass));
    Map<String, Fake.Method> m = new HashMap<>();
    m.put("isUsbHub", a -> false);
    m.put("getUsbDeviceDescriptor", a -> descriptor);
    m.put("getActiveUsbConfiguration", a -> configuration);
    m.put("isConfigured", a -> true);
    m.put("getManufacturerString", a -> "Kasa Test");
    m.put("getProductString", a -> product);
    m.put("getSerialNumberString", a -> serial);
    m.put("addUsbDeviceListener", a -> listeners.add((UsbDeviceListener) a[0]));
    m.put("removeUsbDeviceListener", a -> listeners.remove((UsbDeviceListener) a[0]));
    return Fake.of(UsbDevice.class, product, m);
  }

  private UsbInterface createInterface() {
    UsbInterfaceDescriptor descriptor =
        Fake.of(
            UsbInterfaceDescriptor.class, "interface 0", Map.of("bInterfaceNumber", a -> (byte) 0));
    Map<String, Fake.Method> m = new HashMap<>();
    m.put(
        "claim",
        a -> {
          if (unplugged) {
            throw new UsbException("LIBUSB_ERROR_NO_DEVICE");
          }
          if (denyAccess) {
            throw new UsbException("USB error 3: Unable to claim interface: LIBUSB_ERROR_ACCESS");
          }
          if (a.length == 1 && !((UsbInterfacePolicy) a[0]).forceClaim(null) && claimed) {
            throw new UsbException("already claimed");
          }
          claimed = true;
          return null;
        });
    m.put(
        "release",
        a -> {
          claimed = false;
          return null;
        });
    m.put("isClaimed", a -> claimed);
    m.put("isActive", a -> true);
    m.put("getUsbEndpoints", a -> List.copyOf(endpoints));
    m.put("getUsbInterfaceDescriptor", a -> descriptor);
    return Fake.of(UsbInterface.class, "interface 0 of " + product, m);
  }

  private UsbEndpoint endpoint(
      byte address,
      byte direction,
      byte type,
      Consumer<byte[]> sink,
      LinkedBlockingDeque<byte[]> source) {
    UsbEndpoint[] self = new UsbEndpoint[1];
    boolean[] open = new boolean[1];
    // Aborting bumps the generation; a pending IN transfer of an older generation gives up
    // without consuming a packet, as libusb's cancelled transfers do.
    AtomicInteger generation = new AtomicInteger();
    UsbEndpointDescriptor descriptor =
        Fake.of(
            UsbEndpointDescriptor.class,
            "endpoint " + address,
            Map.of(
                "bEndpointAddress",
                a -> (byte) (address | direction),
                "bmAttributes",
                a -> type,
                "wMaxPacketSize",
                a -> (short) 64));
    Map<String, Fake.Method> p = new HashMap<>();
    p.put(
        "open",
        a -> {
          requireClaimed();
          open[0] = true;
          return null;
        });
    p.put(
        "close",
        a -> {
          open[0] = false;
          return null;
        });
    p.put("isOpen", a -> open[0]);
    p.put("isActive", a -> true);
    p.put("getUsbEndpoint", a -> self[0]);
    p.put("createUsbIrp", a -> new DefaultUsbIrp());
    p.put("abortAllSubmissions", a -> generation.incrementAndGet());
    p.put(
        "syncSubmit",
        a -> {
          UsbIrp irp = a[0] instanceof byte[] bytes ? new DefaultUsbIrp(bytes) : (UsbIrp) a[0];
          transfer(irp, sink, source, Long.MAX_VALUE, generation.get(), generation::get);
          return a[0] instanceof byte[] ? irp.getActualLength() : null;
        });
    p.put(
        "asyncSubmit",
        a -> {
          UsbIrp irp = a[0] instanceof byte[] bytes ? new DefaultUsbIrp(bytes) : (UsbIrp) a[0];
          if (sink != null) {
            transfer(irp, sink, null, 0, 0, () -> 0);
          } else {
            int mine = generation.get();
            Thread t =
                new Thread(
                    () -> {
                      try {
                        transfer(irp, null, source, 30_000, mine, generation::get);
                      } catch (UsbException e) {
                        irp.setUsbException(e);
                        irp.complete();
                      }
                    },
                    "emulated usb in " + address);
            t.setDaemon(true);
            t.start();
          }
          return a[0] instanceof byte[] ? irp : null;
        });
    UsbPipe pipe = Fake.of(UsbPipe.class, "pipe " + address, p);
    Map<String, Fake.Method> e = new HashMap<>();
    e.put("getDirection", a -> direction);
    e.put("getType", a -> type);
    e.put("getUsbPipe", a -> pipe);
    e.put("getUsbEndpointDescriptor", a -> descriptor);
    e.put("getUsbInterface", a -> usbInterface);
    self[0] = Fake.of(UsbEndpoint.class, "endpoint " + address + " of " + product, e);
    return self[0];
  }

  private void transfer(
      UsbIrp irp,
      Consumer<byte[]> sink,
      LinkedBlockingDeque<byte[]> source,
      long waitMillis,
      int mine,
      IntSupplier current)
      throws UsbException {
    requireClaimed();
    if (sink != null) {
      byte[] chunk = new byte[irp.getLength()];
      System.arraycopy(irp.getData(), irp.getOffset(), chunk, 0, chunk.length);
      sink.accept(chunk);
      irp.setActualLength(chunk.length);
      irp.complete();
      return;
    }
    try {
      long deadline = System.currentTimeMillis() + Math.min(waitMillis, 30_000);
      byte[] packet = null;
      while (packet == null && !unplugged && System.currentTimeMillis() < deadline) {
        if (current.getAsInt() != mine) {
          return; // aborted: the IRP never completes
        }
        packet = source.poll(20, TimeUnit.MILLISECONDS);
        if (packet != null && current.getAsInt() != mine) {
          source.offerFirst(packet);
          return;
        }
      }
      if (unplugged) {
        throw new UsbException("LIBUSB_ERROR_NO_DEVICE");
      }
      if (packet == null) {
        throw new UsbException("LIBUSB_ERROR_TIMEOUT");
      }
      int n = Math.min(packet.length, irp.getLength());
      System.arraycopy(packet, 0, irp.getData(), irp.getOffset(), n);
      irp.setActualLength(n);
      irp.complete();
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new UsbException("interrupted");
    }
  }

  private void requireClaimed() throws UsbException {
    if (unplugged) {
      throw new UsbException("LIBUSB_ERROR_NO_DEVICE");
    }
    if (!claimed) {
      throw new UsbException("interface not claimed");
    }
  }
}
