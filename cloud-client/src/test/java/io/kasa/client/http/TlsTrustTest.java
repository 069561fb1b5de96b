package io.kasa.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.kasa.service.TestCloud;
import io.kasa.service.http.CloudApp;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A self-hosted service with a self-signed certificate: refused by default, trusted when the
 * operator's certificate is configured, and pinned on top when pins are given.
 */
class TlsTrustTest {

  @TempDir static Path dir;
  private static TestCloud cloud;
  private static Javalin https;
  private static URI url;

  @BeforeAll
  static void start() throws Exception {
    Path keystore = TestCloud.selfSignedKeystore(dir);
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    cloud = new TestCloud();
    https =
        CloudApp.create(cloud.services.app(), new CloudApp.Tls(port, keystore, "changeit"))
            .start(0);
    url = URI.create("https://127.0.0.1:" + port);
  }

  @AfterAll
  static void stop() throws Exception {
    https.stop();
    cloud.close();
  }

  private static boolean healthy(CloudClientConfig config) {
    try (CloudClient client =
        new CloudClient(
            config.withRetries(1, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1)),
            Credentials.none())) {
      return client.healthy();
    }
  }

  @Test
  void aSelfSignedServiceIsRefusedUnlessItsCertificateIsTrusted() {
    assertThat(healthy(CloudClientConfig.defaults(url))).isFalse();
    assertThat(
            healthy(
                CloudClientConfig.defaults(url).withTrustedCertificate(dir.resolve("kasa.pem"))))
        .isTrue();
  }

  @Test
  void pinsAreCheckedOnTopOfTrust() throws Exception {
    X509Certificate cert;
    try (InputStream in = Files.newInputStream(dir.resolve("kasa.pem"))) {
      cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    String pin =
        "sha256/"
            + Base64.getEncoder()
                .encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(cert.getPublicKey().getEncoded()));
    CloudClientConfig trusted =
        CloudClientConfig.defaults(url).withTrustedCertificate(dir.resolve("kasa.pem"));
    assertThat(healthy(trusted.withPins(List.of(pin)))).isTrue();
    assertThat(
            healthy(
                trusted.withPins(List.of("sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="))))
        .isFalse();
  }
}
