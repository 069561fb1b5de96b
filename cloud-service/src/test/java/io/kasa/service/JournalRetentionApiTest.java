package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.api.Problem;
import io.kasa.service.cli.KasaCloud;
import io.kasa.service.http.ApiException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * How long a store's tills keep acknowledged journal entries in their outbox before archiving them
 * (ADR 0037): 90 days until set, set by the admin command beside the running service, refused
 * outside a week to ten years with a problem naming the field, and carried to the tills in their
 * configuration with the store's version moved so they hear of it (ADR 0028).
 */
class JournalRetentionApiTest {

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

  @AfterEach
  void backToTheDefault() {
    cloud.services.admin().stores().setJournalRetention(org(), store(), 90);
  }

  @Test
  void aStoresTillsKeepNinetyDaysUntilToldOtherwise() {
    assertThat(retention()).isEqualTo(90);
  }

  @Test
  void theAdminCommandSetsItAndTheTillsHearOfIt() {
    long before = version();
    Run set =
        admin(
            "admin",
            "set-journal-retention",
            "--data",
            cloud.dataDirectory().toString(),
            "--org",
            org().toString(),
            "--store",
            store().toString(),
            "--days",
            "30");
    assertThat(set.code()).as(set.err()).isZero();
    assertThat(set.out()).contains("archive their journal after 30 days");
    assertThat(version()).isGreaterThan(before);
    assertThat(retention()).isEqualTo(30);
  }

  @Test
  void lessThanAWeekOrMoreThanTenYearsIsRefusedWithAProblemAndNothingChanges() {
    cloud.services.admin().stores().setJournalRetention(org(), store(), 45);
    long before = version();
    for (int days : new int[] {6, 0, -1, 3651}) {
      assertThatThrownBy(
              () -> cloud.services.admin().stores().setJournalRetention(org(), store(), days))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                Problem p = e.problem();
                assertThat(p.status()).isEqualTo(422);
                assertThat(p.type()).endsWith("/validation");
                assertThat(p.detail()).contains("7 to 3650 days").contains("not " + days);
                assertThat(p.errors())
                    .singleElement()
                    .satisfies(f -> assertThat(f.pointer()).isEqualTo("/journalRetentionDays"));
              });
    }
    assertThat(version()).isEqualTo(before);
    assertThat(retention()).isEqualTo(45);

    Run wrong =
        admin(
            "admin",
            "set-journal-retention",
            "--data",
            cloud.dataDirectory().toString(),
            "--org",
            org().toString(),
            "--store",
            store().toString(),
            "--days",
            "3");
    assertThat(wrong.code()).isNotZero();
    assertThat(wrong.err()).contains("7 to 3650 days before archiving it, not 3");
    assertThat(retention()).isEqualTo(45);
  }

  @Test
  void anotherOrganisationsStoreIsNotFound() {
    UUID other = cloud.services.admin().createOrganisation("Інша");
    assertThatThrownBy(
            () -> cloud.services.admin().stores().setJournalRetention(other, store(), 30))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.problem().status()).isEqualTo(404));
    assertThat(retention()).isEqualTo(90);
  }

  @Test
  void theDatabaseRefusesAValueOutsideTheRangeWhoeverWritesIt() {
    assertThatThrownBy(
            () ->
                cloud.execute("update store set journal_retention_days = 1 where id = ?", store()))
        .hasMessageContaining("journal_retention_days");
    assertThat(retention()).isEqualTo(90);
  }

  private record Run(int code, String out, String err) {}

  private static Run admin(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new KasaCloud());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static int retention() {
    TestCloud.Reply r =
        cloud.send("GET", "/v1/terminal/config", null, Map.of("Authorization", terminal));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().at("/store/journalRetentionDays").asInt();
  }

  private static long version() {
    return cloud.services.app().terminals().feed().version(org(), store());
  }

  private static UUID org() {
    return cloud.demo.organisationId();
  }

  private static UUID store() {
    return cloud.demo.storeId();
  }
}
