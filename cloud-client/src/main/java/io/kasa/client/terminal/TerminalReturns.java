package io.kasa.client.terminal;

import io.kasa.api.sales.RefundLineDto;
import io.kasa.api.sales.RefundRequestDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.terminal.TerminalConfig;
import io.kasa.client.store.Outbox;
import io.kasa.client.store.ReceiptSequence;
import io.kasa.domain.receipt.ReceiptNumber;
import java.util.Optional;
import java.util.UUID;

/**
 * Returns at this terminal: a sale found in its journal by receipt number, with the refunds it
 * journalled for it, and a manager-approved refund journalled with its own receipt number.
 */
public final class TerminalReturns {

  private final CloudTerminal t;

  TerminalReturns(CloudTerminal terminal) {
    this.t = terminal;
  }

  /** A sale found for a return: as recorded on this terminal, and its refunds so far. */
  public record FoundSale(SaleRequest sale, java.util.List<RefundRequestDto> refunds) {}

  /** How far back the journal is searched for a receipt (most recent sales first). */
  static final int JOURNAL_SEARCH = 20_000;

  /**
   * Finds a sale of this terminal by its receipt number in the local journal — online or not — with
   * the refunds this terminal journalled for it.
   */
  public Optional<FoundSale> findSale(String receiptNumber) {
    for (Outbox.Entry e : t.outbox().entries(CloudTerminal.SALE, JOURNAL_SEARCH)) {
      SaleRequest sale = t.read(e.body(), SaleRequest.class);
      if (sale.receiptNumber().equals(receiptNumber)) {
        java.util.List<RefundRequestDto> refunds = new java.util.ArrayList<>();
        for (Outbox.Entry r : t.outbox().entries(CloudTerminal.REFUND, JOURNAL_SEARCH)) {
          RefundRequestDto refund = t.read(r.body(), RefundRequestDto.class);
          if (refund.saleId().equals(sale.id())) {
            refunds.add(0, refund);
          }
        }
        return Optional.of(new FoundSale(sale, refunds));
      }
    }
    return Optional.empty();
  }

  /**
   * Journals a refund: a manager's (the employee is one, or {@code manager} approves by PIN,
   * checked here; the entry is delivered vouching for the manager), with the refund's own receipt
   * number, in one local transaction.
   */
  public RefundRequestDto recordRefund(
      UUID id,
      UUID saleId,
      java.util.List<RefundLineDto> lines,
      String method,
      String reason,
      UUID employee,
      CloudTerminal.ManagerOverride manager) {
    UUID by = t.managerFor(employee, manager, "A refund");
    TerminalConfig config = t.config();
    RefundRequestDto refund =
        t.store()
            .inTransaction(
                c -> {
                  ReceiptNumber number =
                      ReceiptSequence.next(c, config.store().code(), config.terminalCode());
                  RefundRequestDto r =
                      new RefundRequestDto(
                          id,
                          saleId,
                          number.toString(),
                          lines,
                          method,
                          reason,
                          t.clock().instant(),
                          null,
                          null);
                  t.outbox().append(c, id, CloudTerminal.REFUND, "/v1/refunds", t.write(r), by);
                  return r;
                });
    t.engine().wake();
    return refund;
  }
}
