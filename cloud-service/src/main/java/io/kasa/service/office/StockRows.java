package io.kasa.service.office;

import io.kasa.api.office.OfficeStockLevel;
import io.kasa.api.office.OfficeStockMovement;
import java.time.ZoneId;

/**
 * The Stock screen's rows as its templates show them (ADR 0050): an item's stock with its mark in
 * words, and a movement with its time in the store's zone, its signed change and who made it.
 */
public final class StockRows {

  private StockRows() {}

  /**
   * An item as listed.
   *
   * @param href its stock page
   * @param level the item's stock with its words
   */
  public record Row(String href, Level level) {}

  /**
   * An item's stock as shown.
   *
   * @param item the item as read
   * @param onHand the quantity with its unit, in the page's language
   * @param reorderLevel the reorder level with its unit, or a dash
   * @param state OK, LOW, OUT, NONE or NEGATIVE (for the style)
   * @param stateWords the state in words
   */
  public record Level(
      OfficeStockLevel item, String onHand, String reorderLevel, String state, String stateWords) {

    /** Whether the row wants a look: low, out or below zero. */
    public boolean flagged() {
      return !"OK".equals(state) && !"NONE".equals(state);
    }
  }

  /**
   * A movement as shown.
   *
   * @param at when, in the store's time zone
   * @param atIso the instant for {@code <time datetime>}
   * @param reason its reason in words
   * @param change the change, signed, with the unit
   * @param balance the stock after it, with the unit
   * @param detail the receipt, the count or the note, or a dash
   * @param by who, in words
   */
  public record Move(
      String at,
      String atIso,
      String reason,
      String change,
      String balance,
      String detail,
      String by) {}

  static Level level(View v, OfficeStockLevel l) {
    String unit = l.unit();
    return new Level(
        l,
        Quantity.of(l.onHand(), unit, v),
        l.reorderLevel() == null ? "—" : Quantity.of(l.reorderLevel(), unit, v),
        l.state(),
        v.t("stock.state." + l.state()));
  }

  static Move move(View v, OfficeStockMovement m, String unit, ZoneId zone) {
    String detail;
    if (m.receipt() != null) {
      detail = v.t("stock.receiptNo", m.receipt());
    } else if (m.counted() != null) {
      detail = v.t("stock.counted", Quantity.of(m.counted(), unit, v));
    } else {
      detail = "";
    }
    if (m.note() != null) {
      detail = detail.isEmpty() ? m.note() : detail + " · " + m.note();
    }
    String by =
        switch (m.byKind()) {
          case "SYSTEM" -> v.t("stock.by.SYSTEM");
          default -> m.terminal() == null ? m.by() : v.t("stock.by.till", m.by(), m.terminal());
        };
    return new Move(
        ShiftsPages.TIME.format(m.at().atZone(zone)),
        m.at().toString(),
        v.t("stock.reason." + m.reason()),
        Quantity.signed(m.change(), unit, v),
        Quantity.of(m.balance(), unit, v),
        detail.isEmpty() ? "—" : detail,
        by == null ? "—" : by);
  }
}
