package io.kasa.devices.usb;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.usb.UsbConst;
import javax.usb.UsbDevice;
import javax.usb.UsbDeviceDescriptor;
import javax.usb.UsbHub;
import javax.usb.UsbServices;
import javax.usb.event.UsbServicesListener;

/**
 * An in-process USB bus for tests, registered with javax.usb through the test class path's {@code
 * javax.usb.properties}. Devices are attached and detached by the tests; the drivers find them
 * through {@code UsbHostManager} exactly as they would find real ones through usb4java.
 */
public final class EmulatedUsbServices implements UsbServices {

  private static final CopyOnWriteArrayList<UsbDevice> ATTACHED = new CopyOnWriteArrayList<>();

  private static final UsbHub ROOT =
      Fake.of(
          UsbHub.class,
          "root hub",
          Map.of(
              "isUsbHub", a -> true,
              "isRootUsbHub", a -> true,
              "getAttachedUsbDevices", a -> List.copyOf(ATTACHED),
              "getUsbDeviceDescriptor",
                  a ->
                      Fake.of(
                          UsbDeviceDescriptor.class,
                          "root hub descriptor",
                          Map.of(
                              "idVendor",
                              b -> (short) 0x1d6b,
                              "idProduct",
                              b -> (short) 2,
                              "bDeviceClass",
                              b -> UsbConst.HUB_CLASSCODE))));

  /** Called by javax.usb's UsbHostManager. */
  public EmulatedUsbServices() {}

  static void attach(UsbDevice device) {
    ATTACHED.add(device);
  }

  static void detach(UsbDevice device) {
    ATTACHED.remove(device);
  }

  @Override
  public UsbHub getRootUsbHub() {
    return ROOT;
  }

  @Override
  public void addUsbServicesListener(UsbServicesListener listener) {
    // hot-plug events are not emulated; drivers poll and react to detach events of their device
  }

  @Override
  public void removeUsbServicesListener(UsbServicesListener listener) {}

  @Override
  public String getApiVersion() {
    return "1.0.2";
  }

  @Override
  public String getImpVersion() {
    return "kasa-test";
  }

  @Override
  public String getImpDescription() {
    return "Kasa's emulated USB bus for tests";
  }
}
