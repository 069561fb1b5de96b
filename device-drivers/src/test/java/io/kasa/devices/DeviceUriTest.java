package io.kasa.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceUriTest {

  @Test
  void serialUriCarriesLineSettings() {
    DeviceUri.Serial s =
        (DeviceUri.Serial)
            DeviceUri.parse("serial:/dev/ttyUSB0?baud=19200&flow=rtscts&parity=even&stop=2&data=7");
    assertThat(s.port()).isEqualTo("/dev/ttyUSB0");
    assertThat(s.baud()).isEqualTo(19200);
    assertThat(s.dataBits()).isEqualTo(7);
    assertThat(s.parity()).isEqualTo(DeviceUri.Parity.EVEN);
    assertThat(s.stopBits()).isEqualTo(DeviceUri.StopBits.TWO);
    assertThat(s.flow()).isEqualTo(DeviceUri.FlowControl.RTSCTS);
  }

  @Test
  void serialDefaultsAre9600Eight_N_One() {
    DeviceUri.Serial s = (DeviceUri.Serial) DeviceUri.parse("serial:COM3");
    assertThat(s)
        .isEqualTo(
            new DeviceUri.Serial(
                "COM3",
                9600,
                8,
                DeviceUri.Parity.NONE,
                DeviceUri.StopBits.ONE,
                DeviceUri.FlowControl.NONE));
  }

  @Test
  void usbUriSelectsByIdsAndSerial() {
    DeviceUri.Usb u = (DeviceUri.Usb) DeviceUri.parse("usb:04b8:0e15?serial=XYZ&interface=1");
    assertThat(u.vendorId()).isEqualTo(0x04b8);
    assertThat(u.productId()).isEqualTo(0x0e15);
    assertThat(u.serialNumber()).isEqualTo("XYZ");
    assertThat(u.interfaceNumber()).isEqualTo(1);
  }

  @Test
  void tcpUriDefaultsToPort9100() {
    DeviceUri.Tcp t = (DeviceUri.Tcp) DeviceUri.parse("tcp://192.168.1.50");
    assertThat(t.port()).isEqualTo(9100);
    assertThat(((DeviceUri.Tcp) DeviceUri.parse("tcp://[::1]:9101")).host()).isEqualTo("::1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "serial:/dev/ttyUSB0?baud=19200&data=8&parity=none&stop=1&flow=rtscts",
        "usb:04b8:0e15?interface=0&serial=XYZ",
        "tcp://printer.local:9100?connectTimeout=3000&readTimeout=2000",
        "file:/dev/usb/lp0",
        "sim:printer"
      })
  void canonicalFormsRoundTrip(String text) {
    DeviceUri uri = DeviceUri.parse(text);
    assertThat(DeviceUri.parse(uri.toString())).isEqualTo(uri);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ftp://x | unknown scheme 'ftp'",
        "/dev/ttyUSB0 | no scheme",
        "serial:/dev/ttyUSB0?baud=fast | baud 'fast' is not a number",
        "serial:/dev/ttyUSB0?baud=9600&speed=1 | unknown parameter 'speed'",
        "serial:/dev/ttyUSB0?parity=maybe | parity 'maybe' must be one of none, even, odd, mark, space",
        "serial:/dev/ttyUSB0?stop=3 | stop '3' must be 1, 1.5 or 2",
        "serial:/dev/ttyUSB0?data=9 | data 9 is out of range 5-8",
        "serial: | serial: needs a port",
        "usb:4b8:e15 | usb: ids '4b8:e15' must be vendor:product in hex",
        "tcp:printer:9100 | tcp: must be written tcp://host:port",
        "tcp://printer:99999 | tcp: port 99999 is out of range",
        "tcp://printer:abc | tcp: port 'abc' is not a number",
        "file:lp0 | file: needs an absolute path",
        "sim:toaster | unknown simulator 'toaster'"
      })
  void badUrisNameTheBadPart(String uri, String message) {
    assertThatThrownBy(() -> DeviceUri.parse(uri))
        .isInstanceOf(InvalidDeviceUriException.class)
        .hasMessageContaining(message);
  }
}
