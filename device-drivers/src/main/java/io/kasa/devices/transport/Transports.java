package io.kasa.devices.transport;

import io.kasa.devices.DeviceUri;
import io.kasa.devices.sim.Simulators;
import java.util.Objects;

/** Creates the transport a device URI names. */
public final class Transports {

  private final Simulators simulators;

  /** A factory whose {@code sim:} URIs reach {@code simulators}. */
  public Transports(Simulators simulators) {
    this.simulators = Objects.requireNonNull(simulators, "simulators");
  }

  /** A closed transport for {@code uri}; call {@link Transport#open()} to use it. */
  public Transport create(DeviceUri uri) {
    if (uri instanceof DeviceUri.Serial s) {
      return new SerialTransport(s);
    } else if (uri instanceof DeviceUri.Tcp t) {
      return new TcpTransport(t);
    } else if (uri instanceof DeviceUri.File f) {
      return new FileTransport(f);
    } else if (uri instanceof DeviceUri.Usb u) {
      return new UsbTransport(u);
    } else if (uri instanceof DeviceUri.Sim s) {
      return new SimTransport(s, simulators);
    }
    throw new IllegalArgumentException("No transport for " + uri);
  }
}
