package io.kasa.terminal.returns;

import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.RefundMethod;
import io.kasa.domain.sale.Sale;
import io.kasa.terminal.shift.Shifts;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the returns screen asks of the terminal; every call runs off the UI thread. */
public interface Returns {

  /** A sale found by its receipt, rebuilt with what was already refunded. */
  record Found(String receiptNumber, Sale sale) {}

  /** The sale with this receipt number, if this register has it. */
  Optional<Found> find(String receiptNumber);

  /**
   * Refunds {@code quantities} (by line number) of the sale, journalled for the approving manager,
   * the refund receipt printed; answers its lines.
   */
  List<String> refund(
      Found found,
      Map<Integer, Quantity> quantities,
      RefundMethod method,
      Shifts.ManagerPin manager)
      throws Shifts.Refused;
}
