package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.service.auth.AuthService;
import io.kasa.service.auth.Role;
import io.kasa.service.sales.TestPaymentProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PIN lockout under guesses sent all at once, on sign-in and on a manager's approval by PIN,
 * and how it ends: a right PIN before the limit, or the lockout running out on the service's clock.
 */
class PinLockoutTest {

  private static final int GUESSES = 20;
  private static final int MAX = AuthService.MAX_FAILED_PINS;

  private static final MutableClock clock = new MutableClock(Instant.now());
  private static TestCloud cloud;
  private static String terminal;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud(new TestPaymentProcessor(), clock);
    terminal = cloud.enrollDemoTerminal();
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static UUID employee(Role role, String pin) {
    return cloud.services.admin().createEmployee(cloud.demo.organisationId(), "Тест", role, pin);
  }

  private static int signIn(UUID employee, String pin) {
    return cloud
        .send(
            "POST",
            "/v1/sessions",
            "{\"employeeId\":\"" + employee + "\",\"pin\":\"" + pin + "\"}",
            Map.of("Authorization", terminal))
        .status();
  }

  /** The statuses of {@code request} sent {@link #GUESSES} times at once. */
  private static List<Integer> atOnce(Supplier<Integer> request) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(GUESSES);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> sent = new ArrayList<>();
      for (int i = 0; i < GUESSES; i++) {
        sent.add(
            threads.submit(
                () -> {
                  go.await();
                  return request.get();
                }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : sent) {
        statuses.add(f.get());
      }
      return statuses;
    } finally {
      threads.shutdown();
    }
  }

  private static long audited(UUID employee, String action) {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from audit_log where employee_id = :e and action = :a")
                    .bind("e", employee)
                    .bind("a", action)
                    .mapTo(Long.class)
                    .one());
  }

  /** Wrong PINs in a row as the service counts them. */
  private static int failed(UUID employee) {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select failed from pin_attempt where employee_id = :e")
                    .bind("e", employee)
                    .mapTo(Integer.class)
                    .one());
  }

  @Test
  void wrongPinsSentAtOnceAreAllCountedAndTheLockHoldsForTheRightPin() throws Exception {
    UUID cashier = employee(Role.CASHIER, "2468");
    List<Integer> statuses = atOnce(() -> signIn(cashier, "0000"));

    // Exactly as many were checked as the lockout allows; the rest were refused unchecked.
    assertThat(statuses).filteredOn(s -> s == 401).hasSize(MAX);
    assertThat(statuses).filteredOn(s -> s == 423).hasSize(GUESSES - MAX);
    assertThat(failed(cashier)).isEqualTo(MAX);
    assertThat(audited(cashier, "PIN_FAILED")).isEqualTo(MAX - 1);
    assertThat(audited(cashier, "PIN_LOCKOUT")).isEqualTo(1);
    assertThat(signIn(cashier, "2468")).isEqualTo(423);
  }

  @Test
  void aManagersWrongPinsSentAtOnceOnApprovalsLockTheManagerOut() throws Exception {
    UUID manager = employee(Role.MANAGER, "8642");
    Map<String, String> cashier = cloud.signedIn(terminal, cloud.demo.cashierId(), "1111");
    Supplier<Integer> approve =
        () ->
            cloud
                .post(
                    cashier,
                    "/v1/approvals",
                    null,
                    "{\"action\":\"PRICE_OVERRIDE\",\"managerId\":\""
                        + manager
                        + "\",\"pin\":\"1357\"}")
                .status();
    List<Integer> statuses = atOnce(approve);

    assertThat(statuses).filteredOn(s -> s == 401).hasSize(MAX);
    assertThat(statuses).filteredOn(s -> s == 423).hasSize(GUESSES - MAX);
    assertThat(failed(manager)).isEqualTo(MAX);
    assertThat(audited(manager, "PIN_LOCKOUT")).isEqualTo(1);
    TestCloud.Reply right =
        cloud.post(
            cashier,
            "/v1/approvals",
            null,
            "{\"action\":\"PRICE_OVERRIDE\",\"managerId\":\"" + manager + "\",\"pin\":\"8642\"}");
    assertThat(right.status()).isEqualTo(423);
    assertThat(right.json().get("detail").asText()).startsWith("Too many wrong PINs");
    // One lockout, whichever way the PIN is asked for.
    assertThat(signIn(manager, "8642")).isEqualTo(423);
  }

  @Test
  void aRightPinBeforeTheLimitSignsInAndTheCountStartsAgain() {
    UUID cashier = employee(Role.CASHIER, "1470");
    for (int i = 0; i < MAX - 1; i++) {
      assertThat(signIn(cashier, "0000")).isEqualTo(401);
    }
    assertThat(failed(cashier)).isEqualTo(MAX - 1);
    assertThat(signIn(cashier, "1470")).isEqualTo(201);
    assertThat(failed(cashier)).isZero();
    for (int i = 0; i < MAX - 1; i++) {
      assertThat(signIn(cashier, "0000")).isEqualTo(401);
    }
    assertThat(signIn(cashier, "1470")).isEqualTo(201);
    assertThat(audited(cashier, "PIN_LOCKOUT")).isZero();
  }

  @Test
  void onceTheLockoutHasRunOutTheRightPinSignsIn() {
    UUID cashier = employee(Role.CASHIER, "3690");
    for (int i = 0; i < MAX; i++) {
      assertThat(signIn(cashier, "0000")).isEqualTo(401);
    }
    assertThat(signIn(cashier, "3690")).isEqualTo(423);
    clock.advance(AuthService.LOCKOUT.minusSeconds(1));
    assertThat(signIn(cashier, "3690")).isEqualTo(423);
    clock.advance(Duration.ofSeconds(2));
    assertThat(signIn(cashier, "3690")).isEqualTo(201);
    assertThat(failed(cashier)).isZero();
    // A new count: one wrong PIN does not lock again.
    assertThat(signIn(cashier, "0000")).isEqualTo(401);
    assertThat(signIn(cashier, "3690")).isEqualTo(201);
  }

  @Test
  void attemptsLeftUnsettledByAStoppedServiceDoNotLockTheEmployeeForever() {
    UUID cashier = employee(Role.CASHIER, "2580");
    // As a service killed while checking MAX PINs leaves them: claimed, never settled.
    cloud.execute(
        "insert into pin_attempt (organisation_id, employee_id, pending, claimed_at)"
            + " values (?, ?, ?, ?)",
        cloud.demo.organisationId(),
        cashier,
        MAX,
        clock.instant().atOffset(java.time.ZoneOffset.UTC));
    assertThat(signIn(cashier, "2580")).isEqualTo(423);
    clock.advance(Duration.ofMinutes(2));
    assertThat(signIn(cashier, "2580")).isEqualTo(201);
  }
}
