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
  private final LinkedBlockingQueue<ScannerStatus> statuses = new LinkedBlockingQueue<>();
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
  }

  /** Reads the line with {@code framing}; scans and status reports go to the queues. */
  private void reading(ScanFraming framing, Duration incompleteAfter) {
    scanner =
        new SerialScanner(
            connection,
            framing,
            BarcodeParser.withoutEmbeddedLabels(),
            incompleteAfter,
            Clock.systemUTC());
    scanner.onScan(events::add);
    scanner.onStatus(statuses::add);
    scanner.start();
  }

  private void reading() {
    reading(new ScanFraming("", "", ScanFraming.Terminator.ANY, 64), Duration.ofMillis(300));
  }

  @AfterEach
  void tearDown() {
    if (scanner != null) {
      scanner.close();
    }
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
    reading();
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
    reading();
    send("]E04820000191357\r");
    ScanEvent e = next();
    assertThat(((ScanResult.Accepted) e.result()).aimPrefix()).isEqualTo("]E0");
  }

  @Test
  void aScanSplitAcrossReadsIsJoined() throws Exception {
    reading();
    send("48200");
    send("00191357\r");
    assertThat(next().raw()).isEqualTo("4820000191357");
  }

  @Test
  void junkBecomesRejectedEventsWithTheirReason() throws Exception {
    reading();
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
    reading();
    send("482000");
    assertThat(reason(next())).isEqualTo(ScanResult.Reason.INCOMPLETE);
  }

  @Test
  void aCrLfScannerLosesNoScanAfterAnOverlongLine() throws Exception {
    reading(new ScanFraming("", "", ScanFraming.Terminator.CRLF, 512), Duration.ofSeconds(1));
    send("A".repeat(600) + "\r\n");
    for (int i = 0; i < 5; i++) {
      send("4820000191357\r\n");
    }
    assertThat(reason(next())).isEqualTo(ScanResult.Reason.TOO_LONG);
    for (int i = 0; i < 5; i++) {
      assertThat(next().accepted()).as("scan %d after the long line", i + 1).isTrue();
    }
  }

  @Test
  void anStxPrefixIsStrippedAndAScanWithoutItIsRefused() throws Exception {
    reading(
        new ScanFraming(ControlNames.decode("<STX>"), "", ScanFraming.Terminator.CR, 64),
        Duration.ofSeconds(1));
    send("\u0002]E04820000191357\r");
    send("4820000191357\r");
    ScanEvent withPrefix = next();
    assertThat(withPrefix.accepted()).isTrue();
    assertThat(((ScanResult.Accepted) withPrefix.result()).aimPrefix()).isEqualTo("]E0");
    assertThat(reason(next())).isEqualTo(ScanResult.Reason.MISSING_PREFIX);
  }

  @Test
  void textWithoutASymbologyIdentifierIsNotTakenForACode() throws Exception {
    reading();
    send("t\r");
    send("]C0A-12345\r");
    assertThat(reason(next())).isEqualTo(ScanResult.Reason.UNANNOUNCED);
    assertThat(next().accepted()).isTrue();
  }

  @Test
  void unpluggedAndBackIsReportedOnceEachAndAHalfScanIsForgotten() throws Exception {
    // A long wait for the terminator: the half scan must go with the unplug, not time out.
    reading(new ScanFraming("", "", ScanFraming.Terminator.CR, 64), Duration.ofSeconds(60));
    send("]E04820000191357\r");
    assertThat(next().accepted()).isTrue();
    send("482000");
    // Let the reader take the half scan before the cable goes.
    Thread.sleep(300);
    line.unplug();
    ScannerStatus lost = statuses.poll(10, TimeUnit.SECONDS);
    assertThat(lost).isNotNull();
    assertThat(lost.connected()).isFalse();
    line.start();
    ScannerStatus back = statuses.poll(20, TimeUnit.SECONDS);
    assertThat(back).isNotNull();
    assertThat(back.connected()).isTrue();
    send("4820000191357\r");
    ScanEvent after = next();
    assertThat(after.raw()).isEqualTo("4820000191357");
    assertThat(after.accepted()).isTrue();
    assertThat(statuses).isEmpty();
    assertThat(events).isEmpty();
  }

  private static ScanResult.Reason reason(ScanEvent e) {
    assertThat(e.accepted()).isFalse();
    return ((ScanResult.Rejected) e.result()).reason();
  }
}
