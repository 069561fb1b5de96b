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

  /**
   * A sale found by its receipt, rebuilt with what was already refunded.
   *
   * @param receiptNumber its receipt number
   * @param sale the sale
   * @param receiptToken its receipt page's token (a refund's receipt carries the sale's page), or
   *     null for a sale made before tokens
   */
  record Found(String receiptNumber, Sale sale, String receiptToken) {}

  /** The sale with this receipt number, if this register has it. */
  Optional<Found> find(String receiptNumber);

  /**
   * The sale whose receipt token is {@code token} (its receipt's QR code, ADR 0041): in this
   * register's journal, else another register's from the service.
   */
  Optional<Found> findByToken(String token);

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
