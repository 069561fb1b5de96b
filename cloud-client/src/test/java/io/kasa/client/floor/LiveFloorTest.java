package io.kasa.client.floor;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.floor.AddLineRequest;
import io.kasa.api.floor.SeatRequest;
import io.kasa.api.floor.TableDto;
import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.sim.FaultProxy;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.service.TestCloud;
import io.kasa.service.admin.AdminService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two terminals on one service: what one host does shows on the other's floor through the event
 * stream; when the other's connection drops, its floor stays shown (not live) and, once back, it
 * resumes from the last event it applied without fetching the floor again or missing a change.
 */
class LiveFloorTest {

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

  private CloudTerminal host(Path where, int port) {
    AdminService.NewTerminal t =
        cloud
            .services
            .admin()
            .createTerminal(
                cloud.demo.organisationId(), cloud.demo.storeId(), "F" + terminals++, "stand");
    CloudTerminal terminal =
        CloudTerminal.open(
            where,
            Clock.systemUTC(),
            url ->
                CloudClientConfig.defaults(url)
                    .withTimeouts(
                        Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(3))
                    .withRetries(1, Duration.ofMillis(20), Duration.ofMillis(50)));
    terminal.enroll(URI.create("http://127.0.0.1:" + port), t.enrollmentCode(), "stand");
    terminal.signIn(cloud.demo.hostId(), "5555");
    return terminal;
  }

  @Test
  void aChangeOnOneTerminalShowsOnTheOtherAndAReconnectResumesWithoutLoss() throws Exception {
    try (FaultProxy proxy = new FaultProxy("127.0.0.1", cloud.app.port());
        CloudTerminal first = host(dir.resolve("first"), cloud.app.port());
        CloudTerminal second = host(dir.resolve("second"), proxy.port());
        LiveFloor floor = second.liveFloor()) {
      LinkedBlockingQueue<LiveFloor.View> views = new LinkedBlockingQueue<>();
      floor.listen(views::add);
      floor.start();
      await(views, v -> v.live());
      TableDto table = first.client().floor().tables().get(0);
      UUID check = UUID.randomUUID();
      first.client().seat(table.id(), new SeatRequest(check, 2, null, table.version(), null));
      LiveFloor.View seated =
          await(views, v -> "SEATED".equals(v.state().table(table.id()).orElseThrow().state()));
      assertThat(seated.state().checksOn(table.id())).extracting("id").containsExactly(check);

      proxy.fault(FaultProxy.Fault.REFUSE);
      await(views, v -> !v.live());
      assertThat(floor.view().orElseThrow().state().table(table.id()).orElseThrow().state())
          .as("the last known floor stays shown")
          .isEqualTo("SEATED");
      for (String item : new String[] {"bread", "milk", "water"}) {
        first.client().addCheckLine(check, new AddLineRequest(UUID.randomUUID(), item, "1", 1));
      }
      long latest = first.client().floor().eventId();

      proxy.fault(FaultProxy.Fault.NONE);
      LiveFloor.View resumed = await(views, v -> v.live() && v.state().floor().eventId() == latest);
      assertThat(resumed.state().checksOn(table.id()).get(0).lines())
          .extracting("itemId")
          .containsExactly("bread", "milk", "water");
      assertThat(resumed.state().table(table.id()).orElseThrow().state()).isEqualTo("ORDERED");
      assertThat(floor.snapshots()).as("resumed from the stream, not a new snapshot").isEqualTo(1);
    }
  }

  @Test
  void theCachedFloorIsShownNotLiveWhenTheServiceCannotBeReached() throws Exception {
    Path where = dir.resolve("cached");
    int port;
    try (FaultProxy proxy = new FaultProxy("127.0.0.1", cloud.app.port())) {
      port = proxy.port();
      try (CloudTerminal terminal = host(where, port);
          LiveFloor floor = terminal.liveFloor()) {
        LinkedBlockingQueue<LiveFloor.View> views = new LinkedBlockingQueue<>();
        floor.listen(views::add);
        floor.start();
        await(views, LiveFloor.View::live);
      }
    }
    // The proxy is gone: nothing listens on its port any more.
    try (CloudTerminal terminal =
            CloudTerminal.open(
                where,
                Clock.systemUTC(),
                url ->
                    CloudClientConfig.defaults(url)
                        .withTimeouts(
                            Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofSeconds(1))
                        .withRetries(1, Duration.ofMillis(10), Duration.ofMillis(10)));
        LiveFloor floor = terminal.liveFloor()) {
      LiveFloor.View view = floor.view().orElseThrow();
      assertThat(view.live()).isFalse();
      assertThat(view.state().floor().tables()).isNotEmpty();
    }
  }

  /** The first view matching {@code wanted}, waiting up to ten seconds for it. */
  private static LiveFloor.View await(
      LinkedBlockingQueue<LiveFloor.View> views, Predicate<LiveFloor.View> wanted)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < end) {
      LiveFloor.View v = views.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (v != null && wanted.test(v)) {
        return v;
      }
    }
    throw new AssertionError("No such view of the floor within 10 s");
  }
}
