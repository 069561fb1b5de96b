package io.kasa.devices.transport;

import io.kasa.devices.DeviceUri;
import java.util.ArrayList;
import java.util.List;
import javax.usb.UsbDevice;
import javax.usb.UsbDeviceDescriptor;
import javax.usb.UsbException;
import javax.usb.UsbHostManager;
import javax.usb.UsbHub;

/** Lists attached USB devices through javax.usb, for technicians and for opening by URI. */
public final class UsbDiscovery {

  /**
   * One attached device.
   *
   * @param vendorId vendor id
   * @param productId product id
   * @param deviceClass the USB device class (0 when each interface declares its own)
   * @param manufacturer manufacturer string, or null if the device does not say or cannot be read
   * @param product product string, or null
   * @param serialNumber serial number, or null
   */
  public record UsbDeviceInfo(
      int vendorId,
      int productId,
      int deviceClass,
      String manufacturer,
      String product,
      String serialNumber) {

    /** The device URI that opens this device. */
    public DeviceUri.Usb uri() {
      return new DeviceUri.Usb(vendorId, productId, serialNumber, 0);
    }
  }

  private UsbDiscovery() {}

  /** Every attached non-hub device; an unavailable USB stack gives an exception with the reason. */
  public static List<UsbDeviceInfo> list() throws UsbException {
    List<UsbDeviceInfo> out = new ArrayList<>();
    collect(UsbHostManager.getUsbServices().getRootUsbHub(), out);
    return out;
  }

  private static void collect(UsbHub hub, List<UsbDeviceInfo> out) {
    for (Object o : hub.getAttachedUsbDevices()) {
      UsbDevice device = (UsbDevice) o;
      if (device.isUsbHub()) {
        collect((UsbHub) device, out);
        continue;
      }
      UsbDeviceDescriptor d = device.getUsbDeviceDescriptor();
      out.add(
          new UsbDeviceInfo(
              d.idVendor() & 0xffff,
              d.idProduct() & 0xffff,
              d.bDeviceClass() & 0xff,
              readString(device, 0),
              readString(device, 1),
              readString(device, 2)));
    }
  }

  /** The attached device {@code uri} names, or null. */
  public static UsbDevice find(DeviceUri.Usb uri) throws UsbException {
    return find(UsbHostManager.getUsbServices().getRootUsbHub(), uri);
  }

  /** The device {@code uri} names under {@code hub}, or null. */
  static UsbDevice find(UsbHub hub, DeviceUri.Usb uri) {
    for (Object o : hub.getAttachedUsbDevices()) {
      UsbDevice device = (UsbDevice) o;
      if (device.isUsbHub()) {
        UsbDevice inner = find((UsbHub) device, uri);
        if (inner != null) {
          return inner;
        }
        continue;
      }
      UsbDeviceDescriptor d = device.getUsbDeviceDescriptor();
      if ((d.idVendor() & 0xffff) == uri.vendorId()
          && (d.idProduct() & 0xffff) == uri.productId()
          && (uri.serialNumber() == null || uri.serialNumber().equals(readString(device, 2)))) {
        return device;
      }
    }
    return null;
  }

  private static String readString(UsbDevice device, int which) {
    try {
      return switch (which) {
        case 0 -> device.getManufacturerString();
        case 1 -> device.getProductString();
        default -> device.getSerialNumberString();
      };
    } catch (UsbException | java.io.UnsupportedEncodingException | RuntimeException e) {
      // Reading strings needs access rights the technician may not have yet; ids still show.
      return null;
    }
  }
}
