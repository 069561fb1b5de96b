package io.kasa.devices.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.devices.DeviceUri;
import io.kasa.devices.Profiles;
import io.kasa.devices.escpos.DrawerPulse;
import io.kasa.devices.escpos.EscPos;
import io.kasa.devices.sim.PrintElement;
import io.kasa.devices.sim.Simulators;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process simulators behind sim: URIs, as the demo mode uses them. */
class SimTransportTest {

  @TempDir Path dir;
  private final Simulators sims = new Simulators(Profiles.epson());
  private final Transports transports = new Transports(sims);

  @Test
  void virtualPrinterDecodesWhatItGetsAndAnswersStatus() throws Exception {
    List<PrintElement> preview = new CopyOnWriteArrayList<>();
    sims.printer().onPrinted(preview::addAll);
    try (Transport t = transports.create(DeviceUri.parse("sim:printer"))) {
      t.open();
      t.write(
          new EscPos(Profiles.epson()).initialize().line("Привіт").cut(EscPos.Cut.FULL).toBytes());
      sims.printer().setCoverOpen(true);
      t.write(new byte[] {0x10, 0x04, 0x02});
      byte[] reply = new byte[1];
      assertThat(t.read(reply, Duration.ofSeconds(1))).isEqualTo(1);
      assertThat(reply[0]).isEqualTo((byte) 0x16);
    }
    assertThat(sims.printer().textLines()).containsExactly("Привіт");
    assertThat(preview).contains(new PrintElement.Cut(false, 3));
    Path saved = dir.resolve("raw.bin");
    sims.printer().saveTo(saved);
    assertThat(Files.readAllBytes(saved)).isEqualTo(sims.printer().bytes());
  }

  @Test
  void virtualScannerSendsCodesWithItsTerminator() throws Exception {
    try (Transport t = transports.create(DeviceUri.parse("sim:scanner"))) {
      t.open();
      sims.scanner().scan("4820000191357");
      byte[] buffer = new byte[64];
      int n = t.read(buffer, Duration.ofSeconds(1));
      assertThat(new String(buffer, 0, n, StandardCharsets.US_ASCII)).isEqualTo("4820000191357\r");
    }
  }

  @Test
  void virtualDrawerOpensOnAKickAndReportsItsSwitch() throws Exception {
    try (Transport t = transports.create(DeviceUri.parse("sim:drawer"))) {
      t.open();
      t.write(new EscPos(Profiles.epson()).drawerPulse().toBytes());
      assertThat(sims.drawer().isOpen()).isTrue();
      t.write(new byte[] {0x10, 0x04, 0x01});
      byte[] reply = new byte[1];
      t.read(reply, Duration.ofSeconds(1));
      assertThat(reply[0] & 0x04).isEqualTo(0x04);
      sims.drawer().close();
      t.write(new byte[] {0x10, 0x04, 0x01});
      t.read(reply, Duration.ofSeconds(1));
      assertThat(reply[0] & 0x04).isZero();
    }
  }

  @Test
  void virtualDrawerOpensOnTheRealTimePulse() throws Exception {
    try (Transport t = transports.create(DeviceUri.parse("sim:drawer"))) {
      t.open();
      t.write(
          new DrawerPulse(2, DrawerPulse.Command.DLE_DC4, 100, 100).toBytes()); // 10 14 01 00 01
      assertThat(sims.drawer().isOpen()).isTrue();
      assertThat(sims.drawer().kicks()).isEqualTo(1);
    }
  }
}
