package io.kasa.service.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a store's tills sold in an hour, as {@link SaleHours} adds it up and keeps it in {@code
 * sale_hour.parts} (V50): by till, by employee, by tender and by item, with its jsonb form.
 */
final class SaleHourParts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SaleHourParts() {}

  /** What a store's tills sold in one hour (or in the live part of the day), not voided. */
  static final class Part {
    long sales;
    long total;
    long change;

    /** By till and by employee: count and total. */
    final Map<String, long[]> terminals = new LinkedHashMap<>();

    final Map<String, long[]> employees = new LinkedHashMap<>();

    /** By tender type: count of sales paying with it, and amount (cash before change). */
    final Map<String, long[]> tenders = new LinkedHashMap<>();

    final Map<String, ItemSum> items = new LinkedHashMap<>();
  }

  /** An item's name, quantity and amount in a part. */
  static final class ItemSum {
    final String name;
    BigDecimal quantity;
    long amount;

    ItemSum(String name, BigDecimal quantity, long amount) {
      this.name = name;
      this.quantity = quantity;
      this.amount = amount;
    }
  }

  static void merge(Part into, Part more) {
    into.sales += more.sales;
    into.total += more.total;
    into.change += more.change;
    more.terminals.forEach((k, v) -> add(into.terminals, k, v[0], v[1]));
    more.employees.forEach((k, v) -> add(into.employees, k, v[0], v[1]));
    more.tenders.forEach((k, v) -> add(into.tenders, k, v[0], v[1]));
    more.items.forEach((k, v) -> item(into, k, v.name, v.quantity, v.amount));
  }

  static void add(Map<String, long[]> into, String key, long n, long amount) {
    long[] a = into.computeIfAbsent(key, k -> new long[2]);
    a[0] += n;
    a[1] += amount;
  }

  static void item(Part p, String id, String name, BigDecimal quantity, long amount) {
    ItemSum s = p.items.get(id);
    if (s == null) {
      p.items.put(id, new ItemSum(name, quantity, amount));
    } else {
      s.quantity = s.quantity.add(quantity);
      s.amount += amount;
    }
  }

  static String write(Part p) {
    ObjectNode root = JSON.createObjectNode();
    root.set("terminals", pairs(p.terminals));
    root.set("employees", pairs(p.employees));
    root.set("tenders", pairs(p.tenders));
    ObjectNode items = root.putObject("items");
    p.items.forEach(
        (id, s) ->
            items
                .putArray(id)
                .add(s.name)
                .add(s.quantity.stripTrailingZeros().toPlainString())
                .add(s.amount));
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode pairs(Map<String, long[]> m) {
    ObjectNode o = JSON.createObjectNode();
    m.forEach((k, v) -> o.putArray(k).add(v[0]).add(v[1]));
    return o;
  }

  static Part parse(String text) {
    Part p = new Part();
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    read(root.path("terminals"), p.terminals);
    read(root.path("employees"), p.employees);
    read(root.path("tenders"), p.tenders);
    root.path("items")
        .properties()
        .forEach(
            e -> {
              ArrayNode a = (ArrayNode) e.getValue();
              p.items.put(
                  e.getKey(),
                  new ItemSum(
                      a.get(0).asText(), new BigDecimal(a.get(1).asText()), a.get(2).asLong()));
            });
    return p;
  }

  private static void read(JsonNode node, Map<String, long[]> into) {
    node.properties()
        .forEach(
            e ->
                into.put(
                    e.getKey(),
                    new long[] {e.getValue().get(0).asLong(), e.getValue().get(1).asLong()}));
  }
}
