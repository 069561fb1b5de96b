package io.kasa.devices.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kasa.devices.DeviceException;
import io.kasa.devices.DeviceUri;
import io.kasa.devices.Profiles;
import io.kasa.devices.printer.PrinterStatus;
import io.kasa.devices.printer.StatusQuery;
import io.kasa.devices.sim.VirtualPrinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTransportTest {

  @TempDir Path dir;

  @Test
  void appendsToAFileAndNeverReplies() throws Exception {
    Path capture = dir.resolve("printer.bin");
    try (Transport t = new FileTransport((DeviceUri.File) DeviceUri.parse("file:" + capture))) {
      t.open();
      t.write(new byte[] {1, 2});
      t.write(new byte[] {3});
      assertThat(t.read(new byte[4], Duration.ofMillis(10))).isZero();
    }
    assertThat(Files.readAllBytes(capture)).containsExactly(1, 2, 3);
  }

  @Test
  void aPlainFileCannotAnswerSoNoStatusRequestIsWrittenIntoIt() throws Exception {
    Path capture = dir.resolve("capture.bin");
    try (Transport t = new FileTransport((DeviceUri.File) DeviceUri.parse("file:" + capture))) {
      t.open();
      assertThat(t.canAnswer()).isFalse();
      PrinterStatus s = StatusQuery.query(t, Duration.ofSeconds(5), Instant.now());
      assertThat(s.reply()).isEqualTo(PrinterStatus.Reply.NOT_AVAILABLE);
      assertThat(s.summary()).isEqualTo("NOT_AVAILABLE");
    }
    assertThat(Files.readAllBytes(capture)).isEmpty();
  }

  @Test
  void aCharacterDeviceThatAnswersIsReadWithoutSpinning() throws Exception {
    VirtualPrinter printer = new VirtualPrinter(Profiles.epson());
    printer.setPaperOut(true);
    SocatPair line = new SocatPair(dir, "lp").start();
    PtyDevice device = new PtyDevice(line, printer::receive);
    try (Transport t =
        new FileTransport((DeviceUri.File) DeviceUri.parse("file:" + line.deviceEnd()))) {
      t.open();
      assertThat(t.canAnswer()).isTrue();
      PrinterStatus s = StatusQuery.query(t, Duration.ofSeconds(2), Instant.now());
      assertThat(s.reply()).isEqualTo(PrinterStatus.Reply.ANSWERED);
      assertThat(s.flags()).contains(PrinterStatus.Flag.PAPER_END);
      assertThat(t.read(new byte[8], Duration.ofMillis(50))).as("nothing more arrives").isZero();
    } finally {
      device.close();
      line.close();
    }
  }

  @Test
  void aCharacterDeviceWithNoReadSideStopsBeingAsked() throws Exception {
    try (Transport t = new FileTransport((DeviceUri.File) DeviceUri.parse("file:/dev/null"))) {
      t.open();
      await().atMost(Duration.ofSeconds(5)).until(() -> !t.canAnswer());
      assertThat(StatusQuery.query(t, Duration.ofSeconds(5), Instant.now()).reply())
          .isEqualTo(PrinterStatus.Reply.NOT_AVAILABLE);
    }
  }

  @Test
  void aMissingDirectoryIsNotFound() {
    Transport t =
        new FileTransport((DeviceUri.File) DeviceUri.parse("file:" + dir.resolve("no/such/lp0")));
    assertThatThrownBy(t::open)
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.NOT_FOUND));
  }
}
