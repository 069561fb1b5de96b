package io.kasa.devices.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.devices.DeviceUri;
import io.kasa.devices.Profiles;
import io.kasa.devices.sim.Simulators;
import io.kasa.devices.transport.DeviceConnection;
import io.kasa.devices.transport.SocatPair;
import io.kasa.devices.transport.Transports;
import io.kasa.domain.barcode.BarcodeParser;
import io.kasa.domain.barcode.ParsedCode;
import io.kasa.domain.barcode.ScanResult;
import io.kasa.domain.barcode.Symbology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A serial scanner played on a socat pty. */
class SerialScannerTest {

  @TempDir Path dir;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final LinkedBlockingQueue<ScanEvent> events = new LinkedBlockingQueue<>();
  private SocatPair line;
  private DeviceConnection connection;
  private SerialScanner scanner;

  @BeforeEach
  void setUp() throws Exception {
    line = new SocatPair(dir, "scan").start();
    connection =
        DeviceConnection.of(
            new Transports(new Simulators(Profiles.epson()))
                .create(DeviceUri.parse("serial:" + line.deviceEnd())),
            scheduler);
    connection.connect();
    scanner =
        new SerialScanner(
            connection,
            new ScanFraming("", "", ScanFraming.Terminator.ANY, 64),
            BarcodeParser.withoutEmbeddedLabels(),
            Duration.ofMillis(300),
            Clock.systemUTC());
    scanner.onScan(events::add);
    scanner.start();
  }

  @AfterEach
  void tearDown() {
    scanner.close();
    connection.close();
    line.close();
    scheduler.shutdownNow();
  }

  private void send(String s) {
    line.writePeer(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  private ScanEvent next() throws InterruptedException {
    ScanEvent e = events.poll(10, TimeUnit.SECONDS);
    assertThat(e).as("a scan event").isNotNull();
    return e;
  }

  @Test
  void aScanWithCrLfBecomesAnAcceptedEvent() throws Exception {
    send("4820000191357\r\n");
    ScanEvent e = next();
    assertThat(e.accepted()).isTrue();
    assertThat(e.symbology()).isEqualTo(Symbology.EAN_13);
    assertThat(e.source()).startsWith("serial:");
    assertThat(((ScanResult.Accepted) e.result()).code())
        .isEqualTo(new ParsedCode.Gtin("04820000191357", "4820000191357"));
  }

  @Test
  void aimPrefixesAreStrippedAndReported() throws Exception {
    send("]E04820000191357\r");
    ScanEvent e = next();
    assertThat(((ScanResult.Accepted) e.result()).aimPrefix()).isEqualTo("]E0");
  }

  @Test
  void aScanSplitAcrossReadsIsJoined() throws Exception {
    send("48200");
    send("00191357\r");
    assertThat(next().raw()).isEqualTo("4820000191357");
  }

  @Test
  void junkBecomesRejectedEventsWithTheirReason() throws Exception {
    send("4820000191351\r");
    send("48\u000700\r");
    send("9".repeat(100) + "\r");
    assertThat(reason(next())).isEqualTo(ScanResult.Reason.CHECK_DIGIT);
    assertThat(reason(next())).isEqualTo(ScanResult.Reason.INVALID_CHARACTERS);
    assertThat(reason(next())).isEqualTo(ScanResult.Reason.TOO_LONG);
    send("4820000191357\r");
    assertThat(next().accepted()).isTrue();
  }

  @Test
  void aScanWithoutTerminatorIsReportedIncomplete() throws Exception {
    send("482000");
    assertThat(reason(next())).isEqualTo(ScanResult.Reason.INCOMPLETE);
  }

  private static ScanResult.Reason reason(ScanEvent e) {
    assertThat(e.accepted()).isFalse();
    return ((ScanResult.Rejected) e.result()).reason();
  }
}
