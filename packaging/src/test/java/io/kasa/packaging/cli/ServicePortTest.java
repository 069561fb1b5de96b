package io.kasa.packaging.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo keeps its service's port, so receipts printed on an earlier run still open. */
class ServicePortTest {

  @Test
  void aKeptPortIsReadBackAndNothingKeptIsZero(@TempDir Path data) throws Exception {
    assertThat(ServicePort.kept(data)).isZero();
    ServicePort.keep(data, 41234);
    assertThat(ServicePort.kept(data)).isEqualTo(41234);
    Files.writeString(data.resolve(ServicePort.FILE), "not a port");
    assertThat(ServicePort.kept(data)).isZero();
    Files.writeString(data.resolve(ServicePort.FILE), "70000");
    assertThat(ServicePort.kept(data)).isZero();
  }

  @Test
  void aPortSomeoneListensOnIsNotFree() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(ServicePort.free(taken.getLocalPort())).isFalse();
    }
    assertThat(ServicePort.free(0)).isFalse();
  }
}
