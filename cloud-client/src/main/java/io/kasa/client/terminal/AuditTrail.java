package io.kasa.client.terminal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.terminal.AuditEventRequest;
import io.kasa.client.store.Outbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;

/** Sensitive actions done on the terminal on its own, queued in the outbox for the audit log. */
final class AuditTrail {

  static final String KIND = "AUDIT";
  static final String PATH = "/v1/audit-events";

  private final Outbox outbox;
  private final ObjectMapper json;
  private final Clock clock;

  AuditTrail(Outbox outbox, ObjectMapper json, Clock clock) {
    this.outbox = outbox;
    this.json = json;
    this.clock = clock;
  }

  /** Appends the event in the caller's transaction. */
  void record(Connection c, String action, UUID employee, String detail) throws SQLException {
    if (!AuditEventRequest.ACTIONS.contains(action)) {
      throw new IllegalArgumentException("Not a terminal audit action: " + action);
    }
    UUID id = UUID.randomUUID();
    try {
      outbox.append(
          c,
          id,
          KIND,
          PATH,
          json.writeValueAsString(
              new AuditEventRequest(id, action, employee, clock.instant(), detail)),
          null);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
