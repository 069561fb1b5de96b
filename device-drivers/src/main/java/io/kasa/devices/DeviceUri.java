package io.kasa.devices;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a device is attached, as a technician writes it:
 *
 * <pre>
 * serial:/dev/ttyUSB0?baud=19200&amp;data=8&amp;parity=none&amp;stop=1&amp;flow=rtscts
 * usb:04b8:0e15?serial=XYZ&amp;interface=0
 * tcp://192.168.1.50:9100?connectTimeout=3000&amp;readTimeout=2000
 * file:/dev/usb/lp0
 * sim:printer   sim:drawer   sim:scanner
 * </pre>
 */
public sealed interface DeviceUri {

  /** The canonical text form; {@code parse(toString())} gives an equal URI. */
  @Override
  String toString();

  /** Parses a device URI; an error names the part that is wrong. */
  static DeviceUri parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidDeviceUriException(String.valueOf(text), "empty");
    }
    String uri = text.trim();
    int colon = uri.indexOf(':');
    if (colon <= 0) {
      throw new InvalidDeviceUriException(
          uri, "no scheme (expected serial:, usb:, tcp://, file: or sim:)");
    }
    String scheme = uri.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = uri.substring(colon + 1);
    int q = rest.indexOf('?');
    String path = q < 0 ? rest : rest.substring(0, q);
    Map<String, String> params =
        q < 0 ? Map.of() : DeviceUriQuery.parse(uri, rest.substring(q + 1));
    return switch (scheme) {
      case "serial" -> Serial.of(uri, path, params);
      case "usb" -> Usb.of(uri, path, params);
      case "tcp" -> Tcp.of(uri, path, params);
      case "file" -> File.of(uri, path, params);
      case "sim" -> Sim.of(uri, path, params);
      default ->
          throw new InvalidDeviceUriException(
              uri, "unknown scheme '" + scheme + "' (expected serial, usb, tcp, file or sim)");
    };
  }

  /** Serial parity. */
  enum Parity {
    NONE,
    EVEN,
    ODD,
    MARK,
    SPACE
  }

  /** Serial flow control. */
  enum FlowControl {
    NONE,
    RTSCTS,
    XONXOFF,
    DSRDTR
  }

  /** Stop bits. */
  enum StopBits {
    ONE("1"),
    ONE_POINT_FIVE("1.5"),
    TWO("2");

    private final String text;

    StopBits(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /**
   * A serial port through jSerialComm.
   *
   * @param port the port path, e.g. {@code /dev/ttyUSB0} or {@code COM3}
   * @param baud bits per second
   * @param dataBits 5 to 8
   * @param parity parity
   * @param stopBits stop bits
   * @param flow flow control
   */
  record Serial(
      String port, int baud, int dataBits, Parity parity, StopBits stopBits, FlowControl flow)
      implements DeviceUri {

    static Serial of(String uri, String path, Map<String, String> p) {
      DeviceUriQuery.allow(uri, p, Set.of("baud", "data", "parity", "stop", "flow"));
      if (path.isBlank()) {
        throw new InvalidDeviceUriException(uri, "serial: needs a port, e.g. serial:/dev/ttyUSB0");
      }
      int baud = DeviceUriQuery.integer(uri, p, "baud", 9600, 50, 4_000_000);
      int data = DeviceUriQuery.integer(uri, p, "data", 8, 5, 8);
      Parity parity = DeviceUriQuery.choice(uri, p, "parity", Parity.NONE, Parity.class);
      StopBits stop =
          switch (p.getOrDefault("stop", "1")) {
            case "1" -> StopBits.ONE;
            case "1.5" -> StopBits.ONE_POINT_FIVE;
            case "2" -> StopBits.TWO;
            default ->
                throw new InvalidDeviceUriException(
                    uri, "stop '" + p.get("stop") + "' must be 1, 1.5 or 2");
          };
      FlowControl flow = DeviceUriQuery.choice(uri, p, "flow", FlowControl.NONE, FlowControl.class);
      return new Serial(path, baud, data, parity, stop, flow);
    }

    @Override
    public String toString() {
      return "serial:"
          + port
          + "?baud="
          + baud
          + "&data="
          + dataBits
          + "&parity="
          + parity.name().toLowerCase(Locale.ROOT)
          + "&stop="
          + stopBits.text()
          + "&flow="
          + flow.name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A USB device through javax.usb (usb4java).
   *
   * @param vendorId the USB vendor id
   * @param productId the USB product id
   * @param serialNumber the device's serial number to tell identical devices apart, or null
   * @param interfaceNumber the interface to claim
   */
  record Usb(int vendorId, int productId, String serialNumber, int interfaceNumber)
      implements DeviceUri {

    private static final Pattern IDS = Pattern.compile("([0-9a-fA-F]{4}):([0-9a-fA-F]{4})");

    static Usb of(String uri, String path, Map<String, String> p) {
      DeviceUriQuery.allow(uri, p, Set.of("serial", "interface"));
      Matcher m = IDS.matcher(path);
      if (!m.matches()) {
        throw new InvalidDeviceUriException(
            uri, "usb: ids '" + path + "' must be vendor:product in hex, e.g. usb:04b8:0e15");
      }
      return new Usb(
          Integer.parseInt(m.group(1), 16),
          Integer.parseInt(m.group(2), 16),
          p.get("serial"),
          DeviceUriQuery.integer(uri, p, "interface", 0, 0, 255));
    }

    @Override
    public String toString() {
      String base =
          String.format("usb:%04x:%04x?interface=%d", vendorId, productId, interfaceNumber);
      return serialNumber == null ? base : base + "&serial=" + serialNumber;
    }
  }

  /**
   * A network printer on a raw TCP port (9100 by convention).
   *
   * @param host host name or address
   * @param port TCP port
   * @param connectTimeoutMillis connect timeout
   * @param readTimeoutMillis read timeout for status replies
   */
  record Tcp(String host, int port, int connectTimeoutMillis, int readTimeoutMillis)
      implements DeviceUri {

    static Tcp of(String uri, String path, Map<String, String> p) {
      DeviceUriQuery.allow(uri, p, Set.of("connectTimeout", "readTimeout"));
      if (!path.startsWith("//")) {
        throw new InvalidDeviceUriException(uri, "tcp: must be written tcp://host:port");
      }
      String hostPort = path.substring(2);
      if (hostPort.endsWith("/")) {
        hostPort = hostPort.substring(0, hostPort.length() - 1);
      }
      int colon = hostPort.lastIndexOf(':');
      String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      if (host.isBlank()) {
        throw new InvalidDeviceUriException(uri, "tcp: host is missing");
      }
      int port = 9100;
      if (colon >= 0) {
        String portText = hostPort.substring(colon + 1);
        try {
          port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
          throw new InvalidDeviceUriException(uri, "tcp: port '" + portText + "' is not a number");
        }
        if (port < 1 || port > 65535) {
          throw new InvalidDeviceUriException(
              uri, "tcp: port " + port + " is out of range 1-65535");
        }
      }
      return new Tcp(
          host,
          port,
          DeviceUriQuery.integer(uri, p, "connectTimeout", 3000, 1, 600_000),
          DeviceUriQuery.integer(uri, p, "readTimeout", 2000, 1, 600_000));
    }

    @Override
    public String toString() {
      String h = host.contains(":") ? "[" + host + "]" : host;
      return "tcp://"
          + h
          + ":"
          + port
          + "?connectTimeout="
          + connectTimeoutMillis
          + "&readTimeout="
          + readTimeoutMillis;
    }
  }

  /**
   * A device file (the kernel's usblp device, a FIFO, a plain file for capture).
   *
   * @param path absolute path
   */
  record File(String path) implements DeviceUri {

    static File of(String uri, String path, Map<String, String> p) {
      DeviceUriQuery.allow(uri, p, Set.of());
      if (!path.startsWith("/") && !path.matches("[A-Za-z]:[\\\\/].*")) {
        throw new InvalidDeviceUriException(
            uri, "file: needs an absolute path, e.g. file:/dev/usb/lp0");
      }
      return new File(path);
    }

    @Override
    public String toString() {
      return "file:" + path;
    }
  }

  /**
   * A built-in simulator.
   *
   * @param kind what it simulates
   */
  record Sim(Kind kind) implements DeviceUri {

    /** Simulated devices. */
    public enum Kind {
      PRINTER,
      DRAWER,
      SCANNER
    }

    static Sim of(String uri, String path, Map<String, String> p) {
      DeviceUriQuery.allow(uri, p, Set.of());
      try {
        return new Sim(Kind.valueOf(path.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new InvalidDeviceUriException(
            uri, "sim: unknown simulator '" + path + "' (expected printer, drawer or scanner)");
      }
    }

    @Override
    public String toString() {
      return "sim:" + kind.name().toLowerCase(Locale.ROOT);
    }
  }
}
