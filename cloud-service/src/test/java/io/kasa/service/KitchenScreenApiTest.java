package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.service.KitchenOrders.Sent;
import io.kasa.service.floor.KitchenScreen;
import io.kasa.service.http.ApiException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kitchen screen against the real service (ADR 0055): checks sent through the API become cards
 * oldest first at their stations; bumps per line and per ticket are stored, idempotent and events
 * of the store's stream; a recall brings a ticket back whole; a void strikes the line on its card,
 * or shows a void card once the ticket was bumped; the all-day counts sum the open lines; other
 * tenants and stores see nothing; a kitchen account reaches the kitchen screen alone.
 */
class KitchenScreenApiTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static TestCloud cloud;
  private static Map<String, String> host;
  private static Map<String, String> manager;
  private static UUID org;
  private static UUID store;
  private static UUID area;
  private static KitchenScreen screen;
  private static final UUID BY = UUID.randomUUID();

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    String terminal = cloud.enrollDemoTerminal();
    host = cloud.signedIn(terminal, cloud.demo.hostId(), "5555");
    manager = cloud.signedIn(terminal, cloud.demo.managerId(), "9999");
    org = cloud.demo.organisationId();
    store = cloud.demo.storeId();
    screen = cloud.services.app().screens().kitchen();
    area = UUID.randomUUID();
    assertThat(
            cloud
                .send(
                    "PUT", "/v1/floor/areas/" + area, "{\"name\":\"Зал\",\"position\":8}", manager)
                .status())
        .isEqualTo(201);
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  static Sent order(String table, int borshch) {
    return new KitchenOrders(cloud, area, host, manager).order(table, borshch);
  }

  private static KitchenScreen.Board board(String station) {
    return screen.board(org, store, station).orElseThrow();
  }

  private static KitchenScreen.Card card(KitchenScreen.Board b, UUID ticket) {
    return b.cards().stream().filter(c -> c.ticket().id().equals(ticket)).findFirst().orElse(null);
  }

  @Test
  void sentChecksAreCardsOldestFirstAtTheirStationsWithAllDayCounts() {
    Sent first = order("К1", 2);
    Sent second = order("К2", 1);
    KitchenScreen.Board hot = board("hot");
    List<UUID> ids = hot.cards().stream().map(c -> c.ticket().id()).toList();
    assertThat(ids).containsSubsequence(first.hotTicket(), second.hotTicket());
    assertThat(ids).doesNotContain(first.barTicket());
    KitchenScreen.Card c = card(hot, first.hotTicket());
    assertThat(c.ticket().table()).isEqualTo("К1");
    assertThat(c.ticket().guests()).isEqualTo(3);
    assertThat(c.lines().get(0).line().note()).isEqualTo("без сметани");
    assertThat(c.lines().get(0).line().seat()).isEqualTo(1);
    BigDecimalCount borshch = count(hot, "Борщ з пампушками");
    assertThat(borshch.total()).isGreaterThanOrEqualTo(3);
    // All stations: both tickets of a check.
    assertThat(board(null).cards().stream().map(k -> k.ticket().id()))
        .contains(first.hotTicket(), first.barTicket());
    // Bumping the soup line takes its two off the all-day counts.
    long before = count(board("hot"), "Борщ з пампушками").total();
    assertThat(screen.bump(org, store, first.hotTicket(), first.soup(), BY)).isTrue();
    assertThat(count(board("hot"), "Борщ з пампушками").total()).isEqualTo(before - 2);
  }

  record BigDecimalCount(long total) {}

  private static BigDecimalCount count(KitchenScreen.Board b, String name) {
    return new BigDecimalCount(
        b.counts().stream()
            .filter(n -> n.name().equals(name))
            .mapToLong(n -> n.quantity().longValueExact())
            .sum());
  }

  @Test
  void bumpsAreStoredOnceAndARecallBringsTheTicketBackWhole() throws Exception {
    Sent s = order("К3", 1);
    // A line bumped: struck on its card; again: nothing changes, no second event.
    long last = screen.last(org, store);
    assertThat(screen.bump(org, store, s.barTicket(), s.coffee(), BY)).isTrue();
    assertThat(screen.bump(org, store, s.barTicket(), s.coffee(), BY)).isFalse();
    // The bar ticket's only line bumped: the ticket left the screen for the recall list.
    KitchenScreen.Board bar = board("bar");
    assertThat(card(bar, s.barTicket())).isNull();
    assertThat(bar.recall().get(0).ticket().id()).isEqualTo(s.barTicket());
    try (EventStream events = officeEvents(last)) {
      assertThat(events.next("KDS_BUMP", 10).data()).contains(s.coffee().toString());
      assertThat(events.next("KDS_BUMP", 10).data())
          .contains(s.barTicket().toString())
          .contains("\"lineId\": null");
    }
    // The hot ticket bumped whole, twice: one change.
    assertThat(screen.bump(org, store, s.hotTicket(), null, BY)).isTrue();
    assertThat(screen.bump(org, store, s.hotTicket(), null, BY)).isFalse();
    assertThat(card(board("hot"), s.hotTicket())).isNull();
    // Recalled: back whole, its lines open again.
    assertThat(screen.recall(org, store, s.barTicket())).isTrue();
    assertThat(screen.recall(org, store, s.barTicket())).isFalse();
    KitchenScreen.Card back = card(board("bar"), s.barTicket());
    assertThat(back).isNotNull();
    assertThat(back.lines()).noneMatch(KitchenScreen.Line::bumped);
    // Unknown tickets and lines are not found.
    assertThatThrownBy(() -> screen.bump(org, store, UUID.randomUUID(), null, BY))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> screen.bump(org, store, s.barTicket(), UUID.randomUUID(), BY))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void aVoidStrikesItsLineOrShowsAVoidCardOnceTheTicketWasBumped() {
    Sent open = order("К4", 1);
    assertThat(
            cloud
                .send("DELETE", "/v1/checks/" + open.check() + "/lines/" + open.soup(), null, host)
                .status())
        .isEqualTo(200);
    KitchenScreen.Board hot = board("hot");
    KitchenScreen.Card c = card(hot, open.hotTicket());
    assertThat(c.lines().get(0).voided()).isTrue();
    assertThat(hot.cards()).noneMatch(k -> k.isVoid() && k.ticket().checkId().equals(open.check()));

    Sent bumped = order("К5", 1);
    screen.bump(org, store, bumped.hotTicket(), null, BY);
    assertThat(
            cloud
                .send(
                    "DELETE",
                    "/v1/checks/" + bumped.check() + "/lines/" + bumped.soup(),
                    null,
                    host)
                .status())
        .isEqualTo(200);
    KitchenScreen.Card voidCard =
        board("hot").cards().stream()
            .filter(k -> k.isVoid() && k.ticket().checkId().equals(bumped.check()))
            .findFirst()
            .orElseThrow();
    assertThat(voidCard.lines().get(0).line().lineId()).isEqualTo(bumped.soup());
    // Seen: the void card leaves too.
    screen.bump(org, store, voidCard.ticket().id(), null, BY);
    assertThat(card(board("hot"), voidCard.ticket().id())).isNull();
  }

  @Test
  void otherTenantsAndStoresSeeNothing() throws Exception {
    Sent s = order("К6", 1);
    UUID otherOrg = UUID.randomUUID();
    assertThat(screen.board(otherOrg, store, null)).isEmpty();
    assertThatThrownBy(() -> screen.bump(otherOrg, store, s.hotTicket(), null, BY))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> screen.bump(org, UUID.randomUUID(), s.hotTicket(), null, BY))
        .isInstanceOf(ApiException.class);
    assertThat(screen.board(org, store, "no-such-station")).isEmpty();
    // A manager of another store is not shown this store's kitchen, nor its stream.
    UUID second =
        cloud
            .services
            .admin()
            .createStore(
                org,
                "K9",
                "Кухня на Подолі",
                "UAH",
                "INCLUSIVE",
                "PER_RECEIPT",
                1,
                java.math.BigDecimal.TEN);
    assertThat(screen.board(org, second, null).orElseThrow().cards()).isEmpty();
    String elsewhere = cloud.officeAccount(org, "manager", List.of(second));
    String cookie = cookie(elsewhere);
    assertThat(get("/office/kitchen?store=" + store, cookie).statusCode()).isEqualTo(404);
    assertThat(get("/office/kitchen/events?store=" + store, cookie).statusCode()).isEqualTo(404);
  }

  @Test
  void aKitchenAccountReachesTheKitchenScreenAlone() throws Exception {
    String kitchen = cloud.officeAccount(org, "kitchen", List.of());
    // The back office's API: 403 with a problem body.
    TestCloud.Reply api = cloud.send("GET", "/v1/office/today", null, cloud.officeBearer(kitchen));
    assertThat(api.status()).isEqualTo(403);
    assertThat(api.contentType()).startsWith("application/problem+json");
    assertThat(api.json().get("detail").asText()).contains("kitchen");
    // Pages: sent to the kitchen screen, which shows its navigation alone.
    String cookie = cookie(kitchen);
    for (String page : List.of("/office/", "/office/today", "/office/staff", "/office/sales")) {
      HttpResponse<String> r = get(page, cookie);
      assertThat(r.statusCode()).as(page).isEqualTo(303);
      assertThat(r.headers().firstValue("Location")).hasValue("/office/kitchen");
    }
    HttpResponse<String> shown = get("/office/kitchen", cookie);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body()).contains("href=\"/office/kitchen\"").doesNotContain("/office/today\"");
    // Owners see the kitchen in the navigation; an accountant neither sees nor opens it.
    String owner = cookie(cloud.officeAccount(org, "owner", List.of()));
    assertThat(get("/office/today", owner).body()).contains("href=\"/office/kitchen\"");
    String accountant = cookie(cloud.officeAccount(org, "accountant", List.of()));
    assertThat(get("/office/today", accountant).body()).doesNotContain("href=\"/office/kitchen\"");
    assertThat(get("/office/kitchen", accountant).statusCode()).isEqualTo(403);
  }

  @Test
  void withoutScriptTheButtonsArePlainFormPostsWithTheirToken() throws Exception {
    Sent s = order("К7", 1);
    String kitchen = cookie(cloud.officeAccount(org, "kitchen", List.of()));
    HttpResponse<String> page = get("/office/kitchen?store=" + store + "&station=bar", kitchen);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("data-ticket=\"" + s.barTicket() + "\"");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"").matcher(page.body());
    assertThat(m.find()).isTrue();
    // The session's own secret signs the token (ADR 0039).
    String both = kitchen;
    String form =
        "store=" + store + "&station=bar&ticket=" + s.barTicket() + "&_csrf=" + m.group(1);
    // Without its token: refused, nothing bumped.
    assertThat(
            post("/office/kitchen/bump", form.replaceAll("_csrf=.*", "_csrf=forged"), both)
                .statusCode())
        .isEqualTo(403);
    assertThat(card(board("bar"), s.barTicket())).isNotNull();
    // With it: bumped, and back to the screen.
    HttpResponse<String> bumped = post("/office/kitchen/bump", form, both);
    assertThat(bumped.statusCode()).isEqualTo(303);
    assertThat(bumped.headers().firstValue("Location"))
        .hasValue("/office/kitchen?store=" + store + "&station=bar");
    assertThat(card(board("bar"), s.barTicket())).isNull();
    HttpResponse<String> recalled = post("/office/kitchen/recall", form, both);
    assertThat(recalled.statusCode()).isEqualTo(303);
    assertThat(card(board("bar"), s.barTicket())).isNotNull();
    // A kitchen account's form elsewhere is refused.
    assertThat(
            post("/office/account/language", "_csrf=" + m.group(1) + "&language=en", both)
                .statusCode())
        .isEqualTo(303);
    assertThat(post("/office/staff", "_csrf=" + m.group(1) + "&name=X", both).statusCode())
        .isEqualTo(403);
  }

  @Test
  void bumpsGoWithTheFloorsLogAfterAWeekAndTodaysStay() {
    Sent old = order("К8", 1);
    Sent today = order("К9", 1);
    assertThat(screen.bump(org, store, old.barTicket(), null, BY)).isTrue();
    assertThat(screen.bump(org, store, today.barTicket(), null, BY)).isTrue();
    cloud.execute(
        "update kitchen_bump set bumped_at = now() - interval '8 days' where ticket_id = ?",
        old.barTicket());
    cloud.services.app().floor().events().prune();
    assertThat(bumpsOf(old.barTicket())).isZero();
    assertThat(bumpsOf(today.barTicket())).isEqualTo(1);
    assertThat(card(board("bar"), today.barTicket())).isNull();
  }

  private static long bumpsOf(UUID ticket) {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from kitchen_bump where ticket_id = :t")
                    .bind("t", ticket)
                    .mapTo(Long.class)
                    .one());
  }

  private static HttpResponse<String> post(String path, String form, String cookie)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(cloud.uri(path))
            .header("Cookie", cookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String cookie(String email) {
    return cloud.officeCookie(email);
  }

  private static HttpResponse<String> get(String path, String cookie) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(cloud.uri(path)).header("Cookie", cookie).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static EventStream officeEvents(long after) {
    String owner = cookie(cloud.officeAccount(org, "owner", List.of()));
    URI uri = cloud.uri("/office/kitchen/events?store=" + store + "&after=" + after);
    return new EventStream(uri, Map.of("Cookie", owner, "Accept", "text/event-stream"));
  }
}
