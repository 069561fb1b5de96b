package io.kasa.api.office;

import java.time.Instant;

/**
 * An entry of the back office's audit log (ADR 0048).
 *
 * @param id its number, growing in the organisation's log
 * @param at when it happened (a till's reported events: on the till's clock)
 * @param localTime the same in its store's time zone (for an office change: the organisation's
 *     first store's), as 2026-12-31T18:05:09
 * @param timeZone that time zone (IANA)
 * @param kind its kind (overrides, voids, no-sales ...), or null for an action of no known kind
 * @param action the action as recorded (SIGNED_IN, SALE_VOIDED, office.staff.created ...)
 * @param what the action in words, in the account's language (the action itself when unknown)
 * @param detail what the log says of it, or null
 * @param store the store of its till, or null
 * @param terminal its till, or null
 * @param employee the employee it names, or null
 * @param officeAccount the back-office account that did it (its name is its email), or null
 */
public record OfficeAuditEntry(
    long id,
    Instant at,
    String localTime,
    String timeZone,
    String kind,
    String action,
    String what,
    String detail,
    Named store,
    Named terminal,
    Named employee,
    Named officeAccount) {

  /**
   * A store, till, employee or office account, by id and name.
   *
   * @param id its id
   * @param name its name (an office account's: its email)
   */
  public record Named(String id, String name) {}
}
