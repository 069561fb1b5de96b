package io.kasa.devices.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.devices.DeviceException;
import io.kasa.devices.DeviceUri;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A network printer played by a loopback server socket. */
class TcpTransportTest {

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void tearDown() {
    scheduler.shutdownNow();
  }

  @Test
  void bytesReachTheServerAndRepliesComeBack() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Transport t =
            new TcpTransport(
                (DeviceUri.Tcp) DeviceUri.parse("tcp://127.0.0.1:" + server.getLocalPort()))) {
      t.open();
      try (Socket printer = server.accept()) {
        t.write(new byte[] {0x1b, 0x40, 0x10, 0x04, 0x01});
        InputStream in = printer.getInputStream();
        assertThat(in.readNBytes(5)).containsExactly(0x1b, 0x40, 0x10, 0x04, 0x01);
        printer.getOutputStream().write(0x16);
        byte[] reply = new byte[4];
        assertThat(t.read(reply, Duration.ofSeconds(5))).isEqualTo(1);
        assertThat(reply[0]).isEqualTo((byte) 0x16);
        assertThat(t.read(reply, Duration.ofMillis(50))).isZero();
      }
    }
  }

  @Test
  void nobodyListeningIsOffline() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Transport t =
        new TcpTransport(
            (DeviceUri.Tcp) DeviceUri.parse("tcp://127.0.0.1:" + port + "?connectTimeout=500"));
    assertThatThrownBy(t::open)
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.OFFLINE));
  }

  @Test
  void aResetConnectionIsReportedAndReopened() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Transport t =
          new TcpTransport(
              (DeviceUri.Tcp) DeviceUri.parse("tcp://127.0.0.1:" + server.getLocalPort()));
      DeviceConnection connection =
          new DeviceConnection(t, scheduler, Duration.ofMillis(50), Duration.ofMillis(200));
      CountDownLatch lost = new CountDownLatch(1);
      connection.onStateChange(
          c -> {
            if (c.state() == DeviceConnection.State.DISCONNECTED) {
              lost.countDown();
            }
          });
      connection.connect();
      Socket first = server.accept();
      first.setSoLinger(true, 0);
      first.close(); // RST
      assertThatThrownBy(() -> connection.call(tr -> tr.read(new byte[1], Duration.ofSeconds(5))))
          .isInstanceOfSatisfying(
              DeviceException.class,
              e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.OFFLINE));
      assertThat(lost.await(5, TimeUnit.SECONDS)).isTrue();
      try (Socket second = server.accept()) {
        assertThat(connection.awaitConnected(Duration.ofSeconds(5))).isTrue();
        connection.call(
            tr -> {
              tr.write(new byte[] {7});
              return null;
            });
        assertThat(second.getInputStream().read()).isEqualTo(7);
      }
      connection.close();
    }
  }
}
