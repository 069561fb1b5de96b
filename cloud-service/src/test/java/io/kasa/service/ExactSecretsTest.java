package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Secrets count only exactly as given: the metrics token (compared in constant time) and a terminal
 * credential, even when one differing only in case follows the right one on the same connection
 * (Jetty would otherwise hand back the header it parsed before).
 */
class ExactSecretsTest {

  private static TestCloud cloud;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  @Test
  void onlyTheExactTokenReadsTheMetrics() {
    assertThat(metrics("Bearer metrics-secret").status()).isEqualTo(200);
    for (String almost :
        List.of(
            "Bearer metrics-secre",
            "Bearer metrics-secreT",
            "bearer metrics-secret",
            "Bearer  metrics-secret",
            "metrics-secret",
            "Bearer ",
            "Bearer metrics-secretmetrics-secret")) {
      TestCloud.Reply r = metrics(almost);
      assertThat(r.status()).as(almost).isEqualTo(401);
      assertThat(r.contentType()).startsWith("application/problem+json");
    }
    assertThat(cloud.send("GET", "/metrics", null, Map.of()).status()).isEqualTo(401);
  }

  @Test
  void aCredentialDifferingOnlyInCaseIsRefusedOnAConnectionThatSentTheRightOne() {
    String credential = cloud.enrollDemoTerminal();
    String secret = credential.substring(credential.indexOf('.') + 1);
    int letter = 0;
    while (!Character.isLetter(secret.charAt(letter))) {
      letter++;
    }
    char c = secret.charAt(letter);
    String flipped =
        credential.substring(0, credential.indexOf('.') + 1)
            + secret.substring(0, letter)
            + (Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c))
            + secret.substring(letter + 1);
    for (int i = 0; i < 3; i++) {
      assertThat(config(credential).status()).isEqualTo(200);
      assertThat(config(flipped).status()).isEqualTo(401);
    }
  }

  private static TestCloud.Reply config(String authorization) {
    return cloud.send("GET", "/v1/terminal/config", null, Map.of("Authorization", authorization));
  }

  private static TestCloud.Reply metrics(String authorization) {
    return cloud.send("GET", "/metrics", null, Map.of("Authorization", authorization));
  }
}
