package io.kasa.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectivityTest {

  @Test
  void oneOutcomeDecidesNothingTwoInARowDo() {
    Connectivity c = new Connectivity();
    c.failure();
    assertThat(c.state()).isEqualTo(Connectivity.State.DEGRADED);
    c.failure();
    assertThat(c.state()).isEqualTo(Connectivity.State.OFFLINE);
    c.success();
    assertThat(c.state()).isEqualTo(Connectivity.State.DEGRADED);
    c.failure();
    assertThat(c.state()).isEqualTo(Connectivity.State.DEGRADED);
    c.success();
    c.success();
    assertThat(c.state()).isEqualTo(Connectivity.State.ONLINE);
  }
}
