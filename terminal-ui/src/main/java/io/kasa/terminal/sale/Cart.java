package io.kasa.terminal.sale;

import io.kasa.domain.barcode.BarcodeParser;
import io.kasa.domain.barcode.ParsedCode;
import io.kasa.domain.barcode.ScanResult;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.ModifierSelection;
import io.kasa.domain.sale.SaleLine;
import io.kasa.domain.sale.SaleRuleViolation;
import io.kasa.domain.sale.SaleTotals;
import io.kasa.terminal.ui.Banner;
import java.text.DecimalFormatSymbols;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The cart: its lines and totals, the keypad's entry, scans and codes typed by hand, and what is
 * done to a line (quantity, discount, void). Look-ups run through the session's task executor.
 */
public final class Cart {

  private final SaleSession session;
  private final Catalog catalog;
  private final ObservableList<CartLine> lines = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper subtotal = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper tax = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper("");
  private final ObjectProperty<Quantity> pendingQuantity = new SimpleObjectProperty<>();
  private final IntegerProperty selected = new SimpleIntegerProperty(-1);
  private final ReadOnlyObjectWrapper<CatalogItem> weightWanted = new ReadOnlyObjectWrapper<>();
  private final OpenPrices openPrices;
  private final ModifierPicker picker;
  private final SameLine same;
  private final ModifierChoices choices;
  private final LineActions actions;
  private Supplier<BarcodeParser> labels = BarcodeParser::withoutEmbeddedLabels;
  private final char decimalSeparator;

  Cart(SaleSession session, Catalog catalog) {
    this.session = session;
    this.catalog = catalog;
    this.decimalSeparator =
        DecimalFormatSymbols.getInstance(session.storeLocale).getDecimalSeparator();
    this.openPrices = new OpenPrices(session, this::sellAt);
    this.picker = new ModifierPicker(session);
    this.same = new SameLine(session);
    this.choices = new ModifierChoices(session, picker, selected, same);
    this.actions = new LineActions(session, selected);
    session.onNewSale(
        () -> {
          selected.set(-1);
          pendingQuantity.set(null);
          weightWanted.set(null);
          picker.cancel();
        });
    session.onChange(this::refresh);
    session.messages.localeProperty().addListener((o, a, b) -> refresh());
  }

  /**
   * An open-price item chosen without a price: the view asks for it on the keypad and the amount
   * typed goes to {@link #priced()}; null when no price is asked for.
   */
  public ReadOnlyObjectProperty<CatalogItem> priceWantedProperty() {
    return openPrices.wantedProperty();
  }

  /** OK in the price dialog: the amount typed is the open-price item's price. */
  public void priced() {
    openPrices.priced();
  }

  /**
   * The lowest and highest price the item asked for may be sold at, in words ("Allowed: from 100,00
   * to 5 000,00 ₴"); empty when any positive price goes.
   */
  public String priceAllowed(CatalogItem item) {
    return openPrices.allowed(item);
  }

  /**
   * What an item with modifier groups asks when it is added or its line is tapped (ADR 0043): open
   * while its item is not null.
   */
  public ModifierPicker picker() {
    return picker;
  }

  /**
   * A tap on a line whose item has modifier groups: the picker opens with the line's choices and
   * note; Confirm changes them (its quantity, price and discount stay).
   */
  public void changeModifiers(int lineNumber) {
    choices.change(lineNumber);
  }

  /** Cancel in the price dialog: the item is not added. */
  public void cancelPrice() {
    openPrices.cancel();
  }

  /**
   * A weighed item chosen without its weight: the view asks for it (with its unit) and the weight
   * typed goes to {@link #weighed()}; null when nothing is being weighed.
   */
  public ReadOnlyObjectProperty<CatalogItem> weightWantedProperty() {
    return weightWanted.getReadOnlyProperty();
  }

  /**
   * Whether the same piece item chosen again adds to its line (the default) rather than making a
   * line of its own; a terminal setting may turn it off.
   */
  public BooleanProperty joinRepeatsProperty() {
    return same.joinRepeatsProperty();
  }

  /** The unit of an item as shown after its quantity ("кг"); empty for pieces. */
  public String unit(CatalogItem item) {
    return CartRows.unit(session, item);
  }

  /** A quantity in the store's format ("0,5"). */
  public String format(Quantity quantity) {
    return session.format.quantity(quantity);
  }

  public ObservableList<CartLine> lines() {
    return lines;
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

  /** The quantity the next item will get (set with ×), or null for one. */
  public ObjectProperty<Quantity> pendingQuantityProperty() {
    return pendingQuantity;
  }

  /** The selected line's number, or -1. */
  public IntegerProperty selectedProperty() {
    return selected;
  }

  // --- the keypad

  /**
   * A digit, a decimal separator, or 00 from the keypad or the keyboard. Either separator shows as
   * the store's ("0,5"), whichever key typed it.
   */
  public void type(String keys) {
    if (session.phase.get() == SaleViewModel.Phase.DONE) {
      session.newSale();
    }
    String typed = keys.replace('.', decimalSeparator).replace(',', decimalSeparator);
    if (session.entry.get().length() < 32) {
      session.entry.set(session.entry.get() + typed);
    }
  }

  public void backspace() {
    String e = session.entry.get();
    session.entry.set(e.isEmpty() ? e : e.substring(0, e.length() - 1));
  }

  public void clearEntry() {
    session.entry.set("");
    pendingQuantity.set(null);
  }

  /**
   * ×: the number typed becomes the quantity (or weight) of the next item. Never of a line already
   * in the cart, selected or not: F3 changes a line.
   */
  public void times() {
    Optional<Quantity> q = Typed.quantity(session.takeEntry());
    if (q.isEmpty()) {
      session.show(Banner.Kind.WARNING, session.messages.get("sale.quantity.invalid"));
      return;
    }
    pendingQuantity.set(q.get());
    session.show(Banner.Kind.INFO, session.messages.get("sale.quantity.next", format(q.get())));
  }

  /** Enter: the digits typed are a barcode or PLU typed by hand, or the weight asked for. */
  public void enter() {
    if (openPrices.wantedProperty().get() != null) {
      openPrices.priced();
      return;
    }
    if (weightWanted.get() != null) {
      weighed();
      return;
    }
    String code = session.takeEntry().strip();
    if (!code.isEmpty()) {
      lookUp(code, null, Optional.empty());
    }
  }

  /** OK in the weight dialog: the weight typed is the weighed item's quantity. */
  public void weighed() {
    CatalogItem item = weightWanted.get();
    if (item == null) {
      return;
    }
    Optional<Quantity> weight = Typed.quantity(session.entry.get());
    if (weight.isEmpty()) {
      session.show(Banner.Kind.WARNING, session.messages.get("sale.weight.invalid"));
      return;
    }
    session.entry.set("");
    weightWanted.set(null);
    add(item, weight.get());
  }

  /** Cancel in the weight dialog: the item is not added. */
  public void cancelWeight() {
    weightWanted.set(null);
    session.entry.set("");
  }

  // --- scanning

  /**
   * Where the store's in-store label layouts come from (ADR 0030): read at each scan, so a layout
   * changed on the service applies to the next scan.
   */
  public void labels(Supplier<BarcodeParser> layouts) {
    this.labels = layouts;
  }

  /** A scan from any scanner (serial, USB, keyboard wedge). */
  public void scanned(ScanResult result) {
    if (result instanceof ScanResult.Rejected r) {
      session.show(
          Banner.Kind.ERROR, session.messages.get("scan.rejected." + r.reason().name(), r.raw()));
      return;
    }
    ParsedCode code = ((ScanResult.Accepted) result).code();
    if (code instanceof ParsedCode.Gtin g && g.printed().length() == 13) {
      // Scanners read labels as plain EAN-13s; the store's layouts say which are in-store labels.
      code = ((ScanResult.Accepted) labels.get().parse(g.printed())).code();
    }
    if (code instanceof ParsedCode.Gtin g) {
      lookUp(g.printed(), null, Optional.empty());
    } else if (code instanceof ParsedCode.Embedded e) {
      lookUp(e.itemCode(), e.weight().orElse(null), e.price(session.sale().policy().currency()));
    } else if (code instanceof ParsedCode.Gs1 g && g.gtin().isPresent()) {
      lookUp(g.gtin().get(), g.netWeight().orElse(null), Optional.empty());
    } else {
      lookUp(((ScanResult.Accepted) result).text(), null, Optional.empty());
    }
  }

  private void lookUp(String code, Quantity weight, Optional<Money> labelPrice) {
    if (!readyForItems()) {
      return;
    }
    session.tasks.submit(
        () -> catalog.byCode(code),
        found -> {
          if (found.isEmpty()) {
            session.show(Banner.Kind.ERROR, session.messages.get("scan.unknown", code));
          } else if (labelPrice.isPresent()) {
            labelled(found.get(), labelPrice.get());
          } else {
            add(found.get(), weight);
          }
        },
        e -> session.show(Banner.Kind.ERROR, session.messages.get("catalog.failed")));
  }

  /** Starts a new sale after a finished one; false (with a banner) while paying. */
  private boolean readyForItems() {
    if (session.phase.get() == SaleViewModel.Phase.DONE) {
      session.newSale();
    }
    if (session.phase.get() != SaleViewModel.Phase.CART) {
      session.show(Banner.Kind.WARNING, session.messages.get("sale.paying"));
      return false;
    }
    if (picker.open()) {
      session.show(
          Banner.Kind.WARNING,
          session.messages.get("sale.modifiers.finish", picker.itemProperty().get().name()));
      return false;
    }
    return true;
  }

  /** Adds an item: with the pending quantity, the scanned weight, or one. */
  public void add(CatalogItem item, Quantity weight) {
    if (!readyForItems()) {
      return;
    }
    Quantity pending = pendingQuantity.get();
    if (item.openPrice()) {
      pendingQuantity.set(null);
      Quantity q = weight != null ? weight : pending != null ? pending : Quantity.ONE;
      if (actions.wholeEnough(item, q)) {
        openPrices.ask(item, q);
      }
      return;
    }
    if (item.unit().isMeasured() && weight == null && pending == null) {
      session.entry.set("");
      weightWanted.set(item);
      return;
    }
    Quantity q = weight != null ? weight : pending != null ? pending : Quantity.ONE;
    pendingQuantity.set(null);
    if (!actions.wholeEnough(item, q)) {
      return;
    }
    if (ModifierChoices.wanted(item)) {
      choices.add(item, q, weight == null);
      return;
    }
    try {
      Optional<SaleLine> joined = weight == null ? same.of(item) : Optional.empty();
      int number;
      if (joined.isPresent()) {
        number =
            session
                .sale()
                .changeQuantity(joined.get().number(), joined.get().quantity().plus(q))
                .number();
      } else {
        number = session.sale().addItem(item, q).number();
      }
      session.changed();
      selected.set(number);
      session.show(Banner.Kind.INFO, session.messages.get("sale.added", item.name()));
    } catch (SaleRuleViolation e) {
      session.show(Banner.Kind.ERROR, e.getMessage());
    }
  }

  /**
   * A line as a table ordered it (a host stand's check carried to the sale, ADR 0012): the item
   * with the options and note already chosen, on a line of its own, without asking again.
   */
  public void addAsOrdered(CatalogItem item, Quantity q, ModifierSelection ordered) {
    try {
      int number = session.sale().addItem(item, q, ordered).number();
      session.changed();
      selected.set(number);
    } catch (SaleRuleViolation e) {
      session.show(Banner.Kind.ERROR, e.getMessage());
    }
  }

  /** A price label (ADR 0030): one of the item at the label's price, if it may take it. */
  private void labelled(CatalogItem item, Money price) {
    if (readyForItems()) {
      openPrices.labelled(item, price);
    }
  }

  /** Adds an open-price item at the price given on the keypad or on its label. */
  private void sellAt(CatalogItem item, Quantity quantity, Money price) {
    if (ModifierChoices.wanted(item)) {
      choices.addAt(item, quantity, price);
      return;
    }
    try {
      int number = session.sale().addOpenPriceItem(item, quantity, price).number();
      session.changed();
      selected.set(number);
      session.show(Banner.Kind.INFO, session.messages.get("sale.added", item.name()));
    } catch (SaleRuleViolation e) {
      session.show(Banner.Kind.ERROR, e.getMessage());
    }
  }

  /** What is done to the lines: quantity, selection, void. */
  LineActions lineActions() {
    return actions;
  }

  private void refresh() {
    SaleTotals t = session.sale().totals();
    lines.setAll(CartRows.of(session, t));
    subtotal.set(session.amount(t.subtotal()));
    tax.set(session.amount(t.tax()));
    total.set(session.withSymbol(t.total()));
  }
}
