package io.kasa.client.terminal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.kasa.api.shifts.CashMovementRequest;
import io.kasa.api.shifts.CloseShiftRequest;
import io.kasa.api.shifts.OpenShiftRequest;
import io.kasa.api.shifts.ShiftReport;
import io.kasa.client.http.CloudUnreachableException;
import java.util.Optional;
import java.util.UUID;

/**
 * The terminal's shift, kept locally so it opens and closes offline too: the float, cash in and
 * out, manager-approved no-sales, the X report from the service, and the close — which wants an
 * empty outbox or a manager's override — with its Z report, at once or when the close is delivered.
 * Everything goes through the terminal's outbox.
 */
public final class TerminalShifts {

  private static final String CURRENT_SHIFT = "current-shift";
  private static final String Z_TO_PRINT = "z-to-print";

  private final CloudTerminal t;

  TerminalShifts(CloudTerminal terminal) {
    this.t = terminal;
  }

  /** The shift open on this terminal, if any (kept locally: it opens and closes offline too). */
  public Optional<UUID> current() {
    return t.local().get(CURRENT_SHIFT).filter(s -> !s.isEmpty()).map(UUID::fromString);
  }

  /**
   * Opens a shift with the float counted into the drawer: journalled, and current on this terminal,
   * in one local transaction.
   */
  public UUID open(long openingFloat, UUID employee) {
    if (current().isPresent()) {
      throw new IllegalStateException("A shift is already open on this terminal");
    }
    UUID shift = UUID.randomUUID();
    t.store()
        .inTransaction(
            c -> {
              t.outbox()
                  .append(
                      c,
                      shift,
                      "SHIFT_OPEN",
                      "/v1/shifts",
                      t.write(new OpenShiftRequest(shift, openingFloat, t.clock().instant())),
                      employee);
              t.local().put(CURRENT_SHIFT, shift.toString());
              return null;
            });
    t.engine().wake();
    return shift;
  }

  /**
   * Cash in or out with a reason, or a no-sale drawer opening (NO_SALE, amount 0), in the open
   * shift. A no-sale is a manager's: {@code employee} is one, or {@code manager} approves by PIN
   * (checked on the terminal; the entry is then delivered vouching for the manager).
   */
  public UUID cashMovement(
      String type,
      long amount,
      String reason,
      UUID employee,
      CloudTerminal.ManagerOverride manager) {
    UUID shift = current().orElseThrow(() -> new IllegalStateException("No shift is open"));
    UUID by =
        "NO_SALE".equals(type)
            ? t.managerFor(employee, manager, "Opening the drawer without a sale")
            : employee;
    UUID id = UUID.randomUUID();
    t.journal(
        id,
        "CASH_MOVEMENT",
        "/v1/shifts/" + shift + "/cash-movements",
        new CashMovementRequest(id, type, amount, reason, t.clock().instant(), null, null),
        by);
    return id;
  }

  /**
   * The open shift's X report from the service, when it can be reached and has everything this
   * terminal sent (the report counts what the service holds).
   */
  public Optional<ShiftReport> xReport() {
    Optional<UUID> shift = current();
    if (shift.isEmpty()) {
      return Optional.empty();
    }
    t.engine().drain();
    try {
      return Optional.of(t.client().shiftReport(shift.get()));
    } catch (CloudUnreachableException e) {
      return Optional.empty();
    }
  }

  /**
   * Closes a shift with the counted cash. Closing is a manager's: {@code employee} must be one, or
   * a manager approves by PIN ({@code manager}, checked against the cached verifier; the PIN never
   * enters the outbox — the close is delivered vouching for the manager). With entries still
   * unsent, the manager's PIN is required in any case: the override is audited with the unsent
   * count and the close follows those entries through the outbox, so the Z report comes later. With
   * nothing unsent, the close is delivered at once and its Z report returned.
   *
   * @throws UnsyncedEntriesException when entries are unsent and no manager overrides
   * @throws SignInRefused when no manager approves, or the manager's PIN is not accepted
   */
  public Optional<ShiftReport> close(
      UUID shift,
      long counted,
      boolean blind,
      UUID employee,
      CloudTerminal.ManagerOverride manager) {
    long unsent = t.unsynced();
    if (unsent > 0 && manager == null) {
      throw new UnsyncedEntriesException(unsent);
    }
    UUID closer = t.managerFor(employee, manager, "Closing a shift");
    CloseShiftRequest request =
        new CloseShiftRequest(counted, blind, t.clock().instant(), null, null);
    boolean current = current().filter(shift::equals).isPresent();
    String path = "/v1/shifts/" + shift + "/close";
    // The shift's own id is its opening's entry; its closing is another, derived from it.
    UUID entry = closeEntry(shift);
    if (unsent > 0) {
      t.store()
          .inTransaction(
              c -> {
                t.audit()
                    .record(
                        c,
                        "SHIFT_CLOSE_OVERRIDE",
                        closer,
                        "shift " + shift + " closed with " + unsent + " entries unsent");
                t.outbox()
                    .append(c, entry, CloudTerminal.SHIFT_CLOSE, path, t.write(request), closer);
                if (current) {
                  t.local().put(CURRENT_SHIFT, "");
                }
                t.local().put(Z_TO_PRINT, shift.toString());
                return null;
              });
      t.engine().wake();
      return Optional.empty();
    }
    t.store()
        .inTransaction(
            c -> {
              t.outbox()
                  .append(c, entry, CloudTerminal.SHIFT_CLOSE, path, t.write(request), closer);
              if (current) {
                t.local().put(CURRENT_SHIFT, "");
              }
              return null;
            });
    t.engine().drain();
    Optional<ShiftReport> z = t.outbox().response(entry).map(this::report);
    if (z.isEmpty()) {
      // The service did not answer now: the report prints when the close is delivered.
      t.local().put(Z_TO_PRINT, shift.toString());
    }
    return z;
  }

  /**
   * The Z report of a shift whose close went through the outbox later and has not been printed yet,
   * once the service answered it.
   */
  public Optional<ShiftReport> zReportToPrint() {
    return t.local()
        .get(Z_TO_PRINT)
        .filter(s -> !s.isEmpty())
        .flatMap(s -> t.outbox().response(closeEntry(UUID.fromString(s))))
        .map(this::report);
  }

  /** The Z report from {@link #zReportToPrint} was printed. */
  public void zReportPrinted() {
    t.local().put(Z_TO_PRINT, "");
  }

  private ShiftReport report(String answer) {
    try {
      return t.json().readValue(answer, ShiftReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The service's Z report is unreadable", e);
    }
  }

  /** The outbox entry of a shift's closing. */
  public static UUID closeEntry(UUID shift) {
    return UUID.nameUUIDFromBytes(
        (shift + "/close").getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
