package io.kasa.client.kitchen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.api.floor.AddLineRequest;
import io.kasa.api.floor.SeatRequest;
import io.kasa.api.floor.SendRequest;
import io.kasa.api.floor.TableDto;
import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.service.TestCloud;
import io.kasa.service.admin.AdminService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The printing terminal's guarantee (ADR 0053): a ticket whose printing was cut off between the
 * bytes and the cursor is printed again marked as a repeat, once; a printer that reports it wrote
 * nothing gets the same ticket again, not marked; every other ticket prints once.
 */
class KitchenFeedTest {

  private static TestCloud cloud;
  private static int terminals;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  private CloudTerminal terminal(Path where, boolean host) {
    AdminService.NewTerminal t =
        cloud
            .services
            .admin()
            .createTerminal(
                cloud.demo.organisationId(), cloud.demo.storeId(), "Q" + terminals++, "kitchen");
    CloudTerminal terminal =
        CloudTerminal.open(where, Clock.systemUTC(), CloudClientConfig::defaults);
    terminal.enroll(URI.create("http://127.0.0.1:" + cloud.app.port()), t.enrollmentCode(), "k");
    if (host) {
      terminal.signIn(cloud.demo.hostId(), "5555");
    }
    return terminal;
  }

  private record Printed(String station, UUID ticket, boolean repeat) {}

  @Test
  void aTicketCutOffMidPrintIsPrintedAgainMarkedAndNothingElseTwice() throws Exception {
    try (CloudTerminal host = terminal(dir.resolve("host"), true);
        CloudTerminal kitchen = terminal(dir.resolve("kitchen"), false)) {
      List<Printed> printed = new CopyOnWriteArrayList<>();
      AtomicBoolean cut = new AtomicBoolean(true);
      AtomicBoolean refusedOnce = new AtomicBoolean(true);
      KitchenFeed feed =
          new KitchenFeed(
                  kitchen.client(),
                  kitchen.kitchenCursor(),
                  List.of("hot", "bar"),
                  (ticket, repeat) -> {
                    if ("bar".equals(ticket.stationId()) && refusedOnce.getAndSet(false)) {
                      return false; // paper out: nothing written
                    }
                    printed.add(new Printed(ticket.stationId(), ticket.id(), repeat));
                    if ("hot".equals(ticket.stationId()) && cut.getAndSet(false)) {
                      throw new IllegalStateException("power cut after the bytes went out");
                    }
                    return true;
                  },
                  state -> {})
              .start();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> kitchen.kitchenCursor().last("hot").isPresent());
      TableDto table = host.client().floor().tables().get(1);
      UUID check = UUID.randomUUID();
      host.client().seat(table.id(), new SeatRequest(check, 2, null, table.version(), null));
      host.client().addCheckLine(check, new AddLineRequest(UUID.randomUUID(), "borshch", "1", 1));
      host.client().addCheckLine(check, new AddLineRequest(UUID.randomUUID(), "uzvar", "1", 2));
      host.client().sendToKitchen(check, new SendRequest(UUID.randomUUID()));
      await().atMost(Duration.ofSeconds(30)).until(() -> printed.size() >= 3);
      await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
      feed.close();
      assertThat(printed).hasSize(3);
      assertThat(printed.get(0).station()).isEqualTo("hot");
      assertThat(printed.get(0).repeat()).isFalse();
      assertThat(printed.get(1).station()).isEqualTo("hot");
      assertThat(printed.get(1).repeat()).as("cut off between bytes and cursor").isTrue();
      assertThat(printed.get(1).ticket()).isEqualTo(printed.get(0).ticket());
      assertThat(printed.get(2).station()).isEqualTo("bar");
      assertThat(printed.get(2).repeat()).as("the printer wrote nothing the first time").isFalse();
      assertThat(kitchen.kitchenCursor().printing("hot")).isEmpty();
      assertThat(kitchen.kitchenCursor().printing("bar")).isEmpty();
    }
  }
}
