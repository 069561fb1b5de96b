package io.kasa.api.terminal;

import java.time.Instant;
import java.util.UUID;

/**
 * A sensitive action that happened on the terminal without the service (an offline sign-in, a wrong
 * PIN, a shift closed with sales still unsent), reported through the outbox.
 *
 * @param id the event's id, also its Idempotency-Key
 * @param action one of {@link #ACTIONS}
 * @param employeeId who did it, or null
 * @param at when, on the terminal's clock
 * @param detail a short human-readable note, or null; never a PIN
 */
public record AuditEventRequest(
    UUID id, String action, UUID employeeId, Instant at, String detail) {

  /** The actions a terminal may report. */
  public static final java.util.Set<String> ACTIONS =
      java.util.Set.of(
          "OFFLINE_SIGN_IN",
          "OFFLINE_PIN_FAILED",
          "SHIFT_CLOSE_OVERRIDE",
          "RECEIPT_REPRINT",
          "KIOSK_EXIT",
          "DRAWER_LEFT_OPEN");
}
