package io.kasa.client.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.http.CloudProblemException;
import io.kasa.client.http.CloudUnreachableException;
import io.kasa.client.sim.FaultProxy;
import io.kasa.client.sim.FaultProxy.Fault;
import io.kasa.service.MutableClock;
import io.kasa.service.TestCloud;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrollment through a proxy that loses the service's answers after the service has enrolled the
 * terminal: the client's own retry, and the technician's retry of the same code on the same
 * register, get the credential the service gave the first time.
 */
class EnrollmentRetryTest {

  private static TestCloud cloud;
  private static int terminals = 40;
  private FaultProxy proxy;
  private final MutableClock clock = new MutableClock(Instant.now());
  @TempDir Path dir;

  @BeforeAll
  static void startCloud() throws Exception {
    cloud = new TestCloud();
  }

  @AfterAll
  static void stopCloud() throws Exception {
    cloud.close();
  }

  @BeforeEach
  void startProxy() throws Exception {
    proxy = new FaultProxy("127.0.0.1", cloud.app.port());
  }

  @AfterEach
  void stopProxy() throws Exception {
    proxy.close();
  }

  private CloudClientConfig config(URI url) {
    return CloudClientConfig.defaults(url)
        .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(800), Duration.ofSeconds(3))
        .withRetries(3, Duration.ofMillis(20), Duration.ofMillis(100));
  }

  private URI service() {
    return URI.create("http://127.0.0.1:" + proxy.port());
  }

  private static String code() {
    return cloud
        .services
        .admin()
        .createTerminal(
            cloud.demo.organisationId(), cloud.demo.storeId(), "T" + terminals++, "till")
        .enrollmentCode();
  }

  @Test
  void theClientRetriesAnEnrollmentWhoseAnswerWasLostAndEnrolls() throws Exception {
    long enrolled = cloud.audited("TERMINAL_ENROLLED");
    proxy.fault(Fault.LOSE_ONE_RESPONSE);
    try (CloudTerminal t = CloudTerminal.open(dir, clock, this::config)) {
      t.enroll(service(), code(), "till");
      assertThat(proxy.faultsInjected()).isEqualTo(1);
      assertThat(t.enrolled()).isTrue();
      assertThat(t.client().terminalConfig().terminalCode()).isEqualTo(t.config().terminalCode());
    }
    assertThat(cloud.audited("TERMINAL_ENROLLED")).isEqualTo(enrolled + 1);
  }

  @Test
  void theSameCodeTriedAgainAfterEveryAnswerWasLostAndARestartEnrolls() throws Exception {
    String code = code();
    try (CloudTerminal t = CloudTerminal.open(dir, clock, this::config)) {
      proxy.fault(Fault.LOSE_RESPONSE);
      assertThatThrownBy(() -> t.enroll(service(), code, "till"))
          .isInstanceOf(CloudUnreachableException.class);
      assertThat(t.enrolled()).isFalse();
      proxy.fault(Fault.NONE);
      // A code mistyped in between has a key of its own.
      assertThatThrownBy(() -> t.enroll(service(), "WRONG-CODE-0000", "till"))
          .isInstanceOfSatisfying(
              CloudProblemException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
    // Another device cannot use the code the service gave this one.
    try (CloudTerminal other = CloudTerminal.open(dir.resolve("other"), clock, this::config)) {
      assertThatThrownBy(() -> other.enroll(service(), code, "till"))
          .isInstanceOfSatisfying(
              CloudProblemException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
    // The register restarted; the technician types the code again, in lower case.
    try (CloudTerminal t = CloudTerminal.open(dir, clock, this::config)) {
      t.enroll(service(), code.toLowerCase(java.util.Locale.ROOT), "till");
      assertThat(t.enrolled()).isTrue();
      assertThat(t.client().terminalConfig().terminalCode()).isEqualTo(t.config().terminalCode());
    }
  }
}
