package io.kasa.terminal.app;

import io.kasa.api.sales.RefundLineDto;
import io.kasa.api.sales.RefundRequestDto;
import io.kasa.api.sales.SaleRequests;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.client.terminal.SignInRefused;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.receipt.Receipt;
import io.kasa.domain.receipt.ReceiptBuilder;
import io.kasa.domain.receipt.ReceiptContext;
import io.kasa.domain.receipt.ReceiptNumber;
import io.kasa.domain.receipt.StoreProfile;
import io.kasa.domain.sale.Refund;
import io.kasa.domain.sale.RefundMethod;
import io.kasa.domain.sale.RefundRequest;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.tender.TenderType;
import io.kasa.terminal.checkout.JournalCheckout;
import io.kasa.terminal.checkout.Printouts;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.returns.Returns;
import io.kasa.terminal.shift.Shifts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Returns against this register's journal: the sale rebuilt with pos-domain and its earlier
 * refunds, the refund computed the same way the service will, journalled for the approving manager,
 * and its receipt printed and kept as a PDF; the drawer opens, through its own device, when cash
 * goes out.
 */
final class CloudReturns implements Returns {

  private final CloudTerminal terminal;
  private final Printouts printouts;
  private final Runnable cashDrawer;
  private final Supplier<StoreProfile> store;
  private final Supplier<JournalCheckout.Cashier> cashier;
  private final Messages messages;
  private final Clock clock;

  CloudReturns(
      CloudTerminal terminal,
      Printouts printouts,
      Runnable cashDrawer,
      Supplier<StoreProfile> store,
      Supplier<JournalCheckout.Cashier> cashier,
      Messages messages,
      Clock clock) {
    this.terminal = terminal;
    this.printouts = printouts;
    this.cashDrawer = cashDrawer;
    this.store = store;
    this.cashier = cashier;
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public Optional<Found> find(String receiptNumber) {
    return terminal.returns().findSale(receiptNumber).map(this::found);
  }

  @Override
  public Optional<Found> findByToken(String token) {
    return terminal.returns().findSaleByToken(token).map(this::found);
  }

  /** The sale rebuilt with pos-domain, its earlier refunds applied. */
  private Found found(io.kasa.client.terminal.TerminalReturns.FoundSale found) {
    Sale sale = SaleRequests.replay(found.sale(), terminal.salePolicy(), terminal.catalog()::byId);
    for (RefundRequestDto earlier : found.refunds()) {
      sale.refund(
          earlier.id(),
          requests(earlier.lines()),
          RefundMethod.valueOf(earlier.method()),
          earlier.reason(),
          earlier.at());
    }
    return new Found(found.sale().receiptNumber(), sale, found.sale().receiptToken());
  }

  @Override
  public List<String> refund(
      Found found,
      Map<Integer, Quantity> quantities,
      RefundMethod method,
      Shifts.ManagerPin manager)
      throws Shifts.Refused {
    UUID id = UUID.randomUUID();
    List<RefundLineDto> lines =
        quantities.entrySet().stream()
            .map(e -> new RefundLineDto(e.getKey(), e.getValue().toString()))
            .toList();
    String reason = messages.get("returns.reason");
    // The domain refund first: it refuses more than may come back before anything is journalled.
    Refund refund = found.sale().refund(id, requests(lines), method, reason, clock.instant());
    RefundRequestDto recorded;
    try {
      recorded =
          terminal
              .returns()
              .recordRefund(
                  id,
                  found.sale().id(),
                  lines,
                  method.name(),
                  reason,
                  cashier.get().id(),
                  ManagerPins.override(manager));
    } catch (SignInRefused e) {
      throw ManagerPins.refused(e, messages);
    }
    ReceiptNumber number = ReceiptNumber.parse(recorded.receiptNumber());
    Receipt receipt =
        ReceiptBuilder.forRefund(
            refund,
            found.sale(),
            ReceiptNumber.parse(found.receiptNumber()),
            store.get(),
            new ReceiptContext(
                number,
                clock.instant(),
                terminal.config().terminalName(),
                cashier.get().name(),
                false,
                found.receiptToken()));
    List<String> printed;
    try {
      printed = printouts.receipt(receipt);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (refund.payouts().stream().anyMatch(p -> p.type() == TenderType.CASH)) {
      cashDrawer.run();
    }
    return printed;
  }

  private static List<RefundRequest> requests(List<RefundLineDto> lines) {
    return lines.stream()
        .map(l -> new RefundRequest(l.saleLine(), Quantity.parse(l.quantity())))
        .toList();
  }
}
