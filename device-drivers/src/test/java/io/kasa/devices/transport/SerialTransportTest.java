package io.kasa.devices.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.devices.DeviceException;
import io.kasa.devices.DeviceUri;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real serial I/O through jSerialComm over socat pseudo-terminals. */
class SerialTransportTest {

  @TempDir Path dir;
  private SocatPair line;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void tearDown() {
    if (line != null) {
      line.close();
    }
    scheduler.shutdownNow();
  }

  private Transport transport() {
    return new SerialTransport(
        (DeviceUri.Serial) DeviceUri.parse("serial:" + line.deviceEnd() + "?baud=115200"));
  }

  @Test
  void bytesGoOutExactlyAndRepliesComeBack() throws Exception {
    line = new SocatPair(dir, "tty").start();
    try (Transport t = transport()) {
      t.open();
      byte[] sent = new byte[256];
      for (int i = 0; i < sent.length; i++) {
        sent[i] = (byte) i;
      }
      t.write(sent);
      assertThat(line.readPeer(256, Duration.ofSeconds(5))).isEqualTo(sent);

      line.writePeer(new byte[] {0x12});
      byte[] reply = new byte[8];
      assertThat(t.read(reply, Duration.ofSeconds(5))).isEqualTo(1);
      assertThat(reply[0]).isEqualTo((byte) 0x12);
      assertThat(t.read(reply, Duration.ofMillis(50))).isZero();
    }
  }

  @Test
  void aMissingPortIsNotFound() {
    Transport t =
        new SerialTransport((DeviceUri.Serial) DeviceUri.parse("serial:" + dir.resolve("ttyNope")));
    assertThatThrownBy(t::open)
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.NOT_FOUND))
        .hasMessageContaining("ttyNope");
  }

  @Test
  void unplugIsReportedOnceAndReplugReconnects() throws Exception {
    line = new SocatPair(dir, "tty").start();
    Transport t = transport();
    DeviceConnection connection =
        new DeviceConnection(t, scheduler, Duration.ofMillis(50), Duration.ofMillis(400));
    CountDownLatch lost = new CountDownLatch(1);
    CountDownLatch back = new CountDownLatch(2);
    connection.onStateChange(
        change -> {
          if (change.state() == DeviceConnection.State.DISCONNECTED) {
            lost.countDown();
          }
          if (change.state() == DeviceConnection.State.CONNECTED) {
            back.countDown();
          }
        });
    connection.connect();
    connection.call(
        tr -> {
          tr.write(new byte[] {1, 2, 3});
          return null;
        });
    assertThat(line.readPeer(3, Duration.ofSeconds(5))).containsExactly(1, 2, 3);

    line.unplug();
    assertThat(lost.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(connection.state())
        .isIn(DeviceConnection.State.DISCONNECTED, DeviceConnection.State.CONNECTING);
    assertThatThrownBy(
            () ->
                connection.call(
                    tr -> {
                      tr.write(new byte[] {4});
                      return null;
                    }))
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.OFFLINE));

    line.start();
    assertThat(back.await(10, TimeUnit.SECONDS)).isTrue();
    connection.call(
        tr -> {
          tr.write(new byte[] {5, 6});
          return null;
        });
    assertThat(line.readPeer(2, Duration.ofSeconds(5))).containsExactly(5, 6);
    connection.close();
  }
}
