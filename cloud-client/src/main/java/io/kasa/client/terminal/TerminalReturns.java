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
 * Returns at this terminal: a sale found by receipt number or receipt token — in its journal, or
 * another register's from the service — with its refunds so far, and a manager-approved refund
 * journalled with its own receipt number.
 */
public final class TerminalReturns {

  private final CloudTerminal t;

  TerminalReturns(CloudTerminal terminal) {
    this.t = terminal;
  }

  /** A sale found for a return: as recorded, and its refunds so far. */
  public record FoundSale(SaleRequest sale, java.util.List<RefundRequestDto> refunds) {}

  /**
   * Finds a sale by its receipt number: in this terminal's journal (online or not), else — a sale
   * of another register — from the service. Its refunds are those the service has (made at any
   * register; when it can be reached) and those journalled here and not yet delivered.
   */
  public Optional<FoundSale> findSale(String receiptNumber) {
    return find(
        t.outbox().withReceiptNumber(CloudTerminal.SALE, receiptNumber),
        () -> t.client().saleByReceipt(receiptNumber));
  }

  /**
   * Finds a sale by its receipt token (its receipt's QR code, ADR 0041), as {@link
   * #findSale(String)} does by number: in this terminal's journal, else from the service.
   */
  public Optional<FoundSale> findSaleByToken(String token) {
    return find(
        t.outbox().withReceiptToken(CloudTerminal.SALE, token),
        () -> t.client().saleByToken(token));
  }

  private Optional<FoundSale> find(
      java.util.List<Outbox.Entry> journalled,
      java.util.function.Supplier<Optional<io.kasa.api.sales.SaleResponse>> onService) {
    Outbox outbox = t.outbox();
    Optional<SaleRequest> local =
        journalled.stream().findFirst().map(e -> t.read(e.body(), SaleRequest.class));
    Optional<io.kasa.api.sales.SaleForReturn> remote = online(local, onService);
    Optional<SaleRequest> sale = local.isPresent() ? local : remote.map(r -> r.sale());
    return sale.map(
        s -> {
          java.util.Map<UUID, RefundRequestDto> refunds = new java.util.LinkedHashMap<>();
          remote.ifPresent(r -> r.refunds().forEach(x -> refunds.put(x.id(), x)));
          outbox.aboutSale(CloudTerminal.REFUND, s.id()).stream()
              .map(r -> t.read(r.body(), RefundRequestDto.class))
              .forEach(x -> refunds.putIfAbsent(x.id(), x));
          return new FoundSale(s, java.util.List.copyOf(refunds.values()));
        });
  }

  /** The service's view of the sale, when it can be asked (enrolled, reachable, signed in). */
  private Optional<io.kasa.api.sales.SaleForReturn> online(
      Optional<SaleRequest> local,
      java.util.function.Supplier<Optional<io.kasa.api.sales.SaleResponse>> onService) {
    if (!t.enrolled()) {
      return Optional.empty();
    }
    if (local.isPresent()
        && t.status().connectivity() == io.kasa.client.sync.Connectivity.State.OFFLINE) {
      // Known to be offline: the journal answers at once rather than after the client's retries.
      return Optional.empty();
    }
    try {
      Optional<UUID> id =
          local.isPresent() ? local.map(SaleRequest::id) : onService.get().map(r -> r.id());
      return id.flatMap(i -> t.client().saleForReturn(i));
    } catch (io.kasa.client.http.CloudUnreachableException
        | io.kasa.client.http.CloudProblemException e) {
      // Offline, or signed in offline (no session): this terminal's journal is what there is.
      return Optional.empty();
    }
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
