package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated malformed and hostile requests: every answer is a 4xx problem, never a
 * 5xx, and the database is unchanged.
 */
class HostileRequestsTest {

  private static final String[] PATHS = {
    "/v1/sales",
    "/v1/sessions",
    "/v1/terminals/enroll",
    "/v1/sales/" + UUID.randomUUID(),
    "/v1/sales?receipt=%27%3B--",
    "/v1/sessions/current",
    "/v1/../etc/passwd",
    "/v1/sales/%E2%80%AE",
    "/v1/nowhere",
    "/health/../v1/sales"
  };
  private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH"};

  private static TestCloud cloud;
  private static Map<String, String> cashier;
  private static String validSale;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    String terminal = cloud.enrollDemoTerminal();
    cashier = cloud.signedIn(terminal, cloud.demo.cashierId(), "1111");
    validSale = Sales.json(Sales.breadAndAspirin(UUID.randomUUID(), 1, "tok_approve"));
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  @Test
  void noHostileRequestGetsA5xxOrChangesTheDatabase() {
    Map<String, Long> before = counts();
    Random random = new Random(20261127);
    List<String> failures = new ArrayList<>();
    int sent = 0;
    for (int i = 0; i < 3000; i++) {
      String method = METHODS[random.nextInt(METHODS.length)];
      String path = random.nextInt(3) == 0 ? PATHS[random.nextInt(PATHS.length)] : "/v1/sales";
      String body = mutate(validSale, random);
      Map<String, String> headers = headers(random, body);
      TestCloud.Reply reply = cloud.send(method, path, "GET".equals(method) ? null : body, headers);
      sent++;
      if (reply.status() >= 500 || reply.status() < 400 && !isHarmlessRead(method, reply)) {
        failures.add(
            reply.status()
                + " "
                + method
                + " "
                + path
                + " "
                + abbreviate(body)
                + " -> "
                + abbreviate(reply.body()));
      } else if (reply.status() >= 400
          && !reply.contentType().startsWith("application/problem+json")) {
        failures.add(
            "not a problem body: "
                + reply.status()
                + " "
                + reply.contentType()
                + " "
                + method
                + " "
                + path);
      }
    }
    assertThat(sent).isEqualTo(3000);
    assertThat(failures).isEmpty();
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void noHostileFloorRequestGetsA5xxOrChangesTheFloor() {
    Map<String, String> host =
        cloud.signedIn(cashier.get("Authorization"), cloud.demo.hostId(), "5555");
    com.fasterxml.jackson.databind.JsonNode floor =
        cloud.send("GET", "/v1/floor", null, host).json();
    String table = floor.get("tables").get(0).get("id").asText();
    String area = floor.get("areas").get(0).get("id").asText();
    String[] paths = {
      "/v1/floor/tables/" + table + "/seat",
      "/v1/floor/tables/" + table + "/clear",
      "/v1/floor/tables/" + table,
      "/v1/floor/areas/" + area,
      "/v1/waitlist",
      "/v1/waitlist/" + UUID.randomUUID() + "/status",
      "/v1/checks/" + UUID.randomUUID() + "/lines",
      "/v1/checks/" + UUID.randomUUID() + "/split",
      "/v1/checks/%27%3B--/move",
      "/v1/floor/tables/not-a-uuid/seat",
      "/v1/terminal/devices"
    };
    String[] bodies = {
      "{\"checkId\":\"" + UUID.randomUUID() + "\",\"guests\":-1,\"version\":1}",
      "{\"checkId\":\"" + UUID.randomUUID() + "\",\"guests\":2,\"version\":\"one\"}",
      "{\"checkId\":\"' OR 1=1 --\",\"guests\":2,\"version\":1}",
      "{\"version\":99999999999999999999}",
      "{\"areaId\":\""
          + area
          + "\",\"name\":\"\\u0000\",\"seats\":4,\"shape\":\"ROUND\",\"x\":1,\"y\":1,\"width\":50,\"height\":50}",
      "{\"areaId\":\""
          + area
          + "\",\"name\":\"Z\",\"seats\":4000,\"shape\":\"HEXAGON\",\"x\":-1,\"y\":1,\"width\":5,\"height\":50}",
      "{\"name\":\"" + "x".repeat(500) + "\",\"position\":1}",
      "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"\",\"size\":0}",
      "{\"status\":\"SEATED\",\"version\":1}",
      "{\"id\":\"" + UUID.randomUUID() + "\",\"itemId\":\"bread\",\"quantity\":\"-2\"}",
      "{\"mode\":\"EVEN\",\"ways\":0,\"version\":1}",
      "{\"settings\":{\"../../etc\":\"x\"}}",
      "[]",
      "null",
      "{\"checkId\":"
    };
    Map<String, Long> before = floorCounts();
    Random random = new Random(7);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String method = random.nextInt(4) == 0 ? METHODS[random.nextInt(METHODS.length)] : "POST";
      String path = paths[random.nextInt(paths.length)];
      String body = bodies[random.nextInt(bodies.length)];
      Map<String, String> headers =
          random.nextInt(5) == 0 ? headers(random, body) : new HashMap<>(host);
      TestCloud.Reply reply = cloud.send(method, path, "GET".equals(method) ? null : body, headers);
      if (reply.status() >= 500 || reply.status() < 400 && !isHarmlessRead(method, reply)) {
        failures.add(
            reply.status()
                + " "
                + method
                + " "
                + path
                + " "
                + body
                + " -> "
                + abbreviate(reply.body()));
      } else if (reply.status() >= 400
          && !reply.contentType().startsWith("application/problem+json")) {
        failures.add("not a problem body: " + reply.status() + " " + method + " " + path);
      }
    }
    assertThat(failures).isEmpty();
    assertThat(floorCounts()).isEqualTo(before);
  }

  private static Map<String, Long> floorCounts() {
    Map<String, Long> c = new HashMap<>();
    for (String table :
        List.of(
            "floor_area",
            "dining_table",
            "waitlist_party",
            "dining_check",
            "check_line",
            "floor_event",
            "terminal_devices")) {
      c.put(table, cloud.count(table));
    }
    return c;
  }

  @Test
  void oversizedBodiesAre413() {
    String huge = "{\"id\":\"" + "x".repeat(2_000_000) + "\"}";
    Map<String, String> headers = new HashMap<>(cashier);
    TestCloud.Reply reply = cloud.send("POST", "/v1/sales", huge, headers);
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }

  @Test
  void whatJettyRefusesBeforeTheApplicationIsAProblemBodyToo() throws Exception {
    for (String request :
        List.of(
            "POST /v1/sales/%00 HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nx",
            "GET /v1/sales/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /v1/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
            "BREW /v1/sales HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /v1/sales HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n")) {
      String reply = raw(request);
      assertThat(reply).as(request).startsWith("HTTP/1.1 4");
      assertThat(reply).as(request).containsIgnoringCase("content-type: application/problem+json");
      assertThat(reply.substring(reply.indexOf("\r\n\r\n") + 4))
          .as(request)
          .contains("\"status\":4");
    }
  }

  /** Sends bytes no HTTP client library would send, and reads the whole answer. */
  private String raw(String request) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", cloud.app.port())) {
      socket.setSoTimeout(5_000);
      socket
          .getOutputStream()
          .write((request).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.shutdownOutput();
      return new String(
          socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static boolean isHarmlessRead(String method, TestCloud.Reply reply) {
    // The only 2xx a hostile request may get: reading what the caller may read, or a genuine
    // cashier signing themselves out (the random headers include the real session).
    return "GET".equals(method) && reply.status() == 200
        || "DELETE".equals(method) && reply.status() == 204;
  }

  private static Map<String, String> headers(Random random, String body) {
    Map<String, String> h = new HashMap<>();
    switch (random.nextInt(6)) {
      case 0 -> {}
      case 1 -> h.put("Authorization", "Bearer " + UUID.randomUUID() + ".forged");
      case 2 -> h.put("Authorization", "Basic YWRtaW46YWRtaW4=");
      case 3 -> {
        h.putAll(cashier);
        h.put("Kasa-Session", "stolen-" + random.nextInt());
      }
      default -> h.putAll(cashier);
    }
    if (random.nextBoolean()) {
      h.put("Idempotency-Key", random.nextBoolean() ? UUID.randomUUID().toString() : "' OR 1=1 --");
    }
    if (random.nextInt(8) == 0) {
      h.put("Content-Type", random.nextBoolean() ? "text/plain" : "application/xml");
    }
    return h;
  }

  /** A valid sale broken in one of many ways. */
  private static String mutate(String json, Random random) {
    return switch (random.nextInt(16)) {
      case 0 -> json.substring(0, random.nextInt(json.length()));
      case 1 -> json.replace("\"2\"", "\"-2\"");
      case 2 -> json.replace("\"2\"", "\"99999999999999999999\"");
      case 3 -> json.replace("3100", "-3100");
      case 4 -> json.replace("3100", "1e308");
      case 5 -> json.replace("3100", "\"3100\"");
      case 6 -> json.replace("\"bread\"", "\"'; drop table sale; --\"");
      case 7 -> json.replace("\"UAH\"", "\"XXX\"");
      case 8 -> json.replace("\"CARD\"", "\"BITCOIN\"");
      case 9 -> json.replace("\"lines\":[", "\"lines\":[null,");
      case 10 -> json.replace("}", ",\"extra\":true}");
      case 11 -> "[]";
      case 12 -> "null";
      case 13 -> randomBytes(random);
      case 14 -> json.replace("\"number\":1", "\"number\":" + Integer.MAX_VALUE);
      default -> json.replace("10000", String.valueOf(Long.MAX_VALUE));
    };
  }

  private static String randomBytes(Random random) {
    StringBuilder s = new StringBuilder();
    int n = random.nextInt(200);
    for (int i = 0; i < n; i++) {
      s.append((char) random.nextInt(0x3000));
    }
    return s.toString();
  }

  private static Map<String, Long> counts() {
    Map<String, Long> c = new HashMap<>();
    for (String table :
        List.of(
            "sale", "sale_line", "sale_tax", "tender", "employee_session", "terminal", "item")) {
      c.put(table, cloud.count(table));
    }
    return c;
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 160 ? s.substring(0, 160) + "…" : s;
  }
}
