package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

/**
 * Orders sent to the demo's kitchen through the real API, for the kitchen screen's tests: a check
 * seated at a new table, borshch and varenyky (the hot kitchen) and an espresso (the bar), sent.
 */
public final class KitchenOrders {

  private final TestCloud cloud;
  private final UUID area;
  private final Map<String, String> host;
  private final Map<String, String> manager;

  /** Orders at tables of {@code area}, by {@code host}; tables put by {@code manager}. */
  public KitchenOrders(
      TestCloud cloud, UUID area, Map<String, String> host, Map<String, String> manager) {
    this.cloud = cloud;
    this.area = area;
    this.host = host;
    this.manager = manager;
  }

  /** A check seated at a new table with borshch × {@code borshch} and an espresso, sent. */
  public Sent order(String table, int borshch) {
    UUID tableId = UUID.randomUUID();
    TestCloud.Reply t =
        cloud.send(
            "PUT",
            "/v1/floor/tables/" + tableId,
            "{\"areaId\":\""
                + area
                + "\",\"name\":\""
                + table
                + "\",\"seats\":4,\"shape\":\"SQUARE\",\"x\":10,\"y\":10,\"width\":100,"
                + "\"height\":100}",
            manager);
    assertThat(t.status()).as(t.body()).isEqualTo(201);
    UUID check = UUID.randomUUID();
    TestCloud.Reply s =
        cloud.send(
            "POST",
            "/v1/floor/tables/" + tableId + "/seat",
            "{\"checkId\":\"" + check + "\",\"guests\":3,\"version\":1}",
            host);
    assertThat(s.status()).as(s.body()).isEqualTo(201);
    UUID soup = UUID.randomUUID();
    UUID coffee = UUID.randomUUID();
    add(check, soup, "borshch", borshch, "без сметани");
    add(check, coffee, "espresso", 1, null);
    add(check, UUID.randomUUID(), "varenyky", 1, null);
    TestCloud.Reply sent =
        cloud.send(
            "POST",
            "/v1/checks/" + check + "/send",
            "{\"id\":\"" + UUID.randomUUID() + "\"}",
            host);
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    UUID hot = null;
    UUID bar = null;
    for (var ticket : sent.json().get("tickets")) {
      if (ticket.get("stationId").asText().equals("hot")) {
        hot = UUID.fromString(ticket.get("id").asText());
      } else {
        bar = UUID.fromString(ticket.get("id").asText());
      }
    }
    return new Sent(check, soup, coffee, hot, bar);
  }

  public record Sent(UUID check, UUID soup, UUID coffee, UUID hotTicket, UUID barTicket) {}

  private void add(UUID check, UUID line, String item, int quantity, String note) {
    TestCloud.Reply r =
        cloud.send(
            "POST",
            "/v1/checks/" + check + "/lines",
            "{\"id\":\""
                + line
                + "\",\"itemId\":\""
                + item
                + "\",\"quantity\":\""
                + quantity
                + "\",\"seat\":1"
                + (note == null ? "" : ",\"note\":\"" + note + "\"")
                + "}",
            host);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }
}
