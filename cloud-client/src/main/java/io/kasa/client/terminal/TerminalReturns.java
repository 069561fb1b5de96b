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

  /**
   * Finds a sale of this terminal by its receipt number in the local journal — online or not — with
   * the refunds this terminal journalled for it.
   */
  public Optional<FoundSale> findSale(String receiptNumber) {
    Outbox outbox = t.outbox();
    return outbox.entriesWhere(CloudTerminal.SALE, "$.receiptNumber", receiptNumber).stream()
        .findFirst()
        .map(
            e -> {
              SaleRequest sale = t.read(e.body(), SaleRequest.class);
              java.util.List<RefundRequestDto> refunds =
                  outbox
                      .entriesWhere(CloudTerminal.REFUND, "$.saleId", sale.id().toString())
                      .stream()
                      .map(r -> t.read(r.body(), RefundRequestDto.class))
                      .toList();
              return new FoundSale(sale, refunds);
            });
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
