package io.kasa.terminal.receipt;

import io.kasa.domain.receipt.MoneyFormat;
import io.kasa.domain.tender.Tender;
import io.kasa.domain.tender.TenderType;
import io.kasa.terminal.i18n.Messages;

/**
 * A payment as the payment screen lists it, with what the receipt prints about it: the card's
 * scheme, masked number and approval code, or that it is authorised once the register is online; a
 * card paid on the bank's own terminal with its last digits and the slip's code.
 */
public final class TenderWords {

  private TenderWords() {}

  /** One line of "paid so far", with the tip on top when there is one (ADR 0054). */
  public static String of(Tender tender, MoneyFormat format, Messages m) {
    String paid = paid(tender, format, m);
    return tender.tip().isPositive()
        ? paid + " " + m.get("payment.paid.tip", format.withSymbol(tender.tip()))
        : paid;
  }

  private static String paid(Tender tender, MoneyFormat format, Messages m) {
    String amount = format.withSymbol(tender.amount());
    if (tender.type() == TenderType.EXTERNAL_CARD) {
      return m.get(
          "payment.paid.bankTerminal",
          amount,
          tender.card() == null ? "" : tender.card().masked(),
          tender.reference());
    }
    if (tender.type() != TenderType.CARD) {
      return m.get("payment.paid.cash", amount);
    }
    String card =
        tender.card() == null ? "" : tender.card().scheme() + " " + tender.card().masked();
    return tender.approved()
        ? m.get("payment.paid.card", amount, card, tender.reference())
        : m.get("payment.paid.cardOffline", amount, card);
  }
}
