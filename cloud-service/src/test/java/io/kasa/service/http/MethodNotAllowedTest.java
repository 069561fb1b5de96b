package io.kasa.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasa.api.OpenApi;
import io.kasa.service.TestCloud;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A method a documented path does not have is 405 with an Allow header naming exactly the methods
 * the document gives the path, and a problem body; a path that does not exist stays 404.
 */
class MethodNotAllowedTest {

  private static final List<String> METHODS =
      List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "BREW");

  private static TestCloud cloud;
  private static JsonNode doc;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    doc = TestCloud.JSON.readTree(OpenApi.json());
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  @Test
  void everyMethodAPathDoesNotHaveIs405WithTheMethodsItHas() throws Exception {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      TreeSet<String> documented = new TreeSet<>();
      path.getValue()
          .properties()
          .forEach(m -> documented.add(m.getKey().toUpperCase(Locale.ROOT)));
      String concrete = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
      for (String method : METHODS) {
        if (documented.contains(method)) {
          continue;
        }
        String reply =
            raw(method + " " + concrete + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        checked++;
        String head = reply.substring(0, Math.max(0, reply.indexOf("\r\n\r\n")));
        String body = reply.substring(reply.indexOf("\r\n\r\n") + 4);
        boolean ok =
            head.startsWith("HTTP/1.1 405 ")
                && head.contains("\r\nAllow: " + String.join(", ", documented) + "\r\n")
                && head.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json")
                && ("HEAD".equals(method) ? body.isEmpty() : body.contains("\"status\":405"));
        if (!ok) {
          failures.add(method + " " + concrete + " -> " + reply);
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(checked).isGreaterThan(200);
  }

  @Test
  void aPathThatDoesNotExistIsStill404WhateverTheMethod() throws Exception {
    for (String method : METHODS) {
      String reply = raw(method + " /v1/nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertThat(reply).as(method).startsWith("HTTP/1.1 404 ").doesNotContain("\r\nAllow:");
    }
  }

  @Test
  void aDocumentedMethodIsNotRefused() {
    assertThat(cloud.send("GET", "/health", null, Map.of()).status()).isEqualTo(200);
    assertThat(cloud.send("POST", "/v1/sales", "{}", Map.of()).status()).isEqualTo(401);
  }

  private static String raw(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", cloud.app.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
