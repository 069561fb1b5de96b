package io.kasa.devices.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.devices.DeviceException;
import io.kasa.devices.DeviceUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
  void aMissingDirectoryIsNotFound() {
    Transport t =
        new FileTransport((DeviceUri.File) DeviceUri.parse("file:" + dir.resolve("no/such/lp0")));
    assertThatThrownBy(t::open)
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.NOT_FOUND));
  }
}
