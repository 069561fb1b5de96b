package io.kasa.terminal.sale;

import io.kasa.domain.money.Money;
import io.kasa.domain.money.Percent;
import io.kasa.domain.tender.TipRules;
import io.kasa.terminal.ui.Banner;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The tip step before a card is presented (ADR 0054), when the store takes tips: its percent
 * presets with the tip each gives on what the card pays (F1–F4), another amount typed on the keypad
 * (Enter), or no tip (F11); Esc goes back to paying. The card is then charged its amount and the
 * tip.
 */
public final class TipStep {

  /**
   * One preset as the step offers it.
   *
   * @param percent the store's percentage
   * @param tip what it gives on the card's amount, rounded half up to the minor unit
   * @param charged the card's amount and the tip
   */
  public record Offer(Percent percent, Money tip, Money charged) {}

  private final SaleSession session;
  private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
  private final ObservableList<Offer> offers = FXCollections.observableArrayList();
  private Supplier<TipRules> rules = () -> TipRules.OFF;
  private TipRules asked = TipRules.OFF;
  private Money amount;
  private BiConsumer<Money, Money> then;

  TipStep(SaleSession session) {
    this.session = session;
    session.messages.follow(title);
    session.onNewSale(this::close);
    session.phase.addListener(
        (o, a, now) -> {
          if (now != SaleViewModel.Phase.PAYMENT) {
            close();
          }
        });
  }

  /** Where the store's tip rules come from: the tills' configuration, as last synced. */
  public void rules(Supplier<TipRules> rules) {
    this.rules = rules;
  }

  /** Whether the store takes tips now. */
  boolean wanted() {
    return rules.get().enabled();
  }

  /** Whether the step is on screen. */
  public ReadOnlyBooleanProperty openProperty() {
    return open.getReadOnlyProperty();
  }

  /** What the step asks: "Tip on a card of 45,00 ₴?". */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** The presets with their tips, in the store's order. */
  public ObservableList<Offer> offers() {
    return offers;
  }

  /** The amount the card pays towards the sale, while the step is open. */
  public Money amount() {
    return amount;
  }

  /** Asks for a tip on a card paying {@code amount}; {@code then} gets the amount and the tip. */
  void ask(Money amount, BiConsumer<Money, Money> then) {
    this.asked = rules.get();
    this.amount = amount;
    this.then = then;
    offers.setAll(
        asked.presets().stream()
            .map(
                p -> {
                  Money tip = TipRules.percentOf(amount, p);
                  return new Offer(p, tip, amount.plus(tip));
                })
            .toList());
    title.set(session.messages.get("tip.title", session.withSymbol(amount)));
    open.set(true);
  }

  /** F1–F4: the preset at {@code index} (from 0), if there is one. */
  public void preset(int index) {
    if (open.get() && index >= 0 && index < offers.size()) {
      choose(offers.get(index).tip());
    }
  }

  /**
   * Enter: the tip typed on the keypad (major units); refused in words when it is not an amount or
   * is above the store's largest tip.
   */
  public void other() {
    if (!open.get()) {
      return;
    }
    String typed = session.takeEntry();
    if (typed.isBlank()) {
      session.show(Banner.Kind.WARNING, session.messages.get("tip.other.type"));
      return;
    }
    Optional<Money> tip = Typed.money(typed, amount.currency());
    if (tip.isEmpty()) {
      session.show(Banner.Kind.WARNING, session.messages.get("payment.amount.invalid"));
      return;
    }
    if (asked.check(amount, tip.get()).isPresent()) {
      session.show(
          Banner.Kind.WARNING,
          session.messages.get(
              "tip.other.tooMuch",
              session.withSymbol(asked.largest(amount)),
              asked.maxPercent().value().toPlainString()));
      return;
    }
    choose(tip.get());
  }

  /** F11: the card without a tip. */
  public void none() {
    if (open.get()) {
      choose(Money.zero(amount.currency()));
    }
  }

  /** Esc: back to paying, nothing presented. */
  public void close() {
    open.set(false);
    offers.clear();
    then = null;
  }

  private void choose(Money tip) {
    BiConsumer<Money, Money> next = then;
    Money paying = amount;
    close();
    if (next != null) {
      next.accept(paying, tip);
    }
  }

  /** The tips offered, for tests: each preset's tip in order. */
  List<Money> offeredTips() {
    return offers.stream().map(Offer::tip).toList();
  }
}
