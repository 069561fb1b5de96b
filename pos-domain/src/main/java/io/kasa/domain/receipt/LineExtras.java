package io.kasa.domain.receipt;

import io.kasa.domain.money.Money;
import io.kasa.domain.sale.ChosenModifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words beneath a line for its chosen options and note (ADR 0043), the same on the register's
 * screen, the printer, the pre-bill and the PDF: «+ Молоко: Вівсяне» with «+15,00» when the option
 * costs something, then «Примітка: без цибулі».
 */
public final class LineExtras {

  /**
   * One row beneath a line.
   *
   * @param text the option («+ Молоко: Вівсяне») or the note («Примітка: без цибулі»)
   * @param price the option's delta per unit, signed («+15,00», «-5,00»), or {@code null} when it
   *     is free or the row is the note
   */
  public record Row(String text, String price) {

    /** The row as one string, for a screen list. */
    public String joined() {
      return price == null ? text : text + "  " + price;
    }
  }

  private LineExtras() {}

  /** The rows for these options and note, in the receipt language of {@code locale}. */
  public static List<Row> rows(List<ChosenModifier> modifiers, String note, Locale locale) {
    List<Row> rows = new ArrayList<>();
    MoneyFormat format = new MoneyFormat(locale);
    for (ChosenModifier m : modifiers) {
      rows.add(
          new Row("+ " + m.groupName() + ": " + m.optionName(), price(format, m.priceDelta())));
    }
    if (note != null && !note.isBlank()) {
      ResourceBundle text = ResourceBundle.getBundle(ReceiptTextLayout.BUNDLE, locale);
      rows.add(new Row(text.getString("lineNote") + ": " + note.strip(), null));
    }
    return rows;
  }

  /** The rows of a receipt line. */
  public static List<Row> rows(ReceiptLine line, Locale locale) {
    return rows(line.modifiers(), line.lineNote(), locale);
  }

  private static String price(MoneyFormat format, Money delta) {
    if (delta.isZero()) {
      return null;
    }
    String amount = format.amount(delta.isNegative() ? delta.negate() : delta);
    return (delta.isNegative() ? "-" : "+") + amount.replace('\u00a0', ' ').replace('\u202f', ' ');
  }
}
