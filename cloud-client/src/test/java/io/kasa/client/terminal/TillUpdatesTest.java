package io.kasa.client.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kasa.api.terminal.OfflineCardRules;
import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.sim.FaultProxy;
import io.kasa.client.sim.FaultProxy.Fault;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.service.TestCloud;
import io.kasa.service.admin.AdminService;
import io.kasa.service.auth.Role;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A till takes in what changes on the service — prices, items, staff, PINs, the store's rules —
 * within seconds while online, on reconnection after being offline, and at start after being off,
 * without anybody asking it to sync (ADR 0028).
 */
class TillUpdatesTest {

  private static final Duration SECONDS = Duration.ofSeconds(30);

  private static TestCloud cloud;
  private static int terminals;
  private FaultProxy proxy;
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
        .withRetries(1, Duration.ofMillis(20), Duration.ofMillis(100));
  }

  private CloudTerminal open() {
    return CloudTerminal.open(dir, Clock.systemUTC(), this::config);
  }

  private CloudTerminal enrolled() {
    AdminService.NewTerminal t =
        cloud
            .services
            .admin()
            .createTerminal(
                cloud.demo.organisationId(),
                cloud.demo.storeId(),
                "U" + (10 + terminals++),
                "test");
    CloudTerminal terminal = open();
    terminal.enroll(URI.create("http://127.0.0.1:" + proxy.port()), t.enrollmentCode(), "test");
    return terminal;
  }

  private static long price(CloudTerminal t, String item) {
    return t.catalog().byId(item).map(CatalogItem::price).orElseThrow().minor();
  }

  private static boolean knows(CloudTerminal t, UUID employee) {
    return t.settings().staffMember(employee).isPresent();
  }

  private static UUID org() {
    return cloud.demo.organisationId();
  }

  @Test
  void aPriceChangedOnTheServiceReachesARunningTillWithinSeconds() {
    try (CloudTerminal t = enrolled()) {
      long before = price(t, "p4");
      cloud.services.admin().setPrice(org(), "p4", before + 1500);
      await().atMost(SECONDS).until(() -> price(t, "p4") == before + 1500);
    }
  }

  @Test
  void aNewCashierAndTheStoresNewRulesReachARunningTill() {
    try (CloudTerminal t = enrolled()) {
      UUID newcomer =
          cloud.services.admin().createEmployee(org(), "Мирослава", Role.CASHIER, "8642");
      cloud
          .services
          .admin()
          .configureStore(
              org(),
              cloud.demo.storeId(),
              null,
              null,
              new OfflineCardRules(true, 70000, 300000, 90));
      await()
          .atMost(SECONDS)
          .until(
              () ->
                  knows(t, newcomer) && t.config().store().offlineCards().perSaleLimit() == 70000);
      assertThat(t.currentAt()).isNotNull();
    }
  }

  @Test
  void aDismissedEmployeeIsRefusedOfflineAfterTheTillsNextContact() throws Exception {
    UUID leaver = cloud.services.admin().createEmployee(org(), "Зиновій", Role.CASHIER, "97531");
    try (CloudTerminal t = enrolled()) {
      assertThat(knows(t, leaver)).isTrue();
      proxy.fault(Fault.REFUSE);
      cloud.services.admin().staff().deactivate(org(), leaver);
      // No contact yet: the till still knows only what it was told.
      assertThat(t.signIn(leaver, "97531").offline()).isTrue();
      proxy.fault(Fault.NONE);
      await().atMost(SECONDS).until(() -> !knows(t, leaver));
      proxy.fault(Fault.REFUSE);
      assertThatThrownBy(() -> t.signIn(leaver, "97531"))
          .isInstanceOfSatisfying(
              SignInRefused.class,
              e -> assertThat(e.reason()).isEqualTo(SignInRefused.Reason.UNKNOWN_EMPLOYEE));
      assertThatThrownBy(() -> t.signIn(null, "97531")).isInstanceOf(SignInRefused.class);
    }
  }

  @Test
  void aChangedPinWorksAndTheOldOneDoesNotOfflineAfterTheNextContact() throws Exception {
    UUID cashier = cloud.services.admin().createEmployee(org(), "Соломія", Role.CASHIER, "11235");
    try (CloudTerminal t = enrolled()) {
      String before = t.settings().staffMember(cashier).orElseThrow().member().pinVerifier();
      cloud.services.admin().staff().changePin(org(), cashier, "81321");
      await()
          .atMost(SECONDS)
          .until(
              () ->
                  !t.settings()
                      .staffMember(cashier)
                      .orElseThrow()
                      .member()
                      .pinVerifier()
                      .equals(before));
      proxy.fault(Fault.REFUSE);
      assertThatThrownBy(() -> t.signIn(cashier, "11235")).isInstanceOf(SignInRefused.class);
      assertThat(t.signIn(cashier, "81321").offline()).isTrue();
    }
  }

  @Test
  void aTillOfflineDuringChangesCatchesUpOnReconnect() throws Exception {
    try (CloudTerminal t = enrolled()) {
      long before = price(t, "p6");
      proxy.fault(Fault.REFUSE);
      cloud.services.admin().setPrice(org(), "p6", before + 700);
      UUID newcomer = cloud.services.admin().createEmployee(org(), "Ярема", Role.CASHIER, "24680");
      assertThat(price(t, "p6")).isEqualTo(before);
      proxy.fault(Fault.NONE);
      await().atMost(SECONDS).until(() -> price(t, "p6") == before + 700 && knows(t, newcomer));
    }
  }

  @Test
  void aTillOffWhileThingsChangedCatchesUpAtStart() {
    long before;
    try (CloudTerminal t = enrolled()) {
      before = price(t, "p7");
      await().atMost(SECONDS).until(() -> t.currentAt() != null);
    }
    cloud.services.admin().setPrice(org(), "p7", before + 900);
    try (CloudTerminal again = open()) {
      await().atMost(SECONDS).until(() -> price(again, "p7") == before + 900);
    }
  }

  @Test
  void anUpdateHeardTwiceAppliesTheSameState() {
    try (CloudTerminal t = enrolled()) {
      await().atMost(SECONDS).until(() -> t.currentAt() != null);
      long size = t.catalog().size();
      int staff = t.settings().staff().size();
      TerminalUpdates updates =
          new TerminalUpdates(t.store(), t.settings(), t::client, t::catalog, Clock.systemUTC());
      // The feed keeps the version after what it fetched; being current is said a moment before.
      await().atMost(SECONDS).until(() -> updates.version().isPresent());
      long version = updates.version().orElseThrow();
      updates.apply(version);
      updates.apply(version);
      assertThat(t.catalog().size()).isEqualTo(size);
      assertThat(t.settings().staff()).hasSize(staff);
      assertThat(updates.version()).hasValue(version);
    }
  }
}
