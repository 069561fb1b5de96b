package io.kasa.devices.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.devices.DeviceException;
import io.kasa.devices.DeviceUri;
import io.kasa.devices.Profiles;
import io.kasa.devices.escpos.EscPos;
import io.kasa.devices.sim.Simulators;
import io.kasa.devices.sim.VirtualPrinter;
import io.kasa.devices.transport.DeviceConnection;
import io.kasa.devices.transport.PtyDevice;
import io.kasa.devices.transport.SocatPair;
import io.kasa.devices.transport.Transports;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrinterServiceTest {

  private static final PrinterService.Settings FAST =
      new PrinterService.Settings(
          Duration.ofMillis(200), Duration.ofMillis(20), Duration.ofSeconds(20));

  @TempDir Path dir;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final Simulators sims = new Simulators(Profiles.epson());
  private final VirtualPrinter virtual = sims.printer();
  private final LinkedBlockingQueue<PrinterStatus> statuses = new LinkedBlockingQueue<>();
  private DeviceConnection connection;
  private PrinterService service;
  private SocatPair line;
  private PtyDevice device;

  @AfterEach
  void tearDown() {
    if (service != null) {
      service.close();
    }
    if (connection != null) {
      connection.close();
    }
    if (device != null) {
      device.close();
    }
    if (line != null) {
      line.close();
    }
    scheduler.shutdownNow();
  }

  private void startSimulated(PrinterService.Settings settings) throws DeviceException {
    connection =
        DeviceConnection.of(new Transports(sims).create(DeviceUri.parse("sim:printer")), scheduler);
    connection.connect();
    service = new PrinterService(connection, Profiles.epson(), settings, Clock.systemUTC());
    service.onStatus(statuses::add);
  }

  private static byte[] receipt(String text) {
    return new EscPos(Profiles.epson()).initialize().line(text).cut(EscPos.Cut.PARTIAL).toBytes();
  }

  private PrinterStatus awaitStatus(String summary) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      PrinterStatus s = statuses.poll(100, TimeUnit.MILLISECONDS);
      if (s != null && s.summary().equals(summary)) {
        return s;
      }
    }
    throw new AssertionError("status " + summary + " never arrived");
  }

  @Test
  void printsAndReportsReady() throws Exception {
    startSimulated(FAST);
    PrintResult result =
        service.print(PrintJob.of("receipt", receipt("Дякуємо!"))).get(10, TimeUnit.SECONDS);
    assertThat(result.printed()).isTrue();
    assertThat(virtual.textLines()).contains("Дякуємо!");
    assertThat(service.status().summary()).isEqualTo("READY");
  }

  @Test
  void aJobWithItsOwnTimeoutGivenUpOnPaperOutSentNothingAndNeverPrintsLater() throws Exception {
    // The service waits 20 s for a job; this one (a kitchen ticket with a fallback, ADR 0057)
    // waits 300 ms, fails having written nothing, and is gone when the paper is back.
    startSimulated(FAST);
    virtual.setPaperOut(true);
    PrintResult r =
        service
            .print(PrintJob.of("kitchen", receipt("На резервний")), Duration.ofMillis(300))
            .get(5, TimeUnit.SECONDS);
    assertThat(r.printed()).isFalse();
    assertThat(r.failure()).isEqualTo(DeviceException.Kind.PAPER_OUT);
    assertThat(r.attempts()).isZero();
    assertThat(service.pending()).isEmpty();
    virtual.setPaperOut(false);
    assertThat(service.print(PrintJob.of("next", receipt("Наступний"))).get(10, TimeUnit.SECONDS))
        .matches(PrintResult::printed);
    assertThat(virtual.textLines()).contains("Наступний").doesNotContain("На резервний");
  }

  @Test
  void aJobWaitsOutPaperOutAndPrintsWhenPaperIsBack() throws Exception {
    startSimulated(FAST);
    virtual.setPaperOut(true);
    CompletableFuture<PrintResult> result =
        service.print(PrintJob.of("receipt", receipt("Після заміни рулону")));
    awaitStatus("PAPER_END");
    assertThat(result).isNotDone();
    assertThat(service.pending()).hasSize(1);
    virtual.setPaperOut(false);
    assertThat(result.get(10, TimeUnit.SECONDS).printed()).isTrue();
    assertThat(virtual.textLines()).contains("Після заміни рулону");
  }

  @Test
  void aJobFailsWithTheReasonWhenTheProblemOutlastsItsTimeout() throws Exception {
    startSimulated(
        new PrinterService.Settings(
            Duration.ofMillis(200), Duration.ofMillis(20), Duration.ofMillis(300)));
    virtual.setCoverOpen(true);
    PrintResult result =
        service.print(PrintJob.of("receipt", receipt("x"))).get(10, TimeUnit.SECONDS);
    assertThat(result.printed()).isFalse();
    assertThat(result.failure()).isEqualTo(DeviceException.Kind.COVER_OPEN);
    assertThat(result.message()).isEqualTo("The printer cover is open");
    assertThat(virtual.textLines()).doesNotContain("x");
  }

  @Test
  void aPrinterThatNeverAnswersIsStatusUnknownAndStillPrints() throws Exception {
    virtual.setAnswersStatus(false);
    startSimulated(FAST);
    PrintResult result =
        service.print(PrintJob.of("receipt", receipt("blind"))).get(10, TimeUnit.SECONDS);
    assertThat(result.printed()).isTrue();
    assertThat(service.status().summary()).isEqualTo("UNKNOWN");
    assertThat(virtual.textLines()).contains("blind");
  }

  @Test
  void paperNearEndIsReportedButPrints() throws Exception {
    virtual.setPaperNearEnd(true);
    startSimulated(FAST);
    assertThat(service.print(PrintJob.of("r", receipt("low"))).get(10, TimeUnit.SECONDS).printed())
        .isTrue();
    assertThat(service.status().summary()).isEqualTo("PAPER_NEAR_END");
  }

  @Test
  void aJobSurvivesUnpluggingTheSerialPrinter() throws Exception {
    line = new SocatPair(dir, "lp").start();
    device = new PtyDevice(line, virtual::receive);
    connection =
        new DeviceConnection(
            new Transports(sims)
                .create(DeviceUri.parse("serial:" + line.deviceEnd() + "?baud=115200")),
            scheduler,
            Duration.ofMillis(50),
            Duration.ofMillis(300));
    connection.connect();
    service = new PrinterService(connection, Profiles.epson(), FAST, Clock.systemUTC());
    service.onStatus(statuses::add);
    assertThat(
            service
                .print(PrintJob.of("first", receipt("перший")))
                .get(10, TimeUnit.SECONDS)
                .printed())
        .isTrue();

    await().atMost(Duration.ofSeconds(10)).until(() -> virtual.textLines().contains("перший"));

    line.unplug();
    awaitStatus("DISCONNECTED");
    CompletableFuture<PrintResult> second = service.print(PrintJob.of("second", receipt("другий")));
    assertThat(second).isNotDone();

    line.start();
    PrintResult result = second.get(15, TimeUnit.SECONDS);
    assertThat(result.printed()).isTrue();
    // Written means handed to the line; the device reads it a moment later.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(virtual.textLines()).contains("перший", "другий"));
  }
}
