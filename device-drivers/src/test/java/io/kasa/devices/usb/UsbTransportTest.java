package io.kasa.devices.usb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kasa.devices.DeviceException;
import io.kasa.devices.DeviceUri;
import io.kasa.devices.Profiles;
import io.kasa.devices.escpos.EscPos;
import io.kasa.devices.printer.PrintJob;
import io.kasa.devices.printer.PrinterService;
import io.kasa.devices.sim.Simulators;
import io.kasa.devices.sim.VirtualPrinter;
import io.kasa.devices.transport.DeviceConnection;
import io.kasa.devices.transport.Transport;
import io.kasa.devices.transport.Transports;
import io.kasa.devices.transport.UsbDiscovery;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.usb.UsbConst;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A USB receipt printer on the emulated javax.usb bus: bulk OUT to print, bulk IN for status. */
class UsbTransportTest {

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final Simulators sims = new Simulators(Profiles.epson());
  private final VirtualPrinter virtual = sims.printer();
  private EmulatedUsbDevice usb;
  private final Transports transports = new Transports(sims);

  @BeforeEach
  void plugIn() {
    usb =
        new EmulatedUsbDevice(0x04b8, 0x0e15, "X5Z1", "TM-T20III", 0)
            .out(
                0x01,
                UsbConst.ENDPOINT_TYPE_BULK,
                bytes -> {
                  byte[] reply = virtual.receive(bytes);
                  if (reply.length > 0) {
                    usb.send(0x82, reply);
                  }
                })
            .in(0x82, UsbConst.ENDPOINT_TYPE_BULK)
            .plugIn();
  }

  @AfterEach
  void unplug() {
    usb.unplug();
    scheduler.shutdownNow();
  }

  @Test
  void discoveryListsTheDeviceWithItsStrings() throws Exception {
    assertThat(UsbDiscovery.list())
        .contains(
            new UsbDiscovery.UsbDeviceInfo(0x04b8, 0x0e15, 0, "Kasa Test", "TM-T20III", "X5Z1"));
  }

  @Test
  void bytesGoOutOnBulkOutAndStatusComesBackOnBulkIn() throws Exception {
    try (Transport t = transports.create(DeviceUri.parse("usb:04b8:0e15?serial=X5Z1"))) {
      t.open();
      assertThat(usb.isClaimed()).isTrue();
      t.write(new EscPos(Profiles.epson()).initialize().line("USB друк").toBytes());
      assertThat(virtual.textLines()).containsExactly("USB друк");
      t.write(new byte[] {0x10, 0x04, 0x01});
      byte[] reply = new byte[8];
      assertThat(t.read(reply, Duration.ofSeconds(5))).isEqualTo(1);
      assertThat(reply[0]).isEqualTo((byte) 0x12);
      assertThat(t.read(reply, Duration.ofMillis(50))).isZero();
    }
    assertThat(usb.isClaimed()).isFalse();
  }

  @Test
  void aDifferentSerialNumberIsNotFound() {
    Transport t = transports.create(DeviceUri.parse("usb:04b8:0e15?serial=OTHER"));
    assertThatThrownBy(t::open)
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.NOT_FOUND))
        .hasMessageContaining("04b8:0e15 (serial OTHER)");
  }

  @Test
  void missingPermissionsSayWhatToDo() {
    usb.denyAccess(true);
    Transport t = transports.create(DeviceUri.parse("usb:04b8:0e15"));
    assertThatThrownBy(t::open)
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.ACCESS_DENIED))
        .hasMessageContaining("udev rules");
  }

  @Test
  void aJobSurvivesUnpluggingAndReplugging() throws Exception {
    DeviceConnection connection =
        new DeviceConnection(
            transports.create(DeviceUri.parse("usb:04b8:0e15")),
            scheduler,
            Duration.ofMillis(50),
            Duration.ofMillis(300));
    connection.connect();
    try (PrinterService printer =
        new PrinterService(
            connection,
            Profiles.epson(),
            new PrinterService.Settings(
                Duration.ofMillis(200), Duration.ofMillis(20), Duration.ofSeconds(20)),
            Clock.systemUTC())) {
      assertThat(
              printer
                  .print(PrintJob.of("one", new EscPos(Profiles.epson()).line("один").toBytes()))
                  .get(10, TimeUnit.SECONDS)
                  .printed())
          .isTrue();

      usb.unplug();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> connection.state() != DeviceConnection.State.CONNECTED);
      CompletableFuture<?> second =
          printer.print(PrintJob.of("two", new EscPos(Profiles.epson()).line("два").toBytes()));
      assertThat(second).isNotDone();

      usb.plugIn();
      await().atMost(Duration.ofSeconds(10)).until(second::isDone);
      assertThat(virtual.textLines()).contains("один", "два");
    } finally {
      connection.close();
    }
  }
}
