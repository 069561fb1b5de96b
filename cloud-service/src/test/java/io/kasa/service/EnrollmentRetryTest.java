package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.service.admin.AdminService;
import io.kasa.service.auth.AuthService;
import io.kasa.service.sales.TestPaymentProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A lost enrollment answer does not burn the code: the device that sent it retries with the same
 * Idempotency-Key and gets the same credential for a while; nobody else can use the code again.
 */
class EnrollmentRetryTest {

  private static final MutableClock clock = new MutableClock(Instant.now());
  private static TestCloud cloud;
  private static int terminals = 20;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud(new TestPaymentProcessor(), clock);
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static String newCode() {
    AdminService.NewTerminal t =
        cloud
            .services
            .admin()
            .createTerminal(
                cloud.demo.organisationId(), cloud.demo.storeId(), "T" + terminals++, "test");
    return t.enrollmentCode();
  }

  private static TestCloud.Reply enroll(String code, String deviceName, String key) {
    Map<String, String> headers = new HashMap<>();
    if (key != null) {
      headers.put("Idempotency-Key", key);
    }
    return cloud.send(
        "POST",
        "/v1/terminals/enroll",
        "{\"code\":\"" + code + "\",\"deviceName\":\"" + deviceName + "\"}",
        headers);
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }

  @Test
  void aRetryWithTheSameKeyGetsTheSameCredentialAndItWorks() {
    String code = newCode();
    String key = key();
    long enrolled = cloud.audited("TERMINAL_ENROLLED");
    TestCloud.Reply first = enroll(code, "till", key);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    // The technician types the code in lower case the second time: the same code.
    TestCloud.Reply again = enroll(code.toLowerCase(java.util.Locale.ROOT), "till", key);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(cloud.audited("TERMINAL_ENROLLED")).isEqualTo(enrolled + 1);
    TestCloud.Reply config =
        cloud.send(
            "GET",
            "/v1/terminal/config",
            null,
            Map.of("Authorization", "Bearer " + again.json().get("credential").asText()));
    assertThat(config.status()).as(config.body()).isEqualTo(200);
  }

  @Test
  void anotherKeyOrNoKeyCannotUseAUsedCode() {
    String code = newCode();
    assertThat(enroll(code, "till", key()).status()).isEqualTo(201);
    assertThat(enroll(code, "till", key()).status()).isEqualTo(401);
    assertThat(enroll(code, "till", null).status()).isEqualTo(401);

    String unkeyed = newCode();
    assertThat(enroll(unkeyed, "till", null).status()).isEqualTo(201);
    assertThat(enroll(unkeyed, "till", key()).status()).isEqualTo(401);
  }

  @Test
  void afterTheWindowTheSameKeyIsRefusedAndNothingSealedIsKept() {
    String code = newCode();
    String key = key();
    assertThat(enroll(code, "till", key).status()).isEqualTo(201);
    clock.advance(AuthService.ENROLLMENT_RETRY_WINDOW.minusSeconds(1));
    assertThat(enroll(code, "till", key).status()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(2));
    assertThat(enroll(code, "till", key).status()).isEqualTo(401);

    // The next enrollment drops the sealed secrets whose window has passed.
    assertThat(enroll(newCode(), "till", key()).status()).isEqualTo(201);
    assertThat(sealedSecrets()).hasSize(1);
  }

  @Test
  void theSameKeyWithAnotherCodeOrDeviceNameIsAConflict() {
    String code = newCode();
    String key = key();
    assertThat(enroll(code, "till", key).status()).isEqualTo(201);
    assertThat(enroll(code, "another till", key).status()).isEqualTo(409);
    String other = newCode();
    assertThat(enroll(other, "till", key).status()).isEqualTo(409);
    // The other code is untouched by the refusal.
    assertThat(enroll(other, "till", key()).status()).isEqualTo(201);
  }

  @Test
  void aRetryAfterTheTerminalWasReplacedIsRefused() {
    AdminService.NewTerminal t =
        cloud
            .services
            .admin()
            .createTerminal(
                cloud.demo.organisationId(), cloud.demo.storeId(), "T" + terminals++, "test");
    String key = key();
    assertThat(enroll(t.enrollmentCode(), "old till", key).status()).isEqualTo(201);
    AdminService.NewTerminal replacement =
        cloud
            .services
            .admin()
            .replaceTerminal(cloud.demo.organisationId(), cloud.demo.storeId(), terminalCode(t));
    assertThat(enroll(replacement.enrollmentCode(), "new till", key()).status()).isEqualTo(201);
    assertThat(enroll(t.enrollmentCode(), "old till", key).status()).isEqualTo(401);
  }

  @Test
  void theCredentialIsKeptOnlySealed() {
    String code = newCode();
    TestCloud.Reply r = enroll(code, "till", key());
    String credential = r.json().get("credential").asText();
    byte[] secret =
        credential.substring(credential.indexOf('.') + 1).getBytes(StandardCharsets.UTF_8);
    List<byte[]> sealed = sealedSecrets();
    assertThat(sealed).isNotEmpty();
    for (byte[] s : sealed) {
      assertThat(new String(s, StandardCharsets.ISO_8859_1))
          .doesNotContain(new String(secret, StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void anIdempotencyKeyThatIsNotAUuidIsABadRequest() {
    TestCloud.Reply r = enroll(newCode(), "till", "again");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  private static String terminalCode(AdminService.NewTerminal t) {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select code from terminal where id = :id")
                    .bind("id", t.terminalId())
                    .mapTo(String.class)
                    .one());
  }

  private static List<byte[]> sealedSecrets() {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select sealed_secret from enrollment_code where sealed_secret is not null")
                    .mapTo(byte[].class)
                    .list());
  }
}
