package io.kasa.service.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.service.MutableClock;
import io.kasa.service.TestCloud;
import io.kasa.service.auth.Secrets;
import io.kasa.service.sales.TestPaymentProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Back-office accounts through their documented routes (ADR 0040): sign-in, who-am-I, sign-out,
 * TOTP, lockout per account (under concurrent guesses) and per address, single-use expiring
 * password links, sessions kept only as hashes, every sign-in audited with its account.
 */
class OfficeAccountsApiTest {

  private static final String PASSWORD = "correct horse battery";
  private static MutableClock clock;
  private static TestCloud cloud;

  @BeforeAll
  static void start() throws Exception {
    clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    cloud = new TestCloud(new TestPaymentProcessor(), clock);
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private static OfficeAccounts accounts() {
    return cloud.services.officeAccounts();
  }

  private static String newAccount(String role) {
    String email = "a" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    accounts().create(cloud.demo.organisationId(), email, role, List.of(), PASSWORD);
    return email;
  }

  private static TestCloud.Reply signIn(String email, String password, String code) {
    return cloud.send(
        "POST",
        "/v1/office/sessions",
        "{\"email\":\""
            + email
            + "\",\"password\":\""
            + password
            + "\""
            + (code == null ? "" : ",\"code\":\"" + code + "\"")
            + "}",
        Map.of());
  }

  @Test
  void signInWhoAmIAndSignOut() {
    String email = newAccount("manager");
    TestCloud.Reply r = signIn(email.toUpperCase(java.util.Locale.ROOT), PASSWORD, null);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String token = r.json().get("token").asText();
    assertThat(r.json().get("account").get("role").asText()).isEqualTo("manager");
    assertThat(r.json().get("account").get("stores").isNull()).isTrue();

    Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
    TestCloud.Reply me = cloud.send("GET", "/v1/office/me", null, bearer);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("email").asText()).isEqualTo(email);
    assertThat(me.json().get("organisationName").asText()).isEqualTo("Колосок");

    // Only the secret's hash is stored.
    long byHash =
        cloud
            .database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from office_session where token_hash = :h")
                        .bind("h", Secrets.sha256(token))
                        .mapTo(Long.class)
                        .one());
    assertThat(byHash).isEqualTo(1);

    assertThat(cloud.send("DELETE", "/v1/office/sessions/current", null, bearer).status())
        .isEqualTo(204);
    TestCloud.Reply after = cloud.send("GET", "/v1/office/me", null, bearer);
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.contentType()).startsWith("application/problem+json");
    assertThat(auditedFor(email, "office.sign-in")).isEqualTo(1);
    assertThat(auditedFor(email, "office.sign-out")).isEqualTo(1);
  }

  @Test
  void wrongPasswordsAreRefusedAlike() {
    String email = newAccount("accountant");
    TestCloud.Reply wrong = signIn(email, "not the password", null);
    TestCloud.Reply unknown = signIn("nobody@example.com", PASSWORD, null);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    assertThat(signIn(email, PASSWORD, null).status()).isEqualTo(201);
    assertThat(cloud.send("POST", "/v1/office/sessions", "{\"email\":\"x\"}", Map.of()).status())
        .isEqualTo(422);
  }

  @Test
  void concurrentGuessesLockTheAccountAfterFive() throws Exception {
    String email = newAccount("owner");
    ExecutorService pool = Executors.newFixedThreadPool(12);
    List<Future<Integer>> tries = new ArrayList<>();
    try {
      for (int i = 0; i < 12; i++) {
        Callable<Integer> guess =
            () -> signIn(email, "wrong guess " + UUID.randomUUID(), null).status();
        tries.add(pool.submit(guess));
      }
      int refused = 0;
      int locked = 0;
      for (Future<Integer> f : tries) {
        int s = f.get();
        if (s == 401) {
          refused++;
        } else if (s == 423) {
          locked++;
        }
      }
      assertThat(refused).isEqualTo(OfficeSignIn.MAX_ACCOUNT_FAILURES - 1);
      assertThat(locked).isEqualTo(12 - refused);
    } finally {
      pool.shutdownNow();
    }
    assertThat(auditedFor(email, "office.sign-in.wrong-password"))
        .isEqualTo(OfficeSignIn.MAX_ACCOUNT_FAILURES);
    assertThat(auditedFor(email, "office.lockout")).isEqualTo(1);
    TestCloud.Reply right = signIn(email, PASSWORD, null);
    assertThat(right.status()).isEqualTo(423);
    assertThat(right.json().get("detail").asText()).contains("locked until");
    clock.advance(OfficeSignIn.LOCKOUT.plusSeconds(1));
    assertThat(signIn(email, PASSWORD, null).status()).isEqualTo(201);
  }

  @Test
  void totpIsAskedForCheckedAndNeverAcceptedTwice() {
    String email = newAccount("owner");
    OfficeAccount a =
        accounts().list(cloud.demo.organisationId()).stream()
            .filter(x -> x.email().equals(email))
            .findFirst()
            .orElseThrow();
    byte[] key = accounts().startTotp(a);
    long step = Totp.step(clock.instant().getEpochSecond());
    assertThat(
            accounts().confirmTotp(a, "000000".equals(Totp.code(key, step)) ? "111111" : "000000"))
        .isFalse();
    assertThat(accounts().confirmTotp(a, Totp.code(key, step))).isTrue();

    TestCloud.Reply none = signIn(email, PASSWORD, null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().get("type").asText()).endsWith("/code-required");
    // The code that turned TOTP on is used up; the next step's is accepted once.
    assertThat(signIn(email, PASSWORD, Totp.code(key, step)).status()).isEqualTo(401);
    clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    String next = Totp.code(key, step + 1);
    TestCloud.Reply ok = signIn(email, PASSWORD, next);
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    assertThat(ok.json().get("account").get("totp").asBoolean()).isTrue();
    assertThat(signIn(email, PASSWORD, next).status()).isEqualTo(401);
  }

  @Test
  void passwordLinksAreSingleUseAndExpire() {
    OfficeAccounts.Created c =
        accounts()
            .create(
                cloud.demo.organisationId(),
                "new-" + UUID.randomUUID() + "@example.com",
                "manager",
                List.of(cloud.demo.storeId()),
                null);
    OfficeAccount a = accounts().linkAccount(c.linkToken()).orElseThrow();
    assertThat(a.passwordSet()).isFalse();
    assertThat(a.stores()).containsExactly(cloud.demo.storeId());
    assertThat(signIn(a.email(), PASSWORD, null).status()).isEqualTo(401);
    assertThat(accounts().setPassword(c.linkToken(), PASSWORD)).isTrue();
    assertThat(accounts().setPassword(c.linkToken(), "another password")).isFalse();
    assertThat(signIn(a.email(), PASSWORD, null).status()).isEqualTo(201);

    String reset = accounts().resetLink(a.email());
    clock.advance(OfficeAccounts.LINK_LIFETIME.plusSeconds(1));
    assertThat(accounts().linkAccount(reset)).isEmpty();
    assertThat(accounts().setPassword(reset, "another password")).isFalse();
    assertThat(auditedFor(a.email(), "office.password-set")).isEqualTo(1);
  }

  /** How many audit entries of {@code action} name the account with {@code email}. */
  static long auditedFor(String email, String action) {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from audit_log l join office_account a"
                            + " on a.id = l.office_account_id where a.email = :e"
                            + " and l.action = :action")
                    .bind("e", email)
                    .bind("action", action)
                    .mapTo(Long.class)
                    .one());
  }
}
