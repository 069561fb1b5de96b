package io.kasa.terminal.sale;

import io.kasa.domain.barcode.ParsedCode;
import io.kasa.domain.barcode.ScanResult;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.receipt.MoneyFormat;
import io.kasa.domain.sale.LineTotals;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.sale.SaleLine;
import io.kasa.domain.sale.SalePolicy;
import io.kasa.domain.sale.SaleRuleViolation;
import io.kasa.domain.sale.SaleState;
import io.kasa.domain.sale.SaleTotals;
import io.kasa.domain.tender.Tender;
import io.kasa.domain.tender.TenderType;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.task.TaskExecutor;
import io.kasa.terminal.ui.Banner;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sale at the counter: the cart, the keypad's entry, scans, search, and paying. Works on a
 * pos-domain {@link Sale}, so totals are the service's to the cent, online or not. Look-ups and the
 * checkout run through the {@link TaskExecutor}; the rest is instant.
 */
public final class SaleViewModel {

  /** Where the sale stands on screen. */
  public enum Phase {
    CART,
    PAYMENT,
    DONE
  }

  private static final int SEARCH_RESULTS = 24;
  private static final long[] NOTES = {1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000};

  private final Catalog catalog;
  private final Checkout checkout;
  private final TaskExecutor tasks;
  private final Messages messages;
  private final Supplier<SalePolicy> policy;
  private final Clock clock;
  private final MoneyFormat format;

  private final ObservableList<CartLine> lines = FXCollections.observableArrayList();
  private final ObservableList<CatalogItem> searchResults = FXCollections.observableArrayList();
  private final ObservableList<Money> quickCash = FXCollections.observableArrayList();
  private final ObservableList<String> categories = FXCollections.observableArrayList();
  private final ObservableList<CatalogItem> quickItems = FXCollections.observableArrayList();
  private final StringProperty category = new SimpleStringProperty();
  private final ObservableList<String> receipt = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper subtotal = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper tax = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper due = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper change = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper receiptNumber = new ReadOnlyStringWrapper("");
  private final StringProperty entry = new SimpleStringProperty("");
  private final ReadOnlyObjectWrapper<Banner> banner = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.CART);
  private final ObjectProperty<Quantity> pendingQuantity = new SimpleObjectProperty<>();
  private final IntegerProperty selected = new SimpleIntegerProperty(-1);
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final BooleanProperty offline = new SimpleBooleanProperty();
  private final BooleanProperty shiftOpen = new SimpleBooleanProperty(true);
  private final java.util.Deque<Sale> parked = new java.util.ArrayDeque<>();
  private final ObservableList<String> paid = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper cardWaiting = new ReadOnlyStringWrapper("");
  private final java.util.Map<java.util.UUID, String> cardTokens = new java.util.HashMap<>();
  private CardReader cardReader = CardReader.NONE;
  private boolean cardOnline;
  private boolean cardOffline;
  private final javafx.beans.property.IntegerProperty parkedCount = new SimpleIntegerProperty();
  private Sale sale;
  private Money lastChange;
  private java.util.UUID approval;
  private boolean approvedOffline;
  private PriceApprovals approvals =
      (manager) -> {
        throw new IllegalStateException("No manager approvals here");
      };
  private java.util.function.Supplier<BigDecimal> overrideLimit = () -> BigDecimal.TEN;
  private final ReadOnlyObjectWrapper<Integer> managerWanted = new ReadOnlyObjectWrapper<>();

  /** Asks for a manager's approval of a lowered price: answers its id, or null when offline. */
  @FunctionalInterface
  public interface PriceApprovals {
    java.util.UUID approve(io.kasa.terminal.shift.Shifts.ManagerPin manager) throws Exception;
  }

  /** The counter's card reader (none until one is configured). */
  public void cardReader(CardReader reader) {
    this.cardReader = reader;
  }

  public CardReader cardReader() {
    return cardReader;
  }

  /** The tenders taken so far in this payment, one line each (split tender). */
  public ObservableList<String> paid() {
    return paid;
  }

  /** What the reader asks of the customer while it waits for a card; empty otherwise. */
  public ReadOnlyStringProperty cardWaitingProperty() {
    return cardWaiting.getReadOnlyProperty();
  }

  /** Where price overrides beyond the store's limit get a manager's approval. */
  public void priceOverrides(
      PriceApprovals approvals, java.util.function.Supplier<BigDecimal> limit) {
    this.approvals = approvals;
    this.overrideLimit = limit;
  }

  /**
   * Set to the line number when a price typed for it needs a manager: the view asks for a PIN and
   * calls {@link #overridePrice(io.kasa.terminal.shift.Shifts.ManagerPin)}.
   */
  public ReadOnlyObjectProperty<Integer> managerWantedProperty() {
    return managerWanted.getReadOnlyProperty();
  }

  public SaleViewModel(
      Catalog catalog,
      Checkout checkout,
      TaskExecutor tasks,
      Messages messages,
      Supplier<SalePolicy> policy,
      Locale storeLocale,
      Clock clock) {
    this.catalog = catalog;
    this.checkout = checkout;
    this.tasks = tasks;
    this.messages = messages;
    messages.follow(banner, b -> b.again(messages));
    messages.follow(cardWaiting);
    messages.followAll(paid);
    this.policy = policy;
    this.clock = clock;
    this.format = new MoneyFormat(storeLocale);
    newSale();
  }

  // --- state for the view

  public ObservableList<CartLine> lines() {
    return lines;
  }

  public ObservableList<CatalogItem> searchResults() {
    return searchResults;
  }

  /** The quick keys' categories. */
  public ObservableList<String> categories() {
    return categories;
  }

  /** The quick keys of the chosen category. */
  public ObservableList<CatalogItem> quickItems() {
    return quickItems;
  }

  public StringProperty categoryProperty() {
    return category;
  }

  /** Loads the categories (after a catalogue sync) and shows the first. */
  public void loadQuickKeys() {
    tasks.submit(
        catalog::categories,
        found -> {
          categories.setAll(found);
          if (!found.isEmpty() && (category.get() == null || !found.contains(category.get()))) {
            chooseCategory(found.get(0));
          }
        },
        e -> show(Banner.Kind.ERROR, messages.get("catalog.failed")));
  }

  /** Shows a category's items as quick keys. */
  public void chooseCategory(String name) {
    category.set(name);
    tasks.submit(
        () -> catalog.inCategory(name, 200),
        quickItems::setAll,
        e -> show(Banner.Kind.ERROR, messages.get("catalog.failed")));
  }

  /** Cash amounts offered in one touch: the exact amount due, then the next notes up. */
  public ObservableList<Money> quickCash() {
    return quickCash;
  }

  /** The last completed sale's receipt, as printed. */
  public ObservableList<String> receipt() {
    return receipt;
  }

  public ReadOnlyStringProperty subtotalProperty() {
    return subtotal.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty taxProperty() {
    return tax.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty totalProperty() {
    return total.getReadOnlyProperty();
  }

  /** What is still to pay, while paying. */
  public ReadOnlyStringProperty dueProperty() {
    return due.getReadOnlyProperty();
  }

  /** The change to give, once paid. */
  public ReadOnlyStringProperty changeProperty() {
    return change.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty receiptNumberProperty() {
    return receiptNumber.getReadOnlyProperty();
  }

  /** What was typed on the keypad (or the keyboard's digits) and not yet used. */
  public StringProperty entryProperty() {
    return entry;
  }

  public ReadOnlyObjectProperty<Banner> bannerProperty() {
    return banner.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Phase> phaseProperty() {
    return phase.getReadOnlyProperty();
  }

  /** The quantity the next item will get (set with ×), or null for one. */
  public ObjectProperty<Quantity> pendingQuantityProperty() {
    return pendingQuantity;
  }

  /** The selected line's number, or -1. */
  public IntegerProperty selectedProperty() {
    return selected;
  }

  /** True while the sale is being journalled. */
  public BooleanProperty busyProperty() {
    return busy;
  }

  /** Whether a shift is open: sales are paid only within one. */
  public BooleanProperty shiftOpenProperty() {
    return shiftOpen;
  }

  /** Whether the terminal is selling without the service (cards are then stored). */
  public BooleanProperty offlineProperty() {
    return offline;
  }

  public String format(Money money) {
    return format.amount(money);
  }

  /** The sale in progress (for tests and the customer display). */
  public Sale sale() {
    return sale;
  }

  // --- the keypad

  /** A digit, a decimal comma, or 00 from the keypad. */
  public void type(String keys) {
    if (phase.get() == Phase.DONE) {
      newSale();
    }
    if (entry.get().length() < 32) {
      entry.set(entry.get() + keys);
    }
  }

  public void backspace() {
    String e = entry.get();
    entry.set(e.isEmpty() ? e : e.substring(0, e.length() - 1));
  }

  public void clearEntry() {
    entry.set("");
    pendingQuantity.set(null);
  }

  /** ×: the number typed becomes the quantity of the next item, or of the selected line. */
  public void times() {
    Optional<Quantity> q = quantity(entry.get());
    entry.set("");
    if (q.isEmpty()) {
      show(Banner.Kind.WARNING, messages.get("sale.quantity.invalid"));
      return;
    }
    if (selected.get() > 0 && !sale.line(selected.get()).voided()) {
      changeQuantity(selected.get(), q.get());
    } else {
      pendingQuantity.set(q.get());
    }
  }

  /** Enter: the digits typed are a barcode or PLU typed by hand. */
  public void enter() {
    String code = entry.get().strip();
    entry.set("");
    if (code.isEmpty()) {
      return;
    }
    lookUp(code, null);
  }

  // --- scanning and search

  /** A scan from any scanner (serial, USB, keyboard wedge). */
  public void scanned(ScanResult result) {
    if (result instanceof ScanResult.Rejected r) {
      show(Banner.Kind.ERROR, messages.get("scan.rejected." + r.reason().name(), r.raw()));
      return;
    }
    ParsedCode code = ((ScanResult.Accepted) result).code();
    if (code instanceof ParsedCode.Gtin g) {
      lookUp(g.printed(), null);
    } else if (code instanceof ParsedCode.Embedded e) {
      lookUp(e.itemCode(), e.weight().orElse(null));
    } else if (code instanceof ParsedCode.Gs1 g && g.gtin().isPresent()) {
      lookUp(g.gtin().get(), g.netWeight().orElse(null));
    } else {
      lookUp(result.raw(), null);
    }
  }

  private void lookUp(String code, Quantity weight) {
    if (phase.get() == Phase.DONE) {
      newSale();
    }
    if (phase.get() != Phase.CART) {
      show(Banner.Kind.WARNING, messages.get("sale.paying"));
      return;
    }
    tasks.submit(
        () -> catalog.byCode(code),
        found -> {
          if (found.isEmpty()) {
            show(Banner.Kind.ERROR, messages.get("scan.unknown", code));
          } else {
            add(found.get(), weight);
          }
        },
        e -> show(Banner.Kind.ERROR, messages.get("catalog.failed")));
  }

  /** Search as you type; results replace the previous ones. */
  public void search(String typed) {
    if (typed == null || typed.isBlank()) {
      searchResults.clear();
      return;
    }
    tasks.submit(
        () -> catalog.search(typed, SEARCH_RESULTS),
        searchResults::setAll,
        e -> show(Banner.Kind.ERROR, messages.get("catalog.failed")));
  }

  /** Adds an item: with the pending quantity, the scanned weight, or one. */
  public void add(CatalogItem item, Quantity weight) {
    if (phase.get() == Phase.DONE) {
      newSale();
    }
    if (phase.get() != Phase.CART) {
      show(Banner.Kind.WARNING, messages.get("sale.paying"));
      return;
    }
    if (item.openPrice()) {
      show(Banner.Kind.WARNING, messages.get("sale.openPrice", item.name()));
      return;
    }
    Quantity q =
        weight != null
            ? weight
            : pendingQuantity.get() != null ? pendingQuantity.get() : Quantity.ONE;
    if (item.unit().isMeasured() && weight == null && pendingQuantity.get() == null) {
      show(Banner.Kind.WARNING, messages.get("sale.weigh", item.name()));
      return;
    }
    try {
      SaleLine line = sale.addItem(item, q);
      pendingQuantity.set(null);
      refresh();
      selected.set(line.number());
      show(Banner.Kind.INFO, messages.get("sale.added", item.name()));
    } catch (SaleRuleViolation e) {
      show(Banner.Kind.ERROR, e.getMessage());
    }
  }

  // --- line actions

  /** F3: the number typed becomes the selected line's quantity. */
  public void quantityOfSelected() {
    int n = selected.get();
    Optional<Quantity> q = quantity(entry.get());
    if (n < 1 || phase.get() != Phase.CART) {
      show(Banner.Kind.WARNING, messages.get("sale.selectLine"));
      return;
    }
    if (q.isEmpty()) {
      show(Banner.Kind.WARNING, messages.get("sale.quantity.invalid"));
      return;
    }
    entry.set("");
    changeQuantity(n, q.get());
  }

  /** F5: the number typed is a percentage off the selected line; Shift+F5 off the whole sale. */
  public void discount(boolean wholeSale) {
    if (phase.get() != Phase.CART) {
      return;
    }
    Optional<io.kasa.domain.money.Percent> percent = percent(entry.get());
    if (percent.isEmpty()) {
      show(Banner.Kind.WARNING, messages.get("sale.discount.invalid"));
      return;
    }
    entry.set("");
    io.kasa.domain.sale.Discount d =
        io.kasa.domain.sale.Discount.percent(percent.get(), messages.get("sale.discount.reason"));
    try {
      if (wholeSale) {
        sale.discountOrder(d);
      } else if (selected.get() > 0) {
        sale.discountLine(selected.get(), d);
      } else {
        show(Banner.Kind.WARNING, messages.get("sale.selectLine"));
        return;
      }
      refresh();
      show(
          Banner.Kind.INFO, messages.get("sale.discounted", percent.get().value().toPlainString()));
    } catch (SaleRuleViolation | IllegalArgumentException e) {
      show(Banner.Kind.ERROR, e.getMessage());
    }
  }

  /**
   * F4: the price typed becomes the selected line's unit price. Lowered within the store's limit
   * the cashier may do it alone; beyond it a manager approves by PIN.
   */
  public void overridePrice() {
    int n = selected.get();
    if (n < 1 || phase.get() != Phase.CART || sale.line(n).voided()) {
      show(Banner.Kind.WARNING, messages.get("sale.selectLine"));
      return;
    }
    Optional<Money> price = money(entry.get());
    if (price.isEmpty()) {
      show(Banner.Kind.WARNING, messages.get("sale.price.invalid"));
      return;
    }
    Money catalogue = sale.line(n).item().price();
    boolean beyond =
        price.get().minor() < catalogue.minor()
            && BigDecimal.valueOf(catalogue.minor() - price.get().minor())
                    .multiply(BigDecimal.valueOf(100))
                    .compareTo(overrideLimit.get().multiply(BigDecimal.valueOf(catalogue.minor())))
                > 0;
    if (beyond) {
      managerWanted.set(null);
      managerWanted.set(n);
      return;
    }
    entry.set("");
    applyPrice(n, price.get());
  }

  /** The manager's PIN for the price typed: approved (online or here), then applied. */
  public void overridePrice(io.kasa.terminal.shift.Shifts.ManagerPin manager) {
    Integer n = managerWanted.get();
    Optional<Money> price = money(entry.get());
    managerWanted.set(null);
    if (n == null || price.isEmpty()) {
      return;
    }
    entry.set("");
    tasks.submit(
        () -> Optional.ofNullable(approvals.approve(manager)),
        id -> {
          if (id.isPresent()) {
            approval = id.get();
          } else {
            approvedOffline = true;
          }
          applyPrice(n, price.get());
        },
        e ->
            show(
                Banner.Kind.ERROR,
                e instanceof io.kasa.terminal.shift.Shifts.Refused r
                    ? r.getMessage()
                    : messages.get("sale.price.refused")));
  }

  private void applyPrice(int n, Money price) {
    try {
      sale.overridePrice(n, price, messages.get("sale.price.reason"));
      refresh();
      show(Banner.Kind.INFO, messages.get("sale.price.changed", n, format.amount(price)));
    } catch (SaleRuleViolation | IllegalArgumentException e) {
      show(Banner.Kind.ERROR, e.getMessage());
    }
  }

  /** F9: parks the sale in progress for later, or recalls the last one parked. */
  public void parkOrRecall() {
    if (phase.get() != Phase.CART) {
      return;
    }
    if (!sale.lines().isEmpty()) {
      parked.push(sale);
      parkedCount.set(parked.size());
      newSale();
      show(Banner.Kind.INFO, messages.get("sale.parked", parked.size()));
    } else if (!parked.isEmpty()) {
      sale = parked.pop();
      parkedCount.set(parked.size());
      refresh();
      show(Banner.Kind.INFO, messages.get("sale.recalled"));
    } else {
      show(Banner.Kind.WARNING, messages.get("sale.nothingParked"));
    }
  }

  /** How many sales are parked. */
  public javafx.beans.property.ReadOnlyIntegerProperty parkedCountProperty() {
    return parkedCount;
  }

  public void changeQuantity(int lineNumber, Quantity quantity) {
    try {
      sale.changeQuantity(lineNumber, quantity);
      refresh();
    } catch (SaleRuleViolation e) {
      show(Banner.Kind.ERROR, e.getMessage());
    }
  }

  /** ↑ / ↓: selects the line above or below. */
  public void moveSelection(int by) {
    List<SaleLine> all = sale.lines();
    if (all.isEmpty()) {
      return;
    }
    int index = -1;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).number() == selected.get()) {
        index = i;
      }
    }
    int next = Math.max(0, Math.min(all.size() - 1, index < 0 ? all.size() - 1 : index + by));
    selected.set(all.get(next).number());
  }

  /** Voids the selected line (it stays, struck through, for the record). */
  public void voidSelected() {
    int n = selected.get();
    if (n < 1 || phase.get() != Phase.CART) {
      show(Banner.Kind.WARNING, messages.get("sale.selectLine"));
      return;
    }
    sale.voidLine(n);
    refresh();
    show(Banner.Kind.INFO, messages.get("sale.voided", n));
  }

  // --- paying

  /** F12: on to payment, if there is something to pay. */
  public void pay() {
    if (phase.get() != Phase.CART) {
      return;
    }
    if (sale.activeLines().isEmpty()) {
      show(Banner.Kind.WARNING, messages.get("sale.empty"));
      return;
    }
    if (!shiftOpen.get()) {
      show(Banner.Kind.WARNING, messages.get("sale.noShift"));
      return;
    }
    sale.startTendering();
    phase.set(Phase.PAYMENT);
    refresh();
  }

  /** Esc while paying: back to the cart (only before any tender). */
  public void backToCart() {
    if (phase.get() == Phase.PAYMENT && sale.tenders().isEmpty()) {
      sale.backToCart();
      phase.set(Phase.CART);
      refresh();
    }
  }

  /** Cash: the amount typed, or the exact amount due when nothing was typed. */
  public void cash() {
    String typed = entry.get();
    entry.set("");
    if (typed.isBlank()) {
      tender(Tender.cash(sale.cashDue()));
      return;
    }
    Optional<Money> amount = money(typed);
    if (amount.isEmpty()) {
      show(Banner.Kind.WARNING, messages.get("payment.amount.invalid"));
      return;
    }
    tender(Tender.cash(amount.get()));
  }

  /** One of the quick cash amounts. */
  public void cash(Money amount) {
    tender(Tender.cash(amount));
  }

  /**
   * F11: a card for the amount typed, or for all that is left to pay; the rest can then be paid by
   * another card or cash (split tender). The reader waits for the card, the service authorises it
   * while the customer waits; offline, the store's offline card rules decide.
   */
  public void card() {
    if (phase.get() != Phase.PAYMENT || busy.get()) {
      return;
    }
    Money left = sale.amountDue();
    String typed = entry.get();
    entry.set("");
    Optional<Money> asked = typed.isBlank() ? Optional.of(left) : money(typed);
    if (asked.isEmpty() || asked.get().minor() <= 0) {
      show(Banner.Kind.WARNING, messages.get("payment.amount.invalid"));
      return;
    }
    Money amount = asked.get();
    if (amount.compareTo(left) > 0) {
      show(Banner.Kind.WARNING, messages.get("payment.card.overDue", format.withSymbol(left)));
      return;
    }
    busy.set(true);
    cardWaiting.set(messages.get("payment.card.present", format.withSymbol(amount)));
    java.util.UUID tenderId = java.util.UUID.randomUUID();
    Sale paying = sale;
    cardReader
        .present(amount)
        .whenComplete(
            (card, failed) ->
                tasks.ui(
                    () -> {
                      if (failed instanceof java.util.concurrent.CancellationException) {
                        cardDone(Banner.Kind.INFO, messages.get("payment.card.cancelled"));
                      } else if (failed != null) {
                        cardDone(Banner.Kind.WARNING, messages.get("payment.card.noReader"));
                      } else {
                        authorise(paying, tenderId, amount, card);
                      }
                    }));
  }

  /** Cancel while the reader waits for the card. */
  public void cancelCard() {
    if (!cardWaiting.get().isEmpty()) {
      cardReader.cancel();
    }
  }

  private void authorise(
      Sale paying, java.util.UUID tenderId, Money amount, CardReader.Presented card) {
    String token = card.token();
    cardWaiting.set(messages.get("payment.card.authorising"));
    tasks.submit(
        () -> checkout.authoriseCard(paying.id(), tenderId, amount, token),
        result -> {
          if (result instanceof Checkout.CardResult.Approved a) {
            cardDone(null, null);
            cardOnline = true;
            cardTokens.put(tenderId, token);
            tender(new Tender(tenderId, TenderType.CARD, amount, a.authorisation(), card.card()));
          } else if (result instanceof Checkout.CardResult.StoredOffline && !cardOnline) {
            // Not beside a card approved online: that one must reach the processor as online.
            cardDone(null, null);
            cardOffline = true;
            cardTokens.put(tenderId, token);
            tender(
                new Tender(
                    tenderId, TenderType.CARD, amount, Tender.OFFLINE_REFERENCE, card.card()));
          } else if (result instanceof Checkout.CardResult.Declined d) {
            cardDone(
                Banner.Kind.WARNING,
                messages.get(
                    "payment.card.declined",
                    io.kasa.terminal.i18n.ServiceWords.decline(messages, d.reason())));
          } else if (result instanceof Checkout.CardResult.RefusedOffline r) {
            cardDone(
                Banner.Kind.WARNING,
                messages.get(
                    "payment.card.offlineRefused", messages.get("card.offline." + r.why())));
          } else if (result instanceof Checkout.CardResult.StoredOffline) {
            cardDone(Banner.Kind.WARNING, messages.get("payment.card.offlineMixed"));
          } else {
            cardDone(Banner.Kind.WARNING, messages.get("payment.card.noAnswer"));
          }
        },
        e -> cardDone(Banner.Kind.ERROR, messages.get("payment.card.failed")));
  }

  private void cardDone(Banner.Kind kind, String text) {
    cardWaiting.set("");
    busy.set(false);
    if (kind != null) {
      show(kind, text);
    }
  }

  /** The sale goes to the service flagged offline: an offline card, or work done without it. */
  private boolean offlineSale() {
    return cardOffline || (!cardOnline && (offline.get() || approvedOffline));
  }

  private void tender(Tender tender) {
    if (phase.get() != Phase.PAYMENT || busy.get()) {
      return;
    }
    SaleState state;
    try {
      state = sale.addTender(tender, clock.instant());
    } catch (SaleRuleViolation | IllegalArgumentException e) {
      show(Banner.Kind.ERROR, e.getMessage());
      return;
    }
    paid.add(io.kasa.terminal.receipt.TenderWords.of(tender, format, messages));
    if (!state.isPaid()) {
      refresh();
      return;
    }
    lastChange = sale.change();
    busy.set(true);
    Sale paidSale = sale;
    java.util.Map<java.util.UUID, String> tokens = java.util.Map.copyOf(cardTokens);
    tasks.submit(
        () -> checkout.complete(paidSale, offlineSale(), approval, tokens),
        done -> {
          busy.set(false);
          receipt.setAll(done.preview());
          receiptNumber.set(done.receiptNumber());
          phase.set(Phase.DONE);
          refresh();
          show(Banner.Kind.INFO, messages.get("payment.done", done.receiptNumber()));
        },
        e -> {
          busy.set(false);
          show(Banner.Kind.ERROR, messages.get("payment.journalFailed"));
        });
  }

  /** Ctrl+P: the last receipt again, marked as a copy (audited). */
  public void reprint() {
    tasks.submit(
        checkout::reprintLast,
        number ->
            show(
                number.isPresent() ? Banner.Kind.INFO : Banner.Kind.WARNING,
                number.isPresent()
                    ? messages.get("receipt.reprinted", number.get())
                    : messages.get("receipt.nothing")),
        e -> show(Banner.Kind.ERROR, messages.get("receipt.reprintFailed")));
  }

  /** A fresh, empty sale. */
  public void newSale() {
    sale = Sale.open(UUID.randomUUID(), policy.get(), clock.instant());
    lastChange = null;
    approval = null;
    approvedOffline = false;
    cardOnline = false;
    cardOffline = false;
    cardTokens.clear();
    paid.clear();
    phase.set(Phase.CART);
    selected.set(-1);
    pendingQuantity.set(null);
    refresh();
  }

  // --- plumbing

  private void refresh() {
    SaleTotals t = sale.totals();
    List<CartLine> rows = new ArrayList<>();
    for (SaleLine l : sale.lines()) {
      Money amount =
          l.voided()
              ? Money.zero(sale.policy().currency())
              : t.line(l.number())
                  .map(LineTotals::payable)
                  .orElse(Money.zero(sale.policy().currency()));
      rows.add(
          new CartLine(
              l.number(),
              l.item().name(),
              format.quantity(l.quantity()),
              format.amount(l.unitPrice()),
              format.amount(amount),
              sale.policy().tax().rateFor(l.item().taxClass()).label(),
              l.voided()));
    }
    lines.setAll(rows);
    subtotal.set(format.amount(t.subtotal()));
    tax.set(format.amount(t.tax()));
    total.set(format.withSymbol(t.total()));
    if (phase.get() == Phase.PAYMENT) {
      due.set(format.withSymbol(sale.amountDue()));
      quickCash.setAll(quickAmounts(sale.cashDue()));
    } else {
      due.set("");
      quickCash.clear();
    }
    change.set(lastChange == null ? "" : format.withSymbol(lastChange));
  }

  /** The exact cash due, then the next round amounts of the notes above it (three at most). */
  static List<Money> quickAmounts(Money due) {
    TreeSet<Long> amounts = new TreeSet<>();
    amounts.add(due.minor());
    for (long note : NOTES) {
      long up = ((due.minor() + note - 1) / note) * note;
      if (up > due.minor()) {
        amounts.add(up);
      }
    }
    List<Money> out = new ArrayList<>();
    for (long a : amounts) {
      if (out.size() == 4) {
        break;
      }
      out.add(Money.of(a, due.currency()));
    }
    return out;
  }

  private void show(Banner.Kind kind, String text) {
    banner.set(new Banner(kind, text));
  }

  /** A quantity typed: {@code 3}, {@code 0,5}, {@code 1.25}. */
  static Optional<Quantity> quantity(String typed) {
    try {
      Quantity q = Quantity.parse(typed.strip().replace(',', '.'));
      return q.isPositive() ? Optional.of(q) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A percentage typed: 1 to 100. */
  static Optional<io.kasa.domain.money.Percent> percent(String typed) {
    try {
      BigDecimal v = new BigDecimal(typed.strip().replace(',', '.'));
      return v.signum() > 0 && v.compareTo(BigDecimal.valueOf(100)) <= 0
          ? Optional.of(new io.kasa.domain.money.Percent(v))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** An amount typed in major units: {@code 500}, {@code 500,50}. */
  private Optional<Money> money(String typed) {
    if (typed == null || typed.isBlank()) {
      return Optional.empty();
    }
    try {
      BigDecimal value = new BigDecimal(typed.strip().replace(',', '.'));
      if (value.signum() <= 0
          || value.scale() > sale.policy().currency().getDefaultFractionDigits()) {
        return Optional.empty();
      }
      return Optional.of(
          Money.of(
              value
                  .movePointRight(sale.policy().currency().getDefaultFractionDigits())
                  .longValueExact(),
              sale.policy().currency()));
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
