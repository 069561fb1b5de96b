package io.kasa.api.sales;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A store's cards taken offline that the processor declined when their sale was delivered, not yet
 * settled: money the store is owed (ADR 0031).
 *
 * @param cards newest sale first
 */
public record DeclinedOfflineCards(List<Card> cards) {

  /**
   * One declined card.
   *
   * @param tenderId the card tender
   * @param saleId its sale
   * @param receiptNumber the sale's receipt number
   * @param amount what the card was for, in minor units
   * @param currency ISO 4217
   * @param paidAt when the customer paid (the terminal's time)
   * @param employeeId who took the card
   * @param employeeName their name
   * @param reason why the processor declined it
   * @param whatToDo what the manager does about it
   */
  public record Card(
      UUID tenderId,
      UUID saleId,
      String receiptNumber,
      long amount,
      String currency,
      Instant paidAt,
      UUID employeeId,
      String employeeName,
      String reason,
      String whatToDo) {}
}
