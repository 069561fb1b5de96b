package io.kasa.api.office;

import java.time.Instant;
import java.util.List;

/**
 * The back office's Today (ADR 0042): each visible store's day so far, in the store's own time
 * zone, against the same day a week earlier up to the same time of day. Amounts are in minor units
 * of {@code currency}.
 *
 * @param asOf when the figures were read
 * @param store the store chosen, or null for all the account's stores
 * @param currency the stores' currency (a chain keeps one)
 * @param stores the stores the account may choose among
 * @param sales what was sold (sales' totals, voided sales left out)
 * @param transactions how many sales
 * @param averageTicket sales over transactions, rounded down (0 with none)
 * @param refunds what was refunded
 * @param byHour the day's 24 hours in the stores' local time
 * @param byStore sales per store
 * @param byTerminal sales per till
 * @param byEmployee sales per employee who rang them up
 * @param byPayment what was paid per type (cash net of change)
 * @param topByQuantity the items sold most, by quantity
 * @param topByAmount the items sold most, by amount
 * @param tills every enrolled till of the stores: last contact and unsent work
 * @param incomplete whether any till is behind (holds unsent work) or silent, so figures may miss
 *     sales
 */
public record OfficeTodayDto(
    Instant asOf,
    String store,
    String currency,
    List<Store> stores,
    Figure sales,
    Figure transactions,
    Figure averageTicket,
    Figure refunds,
    List<Hour> byHour,
    List<Share> byStore,
    List<Share> byTerminal,
    List<Share> byEmployee,
    List<Share> byPayment,
    List<Item> topByQuantity,
    List<Item> topByAmount,
    List<Till> tills,
    boolean incomplete) {

  /**
   * A store the account sees.
   *
   * @param id the store
   * @param name its name
   * @param timeZone its IANA time zone
   * @param date its today, ISO
   */
  public record Store(String id, String name, String timeZone, String date) {}

  /**
   * A figure today against the same day last week up to the same time of day.
   *
   * @param today today so far
   * @param lastWeek the same weekday a week earlier, up to the same time of day
   * @param change today over last week less one, in percent rounded to a whole; null when last week
   *     had nothing
   */
  public record Figure(long today, long lastWeek, Integer change) {}

  /**
   * One hour of the day.
   *
   * @param hour 0 to 23, local time
   * @param today sales in that hour today (0 for hours yet to come)
   * @param lastWeek sales in that hour a week earlier (the whole hour)
   */
  public record Hour(int hour, long today, long lastWeek) {}

  /**
   * A part of today's sales.
   *
   * @param id the store, till or employee, or the payment type
   * @param name its name (a till's is "code · name")
   * @param amount its sales (for a payment type, what was paid with it)
   * @param count its sales' number
   */
  public record Share(String id, String name, long amount, long count) {}

  /**
   * An item sold today.
   *
   * @param id the item
   * @param name its name on the receipts
   * @param quantity how many (or kilograms, litres), as a decimal
   * @param amount for how much
   */
  public record Item(String id, String name, String quantity, long amount) {}

  /**
   * A till as it last reported itself.
   *
   * @param id the terminal
   * @param code its code
   * @param name its name
   * @param store its store's name
   * @param lastContact when the service last heard from it, or null (never)
   * @param unsent entries it held unsent then (sales, refunds, shifts), or null (never said)
   * @param behind whether it held unsent entries
   * @param silent whether it has not been heard from for ten minutes
   */
  public record Till(
      String id,
      String code,
      String name,
      String store,
      Instant lastContact,
      Integer unsent,
      boolean behind,
      boolean silent) {}
}
