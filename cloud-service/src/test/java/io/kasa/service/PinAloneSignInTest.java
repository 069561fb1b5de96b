package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.service.auth.AuthService;
import io.kasa.service.auth.Role;
import io.kasa.service.http.ApiException;
import io.kasa.service.sales.TestPaymentProcessor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in by PIN alone (ADR 0021): the PIN names its employee, PINs are unique per organisation,
 * and wrong PINs typed alone are counted per terminal with the same atomic claims as by name.
 */
class PinAloneSignInTest {

  private static final int MAX = AuthService.MAX_FAILED_PINS;
  private static final MutableClock clock = new MutableClock(Instant.now());
  private static TestCloud cloud;
  private static int terminals;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud(new TestPaymentProcessor(), clock);
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  /** A fresh terminal of the demo store, so each test has its own count. */
  private static String terminal() {
    return cloud.enrollTerminal("P" + ++terminals, "PIN " + terminals).authorization();
  }

  private static TestCloud.Reply pinAlone(String terminal, String pin) {
    return cloud.send(
        "POST", "/v1/sessions", "{\"pin\":\"" + pin + "\"}", Map.of("Authorization", terminal));
  }

  private static int byName(String terminal, UUID employee, String pin) {
    return cloud
        .send(
            "POST",
            "/v1/sessions",
            "{\"employeeId\":\"" + employee + "\",\"pin\":\"" + pin + "\"}",
            Map.of("Authorization", terminal))
        .status();
  }

  @Test
  void theDocumentedCashierPinAloneSignsInTheCashier() {
    TestCloud.Reply r = pinAlone(terminal(), "1111");
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().get("employeeId").asText()).isEqualTo(cloud.demo.cashierId().toString());
    assertThat(r.json().get("role").asText()).isEqualTo("CASHIER");
  }

  @Test
  void aPinAnotherEmployeeOfTheOrganisationHasIsRefusedWhenSet() {
    UUID org = cloud.demo.organisationId();
    assertThatThrownBy(
            () -> cloud.services.admin().createEmployee(org, "Двійник", Role.CASHIER, "1111"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("Another employee");
    // Another organisation may use it: the PIN names an employee only within its organisation.
    UUID other = cloud.services.admin().createOrganisation("Інша");
    assertThat(cloud.services.admin().createEmployee(other, "Ззовні", Role.CASHIER, "1111"))
        .isNotNull();
  }

  @Test
  void employeesWhosePinPredatesTheLookupAreFoundByTheirVerifierAndGetTheirLookup() {
    UUID org = cloud.demo.organisationId();
    UUID old = cloud.services.admin().createEmployee(org, "Давній", Role.CASHIER, "6061");
    cloud.execute("update employee set pin_lookup = null where id = ?", old);

    TestCloud.Reply r = pinAlone(terminal(), "6061");
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().get("employeeId").asText()).isEqualTo(old.toString());
    Boolean filled =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select pin_lookup is not null from employee where id = :e")
                        .bind("e", old)
                        .mapTo(Boolean.class)
                        .one());
    assertThat(filled).isTrue();
    // Setting the same PIN for someone else was refused even before the lookup was filled in.
    cloud.execute("update employee set pin_lookup = null where id = ?", old);
    assertThatThrownBy(
            () -> cloud.services.admin().createEmployee(org, "Новий", Role.CASHIER, "6061"))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void wrongPinsTypedAloneAtOnceAreCountedOnTheTerminalAndLockIt() throws Exception {
    String till = terminal();
    int guesses = 20;
    ExecutorService threads = Executors.newFixedThreadPool(guesses);
    List<Integer> statuses = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> sent = new ArrayList<>();
      for (int i = 0; i < guesses; i++) {
        sent.add(
            threads.submit(
                () -> {
                  go.await();
                  return pinAlone(till, "0000").status();
                }));
      }
      go.countDown();
      for (Future<Integer> f : sent) {
        statuses.add(f.get());
      }
    } finally {
      threads.shutdown();
    }
    assertThat(statuses).filteredOn(s -> s == 401).hasSize(MAX);
    assertThat(statuses).filteredOn(s -> s == 423).hasSize(guesses - MAX);

    // The right PIN alone is refused unchecked on this terminal; by name it still signs in.
    TestCloud.Reply locked = pinAlone(till, "1111");
    assertThat(locked.status()).isEqualTo(423);
    assertThat(locked.json().get("detail").asText()).contains("choose your name");
    assertThat(byName(till, cloud.demo.cashierId(), "1111")).isEqualTo(201);
    // Another terminal is not locked.
    assertThat(pinAlone(terminal(), "1111").status()).isEqualTo(201);

    clock.advance(AuthService.LOCKOUT.plusSeconds(1));
    assertThat(pinAlone(till, "1111").status()).isEqualTo(201);
  }

  @Test
  void aRightPinBetweenWrongOnesBuysNoMoreGuesses() {
    String till = terminal();
    for (int i = 0; i < MAX - 1; i++) {
      assertThat(pinAlone(till, "0001").status()).isEqualTo(401);
    }
    assertThat(pinAlone(till, "1111").status()).isEqualTo(201);
    assertThat(pinAlone(till, "0001").status()).isEqualTo(401);
    assertThat(pinAlone(till, "0001").status()).isEqualTo(423);
  }

  @Test
  void anEmployeeLockedOutByNameCannotSignInByPinAlone() {
    UUID org = cloud.demo.organisationId();
    UUID cashier = cloud.services.admin().createEmployee(org, "Замкнена", Role.CASHIER, "7071");
    String till = terminal();
    for (int i = 0; i < MAX; i++) {
      assertThat(byName(till, cashier, "0000")).isEqualTo(401);
    }
    assertThat(pinAlone(terminal(), "7071").status()).isEqualTo(423);
  }

  @Test
  void aPinSharedBeforePinsHadToBeUniqueSignsNobodyInAloneButWorksByName() {
    UUID org = cloud.demo.organisationId();
    UUID first = cloud.services.admin().createEmployee(org, "Перша", Role.CASHIER, "8081");
    UUID second = cloud.services.admin().createEmployee(org, "Друга", Role.CASHIER, "8082");
    // As two employees set up before V18 with the same PIN.
    cloud.execute(
        "update employee set pin_lookup = null,"
            + " pin_hash = (select pin_hash from employee where id = ?) where id in (?, ?)",
        first,
        first,
        second);
    String till = terminal();
    TestCloud.Reply r = pinAlone(till, "8081");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().get("detail").asText()).contains("choose your name first");
    assertThat(byName(till, second, "8081")).isEqualTo(201);
  }
}
