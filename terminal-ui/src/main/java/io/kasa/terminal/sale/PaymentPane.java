package io.kasa.terminal.sale;

import io.kasa.domain.money.Money;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.Touch;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The payment phase's panes: what is due and the tenders, the card reader, then the receipt. */
final class PaymentPane {

  private PaymentPane() {}

  /**
   * Due, the tenders taken, the card reader while it waits or the bank terminal's form, quick cash
   * and the pay buttons.
   */
  static VBox paying(SaleViewModel vm, Messages m) {
    Label dueCaption = SaleView.caption(m, "payment.due");
    Label due = new Label();
    due.setId("due");
    due.textProperty().bind(vm.dueProperty());
    due.getStyleClass().add("total");
    Label rounding = new Label();
    rounding.setId("rounding");
    rounding.textProperty().bind(vm.payment().roundingProperty());
    rounding.setWrapText(true);
    // Wrapped, never cut off: the words about rounding are read before paying.
    rounding.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    rounding.getStyleClass().add("text-muted");
    rounding.visibleProperty().bind(rounding.textProperty().isNotEmpty());
    rounding.managedProperty().bind(rounding.visibleProperty());
    // One row of equal keys (at most four amounts), narrow enough for the 400 px side at 1024.
    HBox quick = new HBox(8);
    quick.setId("quick-cash");
    quick.getStyleClass().add("quick-cash");
    Runnable rebuild =
        () -> {
          quick.getChildren().clear();
          for (Money amount : vm.quickCash()) {
            Button b = Touch.key(vm.format(amount), () -> vm.cash(amount));
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            HBox.setHgrow(b, javafx.scene.layout.Priority.ALWAYS);
            quick.getChildren().add(b);
          }
        };
    vm.quickCash().addListener((ListChangeListener<Money>) c -> rebuild.run());
    // While the reader waits for a card, its steps take the room of the cash amounts.
    quick
        .visibleProperty()
        .bind(
            vm.cardWaitingProperty()
                .isEmpty()
                .and(vm.bankTerminal().openProperty().not())
                .and(vm.tips().openProperty().not()));
    quick.managedProperty().bind(quick.visibleProperty());
    Button cash = Touch.grow(Touch.button(m.binding("payment.cash"), "Enter", vm::cash));
    cash.setId("cash");
    cash.getStyleClass().add("accent");
    cash.disableProperty().bind(vm.busyProperty());
    Button card = Touch.grow(Touch.button(m.binding("payment.card"), "F11", vm::card));
    card.setId("card");
    card.disableProperty().bind(vm.busyProperty());
    Button back = Touch.grow(Touch.button(m.binding("payment.back"), "Esc", vm::backToCart));
    back.setId("back");
    HBox buttons = new HBox(8, back, card, cash);
    // When the store takes tips: cash handed over with the change left as a tip (ADR 0054).
    Button keepChange =
        Touch.grow(Touch.button(m.binding("tip.cash"), "F5", vm::cashKeepingChange));
    keepChange.setId("cash-keep-change");
    keepChange.setMaxHeight(Touch.TARGET);
    keepChange.disableProperty().bind(vm.busyProperty());
    BankTerminalPayment bank = vm.bankTerminal();
    // A row of its own: beside the other three its words would not fit the 400 px side at 1024.
    Button bankTerminal = Touch.grow(Touch.button(m.binding("payment.bank"), "F7", bank::open));
    bankTerminal.setId("bank-terminal-open");
    bankTerminal.setMaxHeight(Touch.TARGET);
    bankTerminal.disableProperty().bind(vm.busyProperty());
    // While the bank terminal's form is open it takes the room of the other tenders.
    HBox others = new HBox(8, bankTerminal);
    VBox tenders = new VBox(8, others, buttons);
    vm.phaseProperty()
        .addListener(
            (o, a, now) -> {
              boolean tipsTaken = vm.tips().wanted();
              if (tipsTaken && !others.getChildren().contains(keepChange)) {
                others.getChildren().add(keepChange);
              } else if (!tipsTaken) {
                others.getChildren().remove(keepChange);
              }
            });
    tenders.visibleProperty().bind(bank.openProperty().not().and(vm.tips().openProperty().not()));
    tenders.managedProperty().bind(tenders.visibleProperty());
    ListView<String> paid = new ListView<>(vm.paid());
    paid.setId("paid");
    paid.setFocusTraversable(false);
    paid.setPrefHeight(96);
    paid.visibleProperty().bind(Bindings.isNotEmpty(vm.paid()));
    paid.managedProperty().bind(paid.visibleProperty());
    return new VBox(
        8,
        SaleView.amountUnder(dueCaption, due),
        rounding,
        paid,
        cardReader(vm, m),
        BankTerminalPane.form(vm.bankTerminal(), m),
        TipPane.step(vm, m),
        quick,
        tenders);
  }

  /** While the reader waits for a card: what it asks, Cancel, and the simulator's test cards. */
  private static VBox cardReader(SaleViewModel vm, Messages m) {
    Label asks = new Label();
    asks.setId("card-waiting");
    asks.textProperty().bind(vm.cardWaitingProperty());
    asks.setWrapText(true);
    asks.getStyleClass().add("card-waiting");
    Button cancel = Touch.button(m.binding("payment.card.cancel"), "Esc", vm::cancelCard);
    cancel.setId("card-cancel");
    FlowPane row = new FlowPane(8, 8, cancel);
    if (vm.cardReader() instanceof SimulatedCardReader sim) {
      row.getChildren().add(new Label(m.get("payment.card.test")));
      for (SimulatedCardReader.TestCard c : SimulatedCardReader.TEST_CARDS) {
        Button tap = Touch.button(m.binding(c.key()), null, () -> sim.tap(c.token()));
        tap.setId("test-" + c.token().replace('_', '-'));
        row.getChildren().add(tap);
      }
    }
    VBox box = new VBox(8, asks, row);
    box.setId("card-reader");
    box.visibleProperty().bind(vm.cardWaitingProperty().isNotEmpty());
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  /** Once paid: the change, the receipt as printed, and the next sale. */
  static VBox done(SaleViewModel vm, Messages m) {
    Label changeCaption = SaleView.caption(m, "payment.change");
    Label change = new Label();
    change.setId("change");
    change.textProperty().bind(vm.changeProperty());
    change.getStyleClass().add("change");
    ListView<String> receipt = io.kasa.terminal.ui.Paper.receipt(vm.receipt());
    receipt.setId("receipt");
    Touch.grow(receipt);
    Button next = Touch.grow(Touch.button(m.binding("payment.next"), "Enter", vm::newSale));
    next.setId("next-sale");
    next.getStyleClass().add("accent");
    next.setMaxHeight(Touch.TARGET * 1.5);
    return new VBox(8, SaleView.amountUnder(changeCaption, change), receipt, next);
  }
}
