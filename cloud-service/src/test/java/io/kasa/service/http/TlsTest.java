package io.kasa.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.kasa.service.TestCloud;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service serves HTTPS with an operator's certificate. */
class TlsTest {

  @TempDir Path dir;

  @Test
  void healthOverHttpsWithTheOperatorsCertificate() throws Exception {
    Path keystore = TestCloud.selfSignedKeystore(dir);
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    try (TestCloud cloud = new TestCloud()) {
      Javalin https =
          CloudApp.create(cloud.services.app(), new CloudApp.Tls(port, keystore, "changeit"))
              .start(0);
      try {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
          trust.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        HttpResponse<String> r =
            HttpClient.newBuilder()
                .sslContext(ssl)
                .build()
                .send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/health"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"database\":\"UP\"");
      } finally {
        https.stop();
      }
    }
  }
}
