package io.kasa.devices.usb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.devices.DeviceUri;
import io.kasa.devices.scanner.HidPosReport;
import io.kasa.devices.scanner.ScanEvent;
import io.kasa.devices.scanner.UsbHidPosScanner;
import io.kasa.domain.barcode.BarcodeParser;
import io.kasa.domain.barcode.ParsedCode;
import io.kasa.domain.barcode.ScanResult;
import io.kasa.domain.barcode.Symbology;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.usb.UsbConst;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A scanner in USB HID POS mode on the emulated bus, sending scanned-data reports. */
class UsbHidPosScannerTest {

  private final LinkedBlockingQueue<ScanEvent> events = new LinkedBlockingQueue<>();
  private EmulatedUsbDevice usb;
  private UsbHidPosScanner scanner;

  @BeforeEach
  void setUp() {
    usb =
        new EmulatedUsbDevice(0x0c2e, 0x0b6a, "HON1", "Voyager 1450g", 0)
            .in(0x83, UsbConst.ENDPOINT_TYPE_INTERRUPT)
            .plugIn();
    scanner =
        new UsbHidPosScanner(
                (DeviceUri.Usb) DeviceUri.parse("usb:0c2e:0b6a"),
                BarcodeParser.withoutEmbeddedLabels(),
                Duration.ofMillis(200),
                Clock.systemUTC())
            .start();
    scanner.onScan(events::add);
    await().atMost(Duration.ofSeconds(10)).until(scanner::isConnected);
  }

  @AfterEach
  void tearDown() {
    scanner.close();
    usb.unplug();
  }

  private void scan(String aim, String data) {
    for (byte[] report : HidPosReport.encode(aim, data)) {
      usb.send(0x83, report);
    }
  }

  private ScanEvent next() throws InterruptedException {
    ScanEvent e = events.poll(10, TimeUnit.SECONDS);
    assertThat(e).as("a scan").isNotNull();
    return e;
  }

  @Test
  void aReportBecomesAScanWithItsSymbology() throws Exception {
    scan("]E0", "4820000191357");
    ScanEvent e = next();
    assertThat(e.accepted()).isTrue();
    assertThat(e.symbology()).isEqualTo(Symbology.EAN_13);
    assertThat(((ScanResult.Accepted) e.result()).code())
        .isEqualTo(new ParsedCode.Gtin("04820000191357", "4820000191357"));
  }

  @Test
  void longDataContinuesAcrossReports() throws Exception {
    String url = "https://r.kasa.example/" + "K1-T1-000042/".repeat(8);
    scan("]Q1", url);
    ScanEvent e = next();
    assertThat(((ScanResult.Accepted) e.result()).code()).isEqualTo(new ParsedCode.Plain(url));
  }

  @Test
  void junkIsARejectedScan() throws Exception {
    scan("", "48200\u0007");
    assertThat(next().accepted()).isFalse();
  }

  @Test
  void replugReconnects() throws Exception {
    usb.unplug();
    await().atMost(Duration.ofSeconds(10)).until(() -> !scanner.isConnected());
    usb.plugIn();
    await().atMost(Duration.ofSeconds(10)).until(scanner::isConnected);
    scan("]E0", "4820000191357");
    assertThat(next().accepted()).isTrue();
  }
}
