package io.kasa.devices.drawer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.devices.DeviceUri;
import io.kasa.devices.Profiles;
import io.kasa.devices.printer.PrinterService;
import io.kasa.devices.sim.Simulators;
import io.kasa.devices.sim.VirtualDrawer;
import io.kasa.devices.transport.DeviceConnection;
import io.kasa.devices.transport.PtyDevice;
import io.kasa.devices.transport.SocatPair;
import io.kasa.devices.transport.Transports;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CashDrawerTest {

  @TempDir Path dir;
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final Simulators sims = new Simulators(Profiles.epson());
  private final LinkedBlockingQueue<CashDrawer.Event> events = new LinkedBlockingQueue<>();
  private DeviceConnection connection;
  private PrinterService printer;
  private CashDrawer drawer;
  private SocatPair line;
  private PtyDevice device;

  @AfterEach
  void tearDown() {
    if (drawer != null) {
      drawer.close();
    }
    if (printer != null) {
      printer.close();
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

  private CashDrawer.Event nextEvent() throws InterruptedException {
    CashDrawer.Event e = events.poll(10, TimeUnit.SECONDS);
    assertThat(e).as("a drawer event").isNotNull();
    return e;
  }

  @Test
  void kickThroughThePrinterOpensAndClosingIsReported() throws Exception {
    connection =
        DeviceConnection.of(new Transports(sims).create(DeviceUri.parse("sim:printer")), scheduler);
    connection.connect();
    printer =
        new PrinterService(
            connection,
            Profiles.epson(),
            new PrinterService.Settings(
                Duration.ofMillis(200), Duration.ofMillis(20), Duration.ofSeconds(10)),
            Clock.systemUTC());
    drawer =
        new CashDrawer(
            CashDrawer.viaPrinter(printer, 2, 100, 200),
            true,
            () -> Duration.ofSeconds(30),
            Duration.ofMillis(50),
            scheduler,
            Clock.systemUTC());
    drawer.onEvent(events::add);

    CashDrawer.OpenResult result = drawer.open().get(10, TimeUnit.SECONDS);
    assertThat(result.kicked()).isTrue();
    assertThat(result.state()).isEqualTo(CashDrawer.State.OPEN);
    assertThat(nextEvent().type()).isEqualTo(CashDrawer.Event.Type.OPENED);

    sims.printer().setDrawerSignal(false);
    CashDrawer.Event closed = nextEvent();
    assertThat(closed.type()).isEqualTo(CashDrawer.Event.Type.CLOSED);
    assertThat(drawer.state()).isEqualTo(CashDrawer.State.CLOSED);
  }

  @Test
  void reversedPolarityAndLeftOpenWarningOnAStandaloneSerialDrawer() throws Exception {
    VirtualDrawer virtual = new VirtualDrawer();
    line = new SocatPair(dir, "drawer").start();
    device = new PtyDevice(line, bytes -> serialDrawer(virtual, bytes));
    connection =
        DeviceConnection.of(
            new Transports(sims).create(DeviceUri.parse("serial:" + line.deviceEnd())), scheduler);
    connection.connect();
    // This drawer's switch reads low while open.
    drawer =
        new CashDrawer(
            CashDrawer.viaSerial(
                connection, new byte[] {0x1b, 0x70, 0x00, 0x32, 0x64}, Duration.ofMillis(300)),
            false,
            () -> Duration.ofMillis(300),
            Duration.ofMillis(50),
            scheduler,
            Clock.systemUTC());
    drawer.onEvent(events::add);
    await().atMost(Duration.ofSeconds(10)).until(() -> drawer.state() == CashDrawer.State.CLOSED);

    CashDrawer.OpenResult result = drawer.open().get(10, TimeUnit.SECONDS);
    assertThat(result.state()).isEqualTo(CashDrawer.State.OPEN);
    assertThat(virtual.kicks()).isEqualTo(1);
    assertThat(nextEvent().type()).isEqualTo(CashDrawer.Event.Type.OPENED);
    CashDrawer.Event leftOpen = nextEvent();
    assertThat(leftOpen.type()).isEqualTo(CashDrawer.Event.Type.LEFT_OPEN);
    assertThat(leftOpen.openFor()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void aDrawerWhosePrinterIsGoneReportsThatItDidNotOpen() throws Exception {
    connection =
        DeviceConnection.of(new Transports(sims).create(DeviceUri.parse("sim:printer")), scheduler);
    connection.connect();
    printer =
        new PrinterService(
            connection,
            Profiles.epson(),
            new PrinterService.Settings(
                Duration.ofMillis(100), Duration.ofMillis(20), Duration.ofMillis(200)),
            Clock.systemUTC());
    drawer =
        new CashDrawer(
            CashDrawer.viaPrinter(printer, 2, 100, 200),
            true,
            () -> Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            scheduler,
            Clock.systemUTC());
    sims.printer().setCoverOpen(true);
    CashDrawer.OpenResult result = drawer.open().get(10, TimeUnit.SECONDS);
    assertThat(result.kicked()).isFalse();
    assertThat(result.message()).contains("could not be opened").contains("cover is open");
  }

  /** A serial drawer whose switch is low while open (the reverse of the printer-port default). */
  private static byte[] serialDrawer(VirtualDrawer drawer, byte[] bytes) {
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0x1b && i + 1 < bytes.length && bytes[i + 1] == 'p') {
        drawer.kick();
        i += 4;
      } else if (bytes[i] == 0x10 && i + 2 < bytes.length && bytes[i + 1] == 0x04) {
        reply.write(drawer.isOpen() ? 0x12 : 0x16);
        i += 2;
      }
    }
    return reply.toByteArray();
  }
}
