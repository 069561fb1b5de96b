package io.kasa.terminal.sale;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.ChosenModifier;
import io.kasa.domain.sale.ModifierSelection;
import io.kasa.domain.sale.Modifiers;
import io.kasa.domain.sale.SaleLine;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;

/**
 * The cart's side of the modifier picker (ADR 0043): an item with modifier groups is added only
 * once its options are chosen, and a tap on such a line opens the picker on its choices. The line
 * made or changed is selected.
 */
final class ModifierChoices {

  private final SaleSession session;
  private final ModifierPicker picker;
  private final IntegerProperty selected;
  private final SameLine same;

  ModifierChoices(
      SaleSession session, ModifierPicker picker, IntegerProperty selected, SameLine same) {
    this.session = session;
    this.picker = picker;
    this.selected = selected;
    this.same = same;
  }

  /** Whether {@code item} is added through the picker. */
  static boolean wanted(CatalogItem item) {
    return !item.modifierGroups().isEmpty();
  }

  /**
   * Asks for the options of {@code item} to add {@code q} of it at its price; with {@code joins} it
   * joins the last line of the same item asking exactly the same, as a repeated item does.
   */
  void add(CatalogItem item, Quantity q, boolean joins) {
    picker.whenDone(() -> {});
    picker.ask(
        item,
        item.price(),
        ModifierSelection.NONE,
        0,
        choice -> selectedLine(addChosen(item, q, joins, choice)));
  }

  /** Asks for the options of an open-price {@code item} sold at {@code price}. */
  void addAt(CatalogItem item, Quantity q, Money price) {
    picker.whenDone(() -> {});
    picker.ask(
        item,
        price,
        ModifierSelection.NONE,
        0,
        choice -> selectedLine(session.sale().addOpenPriceItem(item, q, price, choice).number()));
  }

  /**
   * A tap on a line whose item has modifier groups: the picker opens with the line's choices and
   * note; Confirm changes them (its quantity, price and discount stay).
   */
  void change(int lineNumber) {
    if (session.phase.get() != SaleViewModel.Phase.CART || lineNumber < 1 || picker.open()) {
      return;
    }
    SaleLine line = session.sale().line(lineNumber);
    if (line.voided() || !wanted(line.item())) {
      return;
    }
    selected.set(lineNumber);
    picker.whenDone(() -> selected.set(lineNumber));
    picker.ask(
        line.item(),
        line.unitPrice(),
        Modifiers.selectionOf(line.modifiers(), line.note()),
        lineNumber,
        choice -> session.sale().changeModifiers(lineNumber, choice).number());
  }

  private int selectedLine(int number) {
    selected.set(number);
    return number;
  }

  private int addChosen(CatalogItem item, Quantity q, boolean joins, ModifierSelection choice) {
    List<ChosenModifier> chosen = Modifiers.resolve(item, choice);
    Optional<SaleLine> line = joins ? same.of(item, chosen, choice.note()) : Optional.empty();
    if (line.isPresent()) {
      return session
          .sale()
          .changeQuantity(line.get().number(), line.get().quantity().plus(q))
          .number();
    }
    return session.sale().addItem(item, q, choice).number();
  }
}
