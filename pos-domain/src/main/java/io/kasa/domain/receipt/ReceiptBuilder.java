package io.kasa.domain.receipt;

import io.kasa.domain.money.Money;
import io.kasa.domain.sale.LineTotals;
import io.kasa.domain.sale.Refund;
import io.kasa.domain.sale.RefundLine;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.sale.SaleLine;
import io.kasa.domain.sale.SaleTotals;
import io.kasa.domain.tender.Tender;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builds the receipt of a paid sale or of a refund. */
public final class ReceiptBuilder {

  private ReceiptBuilder() {}

  /** The receipt of a paid sale. */
  public static Receipt forSale(Sale sale, StoreProfile store, ReceiptContext context) {
    if (!sale.state().isPaid()) {
      throw new IllegalStateException("Only a paid sale has a receipt; sale is " + sale.state());
    }
    SaleTotals totals = sale.totals();
    Money zero = sale.policy().zero();
    List<ReceiptLine> lines = new ArrayList<>();
    for (LineTotals lt : totals.lines()) {
      SaleLine line = sale.line(lt.number());
      lines.add(
          new ReceiptLine(
              line.item().name(),
              line.quantity(),
              line.item().unit(),
              line.chargedUnitPrice(),
              lt.gross(),
              lt.lineDiscount(),
              lt.gross().minus(lt.lineDiscount()),
              lt.rate().label(),
              noteOf(line),
              line.modifiers(),
              line.note()));
    }
    return new Receipt(
        Receipt.Kind.SALE,
        store.name(),
        store.headerLines(),
        store.taxId(),
        context.number(),
        null,
        context.printedAt().atZone(store.zone()),
        context.terminal(),
        context.cashier(),
        lines,
        totals.subtotal(),
        totals.lineDiscounts(),
        totals.orderDiscount(),
        totals.tax(),
        totals.total(),
        sale.policy().tax().mode(),
        totals.taxBreakdown(),
        payments(sale.tenders()),
        sale.cashRounding(),
        sale.change().max(zero),
        store.footerLines(),
        context.number().toString(),
        store.receiptUrl(context.receiptToken()),
        store.locale(),
        context.offline());
  }

  /** The receipt of a refund of {@code sale}, whose own receipt was {@code originalNumber}. */
  public static Receipt forRefund(
      Refund refund,
      Sale sale,
      ReceiptNumber originalNumber,
      StoreProfile store,
      ReceiptContext context) {
    if (!refund.saleId().equals(sale.id())) {
      throw new IllegalArgumentException("Refund " + refund.id() + " is not of sale " + sale.id());
    }
    Objects.requireNonNull(originalNumber, "originalNumber");
    Money zero = sale.policy().zero();
    List<ReceiptLine> lines = new ArrayList<>();
    Money subtotal = zero;
    for (RefundLine rl : refund.lines()) {
      SaleLine line = sale.line(rl.saleLineNumber());
      lines.add(
          new ReceiptLine(
              rl.item().name(),
              rl.quantity(),
              rl.item().unit(),
              line.chargedUnitPrice(),
              rl.amount(),
              zero,
              rl.amount(),
              rl.rate().label(),
              null,
              line.modifiers(),
              line.note()));
      subtotal = subtotal.plus(rl.amount());
    }
    return new Receipt(
        Receipt.Kind.REFUND,
        store.name(),
        store.headerLines(),
        store.taxId(),
        context.number(),
        originalNumber,
        context.printedAt().atZone(store.zone()),
        context.terminal(),
        context.cashier(),
        lines,
        subtotal,
        zero,
        zero,
        refund.tax(),
        refund.total(),
        sale.policy().tax().mode(),
        refund.taxBreakdown(),
        payments(refund.payouts()),
        refund.cashRounding(),
        zero,
        store.footerLines(),
        context.number().toString(),
        store.receiptUrl(context.receiptToken()),
        store.locale(),
        context.offline());
  }

  private static List<ReceiptPayment> payments(List<Tender> tenders) {
    return tenders.stream()
        .map(
            t ->
                new ReceiptPayment(
                    t.type(), t.amount(), t.reference(), t.card(), t.approved(), t.tip()))
        .toList();
  }

  private static String noteOf(SaleLine line) {
    List<String> notes = new ArrayList<>();
    line.priceOverride().ifPresent(o -> notes.add(o.reason()));
    line.lineDiscount().ifPresent(d -> notes.add(d.reason()));
    notes.removeIf(String::isBlank);
    return notes.isEmpty() ? null : String.join("; ", notes);
  }
}
