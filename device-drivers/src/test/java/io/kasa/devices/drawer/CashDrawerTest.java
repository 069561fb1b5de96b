package io.kasa.devices.drawer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.devices.DeviceUri;
import io.kasa.devices.Profiles;
import io.kasa.devices.escpos.DrawerPulse;
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
            CashDrawer.viaPrinter(printer, DrawerPulse.escP(2, 100, 200), Duration.ofMillis(50)),
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
                connection,
                DrawerPulse.escP(2, 100, 200),
                Duration.ofMillis(50),
                Duration.ofMillis(300)),
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
            CashDrawer.viaPrinter(printer, DrawerPulse.escP(2, 100, 200), Duration.ofMillis(50)),
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

  @Test
  void theSwitchIsReadAfterThePulseSoADrawerThatOpensIsReportedOpen() throws Exception {
    SlowDrawer slow = new SlowDrawer();
    line = new SocatPair(dir, "slow").start();
    device = new PtyDevice(line, slow::receive);
    connection =
        DeviceConnection.of(
            new Transports(sims).create(DeviceUri.parse("serial:" + line.deviceEnd())), scheduler);
    connection.connect();
    drawer =
        new CashDrawer(
            CashDrawer.viaSerial(
                connection,
                DrawerPulse.escP(2, 100, 200),
                Duration.ofMillis(100),
                Duration.ofMillis(300)),
            true,
            () -> Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            scheduler,
            Clock.systemUTC());

    CashDrawer.OpenResult result = drawer.open().get(10, TimeUnit.SECONDS);

    assertThat(result.state()).isEqualTo(CashDrawer.State.OPEN);
    assertThat(result.message()).doesNotContain("check the cable");
    assertThat(slow.kickBytes()).containsExactly(0x1b, 'p', 0, 50, 100);
  }

  @Test
  void aDrawerSetForTheRealTimePulseGetsDleDc4OnItsLine() throws Exception {
    SlowDrawer slow = new SlowDrawer();
    line = new SocatPair(dir, "dc4").start();
    device = new PtyDevice(line, slow::receive);
    connection =
        DeviceConnection.of(
            new Transports(sims).create(DeviceUri.parse("serial:" + line.deviceEnd())), scheduler);
    connection.connect();
    drawer =
        new CashDrawer(
            CashDrawer.viaSerial(
                connection,
                new DrawerPulse(5, DrawerPulse.Command.DLE_DC4, 150, 0),
                Duration.ofMillis(100),
                Duration.ofMillis(300)),
            true,
            () -> Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            scheduler,
            Clock.systemUTC());

    CashDrawer.OpenResult result = drawer.open().get(10, TimeUnit.SECONDS);

    assertThat(result.state()).isEqualTo(CashDrawer.State.OPEN);
    // 150 ms rounds up to t = 2 (200 ms on, 200 ms off) on pin 5 (m = 1).
    assertThat(slow.kickBytes()).containsExactly(0x10, 0x14, 1, 1, 2);
  }

  /**
   * A drawer whose switch only reads open once the pulse is over and the drawer has sprung: as a
   * real drawer, whose solenoid releases the latch during the pulse and whose tray then moves.
   */
  private static final class SlowDrawer {
    private volatile long openAt = Long.MAX_VALUE;
    private volatile int[] kick = new int[0];

    byte[] receive(byte[] bytes) {
      ByteArrayOutputStream reply = new ByteArrayOutputStream();
      for (int i = 0; i < bytes.length; i++) {
        int b = bytes[i] & 0xff;
        if (b == 0x1b && i + 4 < bytes.length && bytes[i + 1] == 'p') {
          kick = copy(bytes, i, 5);
          long pulse = 2L * ((bytes[i + 3] & 0xff) + (bytes[i + 4] & 0xff));
          openAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pulse);
          i += 4;
        } else if (b == 0x10 && i + 4 < bytes.length && bytes[i + 1] == 0x14) {
          kick = copy(bytes, i, 5);
          long pulse = 2L * 100 * (bytes[i + 4] & 0xff);
          openAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pulse);
          i += 4;
        } else if (b == 0x10 && i + 2 < bytes.length && bytes[i + 1] == 0x04) {
          reply.write(System.nanoTime() >= openAt ? 0x16 : 0x12);
          i += 2;
        }
      }
      return reply.toByteArray();
    }

    int[] kickBytes() {
      return kick;
    }

    private static int[] copy(byte[] bytes, int from, int n) {
      int[] out = new int[n];
      for (int k = 0; k < n; k++) {
        out[k] = bytes[from + k] & 0xff;
      }
      return out;
    }
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
