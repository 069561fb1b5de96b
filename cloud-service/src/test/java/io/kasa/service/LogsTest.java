package io.kasa.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kasa.service.auth.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The service's logs: one structured line per request, and never a PIN or a secret. */
class LogsTest {

  private static String render(ILoggingEvent e) {
    String pairs =
        e.getKeyValuePairs() == null
            ? ""
            : e.getKeyValuePairs().stream()
                .map(kv -> kv.key + "=" + kv.value)
                .collect(Collectors.joining(" "));
    String thrown = e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage();
    return e.getLoggerName() + " " + e.getFormattedMessage() + " " + pairs + " " + thrown;
  }

  @Test
  void requestsAreLoggedAsKeyValuesWithoutPinsOrSecrets() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger access = (Logger) LoggerFactory.getLogger("io.kasa.service.access");
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    Level before = access.getLevel();
    access.setLevel(Level.INFO);
    try (TestCloud cloud = new TestCloud()) {
      UUID employee =
          cloud
              .services
              .admin()
              .createEmployee(cloud.demo.organisationId(), "Тарас", Role.CASHIER, "80417263");
      String terminal = cloud.enrollDemoTerminal();
      String secret = terminal.substring(terminal.indexOf('.') + 1);
      String body = "{\"employeeId\":\"" + employee + "\",\"pin\":\"%s\"}";
      assertThat(
              cloud
                  .send(
                      "POST",
                      "/v1/sessions",
                      body.formatted("55512349"),
                      Map.of("Authorization", terminal))
                  .status())
          .isEqualTo(401);
      String session = cloud.signIn(terminal, employee.toString(), "80417263");
      Map<String, String> headers =
          new HashMap<>(Map.of("Authorization", terminal, "Kasa-Session", session));
      var sale = Sales.breadAndAspirin(UUID.randomUUID(), 1, "tok_approve");
      headers.put("Idempotency-Key", sale.id().toString());
      assertThat(cloud.send("POST", "/v1/sales", Sales.json(sale), headers).status())
          .isEqualTo(201);
      cloud.send("POST", "/v1/sales", "{not json", headers);

      List<String> lines = captured.list.stream().map(LogsTest::render).toList();
      assertThat(lines)
          .anyMatch(
              l ->
                  l.startsWith("io.kasa.service.access request")
                      && l.contains("method=POST route=/v1/sales status=201")
                      && l.contains("org=" + cloud.demo.organisationId())
                      && l.contains("employee=" + employee));
      assertThat(lines)
          .anyMatch(l -> l.contains("route=/v1/sessions status=401"))
          .anyMatch(l -> l.contains("route=/v1/sales status=400"));
      for (String forbidden : List.of("80417263", "55512349", secret, session)) {
        assertThat(lines).noneMatch(l -> l.contains(forbidden));
      }
    } finally {
      access.setLevel(before);
      root.detachAppender(captured);
    }
  }
}
