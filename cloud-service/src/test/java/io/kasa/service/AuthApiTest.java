package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.service.admin.AdminService;
import io.kasa.service.auth.AuthService;
import io.kasa.service.auth.Role;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthApiTest {

  private static TestCloud cloud;
  private static String terminal;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    terminal = cloud.enrollDemoTerminal();
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  @Test
  void unauthenticatedSaleIs401Problem() {
    TestCloud.Reply r = cloud.send("POST", "/v1/sales", "{}", Map.of());
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("status").asInt()).isEqualTo(401);
  }

  @Test
  void anEnrollmentCodeWorksOnce() {
    AdminService.NewTerminal t =
        cloud
            .services
            .admin()
            .createTerminal(cloud.demo.organisationId(), cloud.demo.storeId(), "T9", "Каса 9");
    String body = "{\"code\":\"" + t.enrollmentCode().toLowerCase(java.util.Locale.ROOT) + "\"}";
    assertThat(cloud.send("POST", "/v1/terminals/enroll", body, Map.of()).status()).isEqualTo(201);
    assertThat(cloud.send("POST", "/v1/terminals/enroll", body, Map.of()).status()).isEqualTo(401);
  }

  @Test
  void credentialsAreStoredOnlyAsHashes() {
    long plain =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from employee where pin_hash like '%1111%' or pin_hash not like 'pbkdf2-sha256$%'")
                        .mapTo(Long.class)
                        .one());
    assertThat(plain).isZero();
  }

  @Test
  void repeatedWrongPinsLockTheEmployeeOut() {
    UUID employee =
        cloud
            .services
            .admin()
            .createEmployee(cloud.demo.organisationId(), "Тарас", Role.CASHIER, "2468");
    String wrong = "{\"employeeId\":\"" + employee + "\",\"pin\":\"0000\"}";
    for (int i = 0; i < AuthService.MAX_FAILED_PINS; i++) {
      assertThat(
              cloud.send("POST", "/v1/sessions", wrong, Map.of("Authorization", terminal)).status())
          .isEqualTo(401);
    }
    String right = "{\"employeeId\":\"" + employee + "\",\"pin\":\"2468\"}";
    TestCloud.Reply locked =
        cloud.send("POST", "/v1/sessions", right, Map.of("Authorization", terminal));
    assertThat(locked.status()).isEqualTo(423);
    long audited =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from audit_log where employee_id = :e and action in ('PIN_FAILED','PIN_LOCKOUT')")
                        .bind("e", employee)
                        .mapTo(Long.class)
                        .one());
    assertThat(audited).isEqualTo(AuthService.MAX_FAILED_PINS);
  }

  @Test
  void aRevokedTerminalIsCutOffAtOnce() {
    TestCloud.Enrolled t = cloud.enrollTerminal("T8", "Каса 8");
    String auth = t.authorization();
    String session = cloud.signIn(auth, cloud.demo.cashierId().toString(), "1111");
    Map<String, String> headers = Map.of("Authorization", auth, "Kasa-Session", session);
    assertThat(cloud.send("GET", "/v1/sales?receipt=K1-T8-1", null, headers).status())
        .isEqualTo(404);
    cloud.services.admin().revokeTerminal(cloud.demo.organisationId(), t.id());
    assertThat(cloud.send("GET", "/v1/sales?receipt=K1-T8-1", null, headers).status())
        .isEqualTo(401);
  }

  @Test
  void signingOutEndsTheSession() {
    String session = cloud.signIn(terminal, cloud.demo.managerId().toString(), "9999");
    Map<String, String> headers = Map.of("Authorization", terminal, "Kasa-Session", session);
    assertThat(cloud.send("DELETE", "/v1/sessions/current", null, headers).status()).isEqualTo(204);
    assertThat(cloud.send("GET", "/v1/sales?receipt=K1-T1-1", null, headers).status())
        .isEqualTo(401);
  }
}
