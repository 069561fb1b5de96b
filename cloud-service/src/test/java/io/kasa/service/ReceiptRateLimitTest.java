package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.sales.ReceiptTokens;
import io.kasa.service.sales.PublicReceipts;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The receipt routes are rate-limited per client address (ADR 0041): past the burst, a client is
 * answered 429 with a problem body and Retry-After, on the JSON route and the page alike, whatever
 * token it asks for.
 */
class ReceiptRateLimitTest {

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
  void aClientAskingTooOftenIsToldToWait() {
    int notFound = 0;
    TestCloud.Reply limited = null;
    // Twice the burst: far more than refills while they are asked, however slow the machine.
    for (int i = 0; i < 2 * PublicReceipts.BURST && limited == null; i++) {
      TestCloud.Reply r = cloud.send("GET", "/v1/receipts/" + ReceiptTokens.next(), null, Map.of());
      if (r.status() == 429) {
        limited = r;
      } else {
        assertThat(r.status()).isEqualTo(404);
        notFound++;
      }
    }
    assertThat(limited).as("a 429 within twice the burst").isNotNull();
    assertThat(notFound).isGreaterThanOrEqualTo(PublicReceipts.BURST);
    assertThat(limited.contentType()).startsWith("application/problem+json");
    assertThat(limited.json().get("status").asInt()).isEqualTo(429);
    assertThat(limited.json().get("title").asText()).isEqualTo("Too many requests");

    java.net.http.HttpResponse<String> page;
    try {
      page =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(cloud.uri("/r/" + ReceiptTokens.next()))
                      .header("Accept-Language", "en")
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(page.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(page.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    assertThat(page.body()).contains("Too many requests");
  }
}
