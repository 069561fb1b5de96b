package io.kasa.terminal.sale;

import io.kasa.domain.barcode.ScanResult;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.sale.SalePolicy;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.shift.Shifts;
import io.kasa.terminal.task.TaskExecutor;
import io.kasa.terminal.ui.Banner;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The sale at the counter, put together from its parts: the {@link Cart}, {@link Browse} (search
 * and quick keys), {@link PriceOverrides}, the {@link Payment}, the {@link CardPayment} and {@link
 * ParkedSales}, with each employee's cart kept in the {@link SaleJournal}. They share one session
 * (the pos-domain {@link Sale}, so totals are the service's to the cent, online or not). The
 * counter's common actions are here too, so the view and the register need not know which part does
 * what.
 */
public final class SaleViewModel implements AutoCloseable {

  /** Where the sale stands on screen. */
  public enum Phase {
    CART,
    PAYMENT,
    DONE
  }

  private final SaleSession session;
  private final Cart cart;
  private final Browse browse;
  private final PriceOverrides prices;
  private final Discounts discounts;
  private final Payment payment;
  private final CardPayment card;
  private final BankTerminalPayment bankTerminal;
  private final SaleJournal journal;
  private final OpenCarts carts;
  private final ParkedSales parked;

  public SaleViewModel(
      Catalog catalog,
      Checkout checkout,
      TaskExecutor tasks,
      Messages messages,
      Supplier<SalePolicy> policy,
      Locale storeLocale,
      Clock clock,
      SaleJournal journal) {
    this.session = new SaleSession(messages, tasks, clock, policy, storeLocale);
    this.cart = new Cart(session, catalog);
    this.browse = new Browse(session, catalog);
    this.prices = new PriceOverrides(session, cart.selectedProperty());
    this.discounts = new Discounts(session, cart.selectedProperty());
    this.payment = new Payment(session, checkout);
    this.card = new CardPayment(session, checkout, payment);
    this.bankTerminal = new BankTerminalPayment(session, payment);
    this.journal = journal;
    this.carts = new OpenCarts(session, journal);
    this.parked = new ParkedSales(session, journal, carts);
    session.newSale();
  }

  /** Closing the register: the carts waiting to be written are written. */
  @Override
  public void close() {
    journal.close();
  }

  // --- the parts

  public Cart cart() {
    return cart;
  }

  public Browse browse() {
    return browse;
  }

  public PriceOverrides prices() {
    return prices;
  }

  public Payment payment() {
    return payment;
  }

  public CardPayment cardPayment() {
    return card;
  }

  /** A card paid on the shop's own bank terminal, copied from its slip. */
  public BankTerminalPayment bankTerminal() {
    return bankTerminal;
  }

  public ParkedSales parked() {
    return parked;
  }

  // --- shared state

  public ReadOnlyObjectProperty<Banner> bannerProperty() {
    return session.banner.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Phase> phaseProperty() {
    return session.phase.getReadOnlyProperty();
  }

  /** What was typed on the keypad (or the keyboard's digits) and not yet used. */
  public StringProperty entryProperty() {
    return session.entry;
  }

  /** True while the sale is being journalled or a card is being read. */
  public BooleanProperty busyProperty() {
    return session.busy;
  }

  /** Whether a shift is open: sales are paid only within one. */
  public BooleanProperty shiftOpenProperty() {
    return session.shiftOpen;
  }

  /** Whether the terminal is selling without the service (cards are then stored). */
  public BooleanProperty offlineProperty() {
    return session.offline;
  }

  public String format(Money money) {
    return session.amount(money);
  }

  /** An amount with the currency's symbol ("31,00 ₴"). */
  public String withSymbol(Money money) {
    return session.withSymbol(money);
  }

  /** The sale in progress (for tests and the customer display). */
  public Sale sale() {
    return session.sale();
  }

  /** A fresh, empty sale. */
  public void newSale() {
    session.newSale();
  }

  /**
   * An employee signed in: the cart they left comes back (or a fresh one), whoever's cart was on
   * the counter stays kept for them, and the parked list is read again.
   */
  public void signedIn(java.util.UUID employee, String name) {
    carts.signedIn(employee, name);
    parked.reload();
    // Said before anything is rung up, not at F12 after the whole basket.
    if (!session.shiftOpen.get()) {
      session.show(Banner.Kind.WARNING, session.messages.get("sale.noShift"));
    }
  }

  // --- the counter's common actions, by part

  public ObservableList<CartLine> lines() {
    return cart.lines();
  }

  public ReadOnlyStringProperty totalProperty() {
    return cart.totalProperty();
  }

  public ReadOnlyStringProperty taxProperty() {
    return cart.taxProperty();
  }

  public ObjectProperty<Quantity> pendingQuantityProperty() {
    return cart.pendingQuantityProperty();
  }

  public IntegerProperty selectedProperty() {
    return cart.selectedProperty();
  }

  public void type(String keys) {
    cart.type(keys);
  }

  public void backspace() {
    cart.backspace();
  }

  public void clearEntry() {
    cart.clearEntry();
  }

  public void times() {
    cart.times();
  }

  public void enter() {
    cart.enter();
  }

  /**
   * Enter in the search field: digits are a barcode or PLU typed by hand (as on the keypad), words
   * add the first item found; otherwise it says nothing was found. True when the field may clear.
   */
  public boolean searched(String typed) {
    String t = typed == null ? "" : typed.strip();
    if (t.isEmpty()) {
      return false;
    }
    if (t.chars().allMatch(c -> c >= '0' && c <= '9')) {
      session.entry.set(t);
      cart.enter();
      return true;
    }
    if (!searchResults().isEmpty()) {
      cart.add(searchResults().get(0), null);
      return true;
    }
    session.show(Banner.Kind.WARNING, session.messages.get("sale.search.none", t));
    return false;
  }

  public void scanned(ScanResult result) {
    cart.scanned(result);
  }

  public void add(CatalogItem item, Quantity weight) {
    cart.add(item, weight);
  }

  /** A line as a table ordered it, with its options and note (a check carried to the sale). */
  public void addAsOrdered(
      CatalogItem item, Quantity quantity, io.kasa.domain.sale.ModifierSelection ordered) {
    cart.addAsOrdered(item, quantity, ordered);
  }

  public void quantityOfSelected() {
    cart.lineActions().quantityOfSelected();
  }

  public void discount(boolean wholeSale) {
    discounts.give(wholeSale);
  }

  /** The discount limits in force and how a manager approves beyond them (ADR 0033). */
  public Discounts discounts() {
    return discounts;
  }

  public void voidSelected() {
    cart.lineActions().voidSelected();
  }

  public void moveSelection(int by) {
    cart.lineActions().moveSelection(by);
  }

  public ObservableList<CatalogItem> searchResults() {
    return browse.searchResults();
  }

  public ObservableList<String> categories() {
    return browse.categories();
  }

  public ObservableList<CatalogItem> quickItems() {
    return browse.quickItems();
  }

  public StringProperty categoryProperty() {
    return browse.categoryProperty();
  }

  public void search(String typed) {
    browse.search(typed);
  }

  public void loadQuickKeys() {
    browse.loadQuickKeys();
  }

  public void chooseCategory(String name) {
    browse.chooseCategory(name);
  }

  public void priceOverrides(PriceOverrides.Approvals approvals, Supplier<BigDecimal> limit) {
    prices.use(approvals, limit);
  }

  public ReadOnlyObjectProperty<Integer> managerWantedProperty() {
    return prices.managerWantedProperty();
  }

  public void overridePrice() {
    prices.override();
  }

  public void overridePrice(Shifts.ManagerPin manager) {
    prices.approve(manager);
  }

  public void pay() {
    payment.pay();
  }

  public void backToCart() {
    payment.backToCart();
  }

  /** Enter while paying: exact or typed cash; with the bank terminal's form open, records it. */
  public void cash() {
    if (bankTerminal.openProperty().get()) {
      bankTerminal.confirm();
    } else {
      payment.cash();
    }
  }

  public void cash(Money amount) {
    payment.cash(amount);
  }

  public void reprint() {
    payment.reprint();
  }

  public ObservableList<Money> quickCash() {
    return payment.quickCash();
  }

  public ObservableList<String> receipt() {
    return payment.receipt();
  }

  public ObservableList<String> paid() {
    return payment.paid();
  }

  public ReadOnlyStringProperty dueProperty() {
    return payment.dueProperty();
  }

  public ReadOnlyStringProperty changeProperty() {
    return payment.changeProperty();
  }

  public ReadOnlyStringProperty receiptNumberProperty() {
    return payment.receiptNumberProperty();
  }

  public void cardReader(CardReader reader) {
    card.reader(reader);
  }

  public CardReader cardReader() {
    return card.reader();
  }

  /** F11: a card at the reader; not while the bank terminal's form is open. */
  public void card() {
    if (!bankTerminal.openProperty().get()) {
      card.card();
    }
  }

  public void cancelCard() {
    card.cancel();
  }

  /** The tip step before a card (ADR 0054). */
  public TipStep tips() {
    return card.tips();
  }

  /** The store's tip rules, as the terminal's configuration gives them now. */
  public void tipRules(Supplier<io.kasa.domain.tender.TipRules> rules) {
    card.tips().rules(rules);
  }

  /** F5 while paying: the cash typed is handed over and the change is left as a tip. */
  public void cashKeepingChange() {
    payment.cashKeepingChange(card.tips().wanted());
  }

  public ReadOnlyStringProperty cardWaitingProperty() {
    return card.waitingProperty();
  }

  public void parkOrRecall() {
    parked.parkOrRecall();
  }

  public ReadOnlyIntegerProperty parkedCountProperty() {
    return parked.countProperty();
  }

  /** The store's locale, in which amounts are written on screen and paper. */
  java.util.Locale storeLocale() {
    return session.storeLocale;
  }
}
