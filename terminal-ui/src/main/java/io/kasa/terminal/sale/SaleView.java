package io.kasa.terminal.sale;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Money;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.Touch;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The sale screen: the cart and a total readable from the customer's side on the left; search, the
 * keypad and the actions on the right, which turn into payment and then the receipt. Every action
 * has a key, printed on its button.
 */
public final class SaleView extends BorderPane {

  private final SaleViewModel vm;
  private final TextField search = new TextField();

  private final Runnable openShiftScreen;
  private final Runnable openReturns;
  private final Label banner;
  private VBox cartColumn;

  public SaleView(
      SaleViewModel vm,
      Messages m,
      Runnable openShiftScreen,
      java.util.function.Supplier<java.util.List<io.kasa.terminal.signin.SignInViewModel.Person>>
          managers,
      Runnable openReturns) {
    this.vm = vm;
    this.openReturns = openReturns;
    this.openShiftScreen = openShiftScreen;
    vm.managerWantedProperty()
        .addListener(
            (o, a, line) -> {
              if (line != null) {
                javafx.application.Platform.runLater(
                    () ->
                        io.kasa.terminal.shift.ManagerPinDialog.ask(
                                m, managers.get(), m.get("sale.price.why", line))
                            .ifPresent(vm::overridePrice));
              }
            });
    getStyleClass().add("sale");
    setCenter(cart(m));
    setRight(side(m));
    // The banner lies over the top of the cart (ADR 0025): it never pushes the screen down, and
    // taps go through it to the lines below.
    banner = io.kasa.terminal.ui.Banner.overlay(vm.bannerProperty(), "banner");
    getChildren().add(banner);
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    io.kasa.terminal.ui.Banner.place(banner, cartColumn);
  }

  private VBox cart(Messages m) {
    ListView<CartLine> lines = new ListView<>(vm.lines());
    lines.setId("cart");
    lines.setFocusTraversable(false);
    lines.setCellFactory(list -> new CartCell());
    lines
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, line) -> {
              if (line != null) {
                vm.selectedProperty().set(line.number());
              }
            });
    Runnable follow =
        () -> {
          int n = vm.selectedProperty().get();
          for (int i = 0; i < vm.lines().size(); i++) {
            if (vm.lines().get(i).number() == n) {
              lines.getSelectionModel().select(i);
              lines.scrollTo(i);
            }
          }
        };
    vm.lines().addListener((ListChangeListener<CartLine>) c -> follow.run());
    vm.selectedProperty().addListener((o, a, b) -> follow.run());
    Touch.grow(lines);
    Label total = new Label();
    total.setId("total");
    total.textProperty().bind(vm.totalProperty());
    total.getStyleClass().add("total");
    Label totalCaption = caption(m, "sale.total");
    Label sub = new Label();
    sub.textProperty().bind(m.binding("sale.taxIncluded").concat(" ").concat(vm.taxProperty()));
    sub.getStyleClass().add("text-muted");
    HBox totals = new HBox(16, totalCaption, spacer(), sub, total);
    totals.setAlignment(Pos.CENTER_LEFT);
    HBox lineActions = lineActions(m);
    VBox box = new VBox(8, lines, lineActions, totals);
    box.setPadding(new Insets(16));
    cartColumn = box;
    vm.phaseProperty().addListener((o, a, p) -> show(lineActions, p == SaleViewModel.Phase.CART));
    return box;
  }

  private VBox side(Messages m) {
    search.setId("search");
    search.promptTextProperty().bind(m.binding("sale.search.prompt"));
    search.textProperty().addListener((o, a, text) -> vm.search(text));
    search.setMinHeight(Touch.TARGET);
    ListView<CatalogItem> results = new ListView<>(vm.searchResults());
    results.setId("results");
    results.setFocusTraversable(false);
    results.setVisible(false);
    results.setCellFactory(
        list ->
            new ListCell<>() {
              @Override
              protected void updateItem(CatalogItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(
                    empty || item == null ? null : item.name() + "  " + vm.format(item.price()));
                setMinHeight(Touch.TARGET - 8);
                setOnMouseClicked(
                    e -> {
                      if (getItem() != null) {
                        vm.add(getItem(), null);
                        search.clear();
                      }
                    });
              }
            });
    search.setOnAction(
        e -> {
          if (!vm.searchResults().isEmpty()) {
            vm.add(vm.searchResults().get(0), null);
            search.clear();
          }
        });

    Label entry = new Label();
    entry.setId("entry");
    entry
        .textProperty()
        .bind(
            vm.entryProperty()
                .concat(vm.pendingQuantityProperty().map(q -> "  × " + q).orElse("")));
    entry.getStyleClass().add("entry");
    entry.setMaxWidth(Double.MAX_VALUE);
    entry.setMinHeight(Region.USE_PREF_SIZE);

    StackPane phase = new StackPane(cartActions(m), payment(m), done(m));
    Touch.grow(phase);
    GridPane keypad = keypad();
    io.kasa.terminal.ui.OnScreenKeyboard keyboard =
        new io.kasa.terminal.ui.OnScreenKeyboard(
            search, io.kasa.terminal.ui.OnScreenKeyboard.Layout.of(m.locale()));
    keyboard.setId("keyboard");
    javafx.beans.property.BooleanProperty typing =
        new javafx.beans.property.SimpleBooleanProperty();
    javafx.scene.control.ToggleButton keys = new javafx.scene.control.ToggleButton("⌨");
    keys.setId("keyboard-toggle");
    keys.setMinSize(Touch.TARGET, Touch.TARGET);
    keys.setFocusTraversable(false);
    typing.bind(keys.selectedProperty());
    HBox searchRow = new HBox(8, Touch.grow(search), keys);
    StackPane browse = new StackPane(quickKeys(), results);
    browse.setMinHeight(120);
    VBox.setVgrow(browse, Priority.ALWAYS);
    Runnable browsing =
        () -> {
          boolean searching = !search.getText().isBlank();
          results.setVisible(searching);
          browse.getChildren().get(0).setVisible(!searching);
        };
    search.textProperty().addListener((o, a, b) -> browsing.run());
    browsing.run();
    Runnable layout =
        () -> {
          SaleViewModel.Phase p = vm.phaseProperty().get();
          showPhase(phase);
          // Search belongs to the cart; the keypad to the cart and payment; the receipt, once
          // done, gets the room.
          show(searchRow, p == SaleViewModel.Phase.CART);
          show(browse, p == SaleViewModel.Phase.CART);
          boolean letters = typing.get() && p == SaleViewModel.Phase.CART;
          boolean searching = p == SaleViewModel.Phase.CART && !search.getText().isBlank();
          boolean card = !vm.cardWaitingProperty().get().isEmpty();
          show(keyboard, letters);
          // Search results and the card reader's steps take the keypad's room (ADR 0025).
          show(keypad, p != SaleViewModel.Phase.DONE && !letters && !searching && !card);
          show(entry, p != SaleViewModel.Phase.DONE && !card);
        };
    layout.run();
    vm.phaseProperty().addListener((o, a, b) -> layout.run());
    search.textProperty().addListener((o, a, b) -> layout.run());
    vm.cardWaitingProperty().addListener((o, a, b) -> layout.run());
    typing.addListener(
        (o, a, on) -> {
          layout.run();
          if (on) {
            search.requestFocus();
          }
        });

    VBox side = new VBox(8, searchRow, browse, entry, keypad, phase);
    side.setPadding(new Insets(16));
    // The keys' side grows with the window (400 px at 1024, 640 at 1920); the cart gets the rest.
    side.prefWidthProperty()
        .bind(
            javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(400, Math.min(640, getWidth() * 0.38)), widthProperty()));
    side.setMinWidth(400);
    // The letters need the whole width (12 keys of 48 px and more): under both columns.
    keyboard.setPadding(new Insets(0, 16, 16, 16));
    setBottom(keyboard);
    return side;
  }

  static void show(javafx.scene.Node node, boolean visible) {
    node.setVisible(visible);
    node.setManaged(visible);
  }

  /** Categories across the top, their items as big keys below: the sale screen's quick keys. */
  private VBox quickKeys() {
    HBox categories = new HBox(6);
    categories.setId("categories");
    Runnable fill =
        () -> {
          categories.getChildren().clear();
          for (String c : vm.categories()) {
            javafx.scene.control.ToggleButton b = new javafx.scene.control.ToggleButton(c);
            b.setId("category-" + c);
            b.setMinHeight(48);
            b.setFocusTraversable(false);
            b.setSelected(c.equals(vm.categoryProperty().get()));
            b.setOnAction(e -> vm.chooseCategory(c));
            categories.getChildren().add(b);
          }
        };
    vm.categories().addListener((ListChangeListener<String>) c -> fill.run());
    vm.categoryProperty().addListener((o, a, b) -> fill.run());
    javafx.scene.layout.TilePane items = new javafx.scene.layout.TilePane(6, 6);
    items.setId("quick-items");
    items.setPrefTileWidth(128);
    items.setPrefTileHeight(Touch.TARGET + 16);
    vm.quickItems()
        .addListener(
            (ListChangeListener<CatalogItem>)
                c -> {
                  items.getChildren().clear();
                  for (CatalogItem item : vm.quickItems()) {
                    Button b = Touch.key(item.name(), () -> vm.add(item, null));
                    b.setId("quick-" + item.id());
                    b.setWrapText(true);
                    b.getStyleClass().add("quick-key");
                    items.getChildren().add(b);
                  }
                });
    javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(items);
    scroll.setFitToWidth(true);
    scroll.setPannable(true);
    Touch.grow(scroll);
    javafx.scene.control.ScrollPane strip = new javafx.scene.control.ScrollPane(categories);
    strip.setPannable(true);
    strip.setFitToHeight(true);
    strip.setVbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
    strip.setMinHeight(56);
    strip.setPrefHeight(56);
    return new VBox(6, strip, scroll);
  }

  private void showPhase(StackPane phase) {
    int shown = vm.phaseProperty().get().ordinal();
    for (int i = 0; i < phase.getChildren().size(); i++) {
      phase.getChildren().get(i).setVisible(i == shown);
      phase.getChildren().get(i).setManaged(i == shown);
    }
  }

  private GridPane keypad() {
    GridPane pad = new GridPane();
    pad.setHgap(8);
    pad.setVgap(8);
    String[][] keys = {{"7", "8", "9"}, {"4", "5", "6"}, {"1", "2", "3"}, {"0", "00", ","}};
    for (int r = 0; r < keys.length; r++) {
      for (int c = 0; c < 3; c++) {
        String k = keys[r][c];
        pad.add(Touch.grow(Touch.key(k, () -> vm.type(k))), c, r);
      }
    }
    pad.add(Touch.grow(Touch.key("⌫", vm::backspace)), 3, 0);
    pad.add(Touch.grow(Touch.key("C", vm::clearEntry)), 3, 1);
    pad.add(Touch.grow(Touch.key("× *", vm::times)), 3, 2);
    Button enter = Touch.grow(Touch.key("↵", this::enter));
    enter.setId("key-enter");
    pad.add(enter, 3, 3);
    for (int c = 0; c < 4; c++) {
      ColumnConstraints col = new ColumnConstraints();
      col.setPercentWidth(25);
      pad.getColumnConstraints().add(col);
    }
    return pad;
  }

  /** Under the cart: what is done to the selected line, and parking the sale. */
  private HBox lineActions(Messages m) {
    Button quantity =
        Touch.grow(Touch.button(m.binding("sale.quantity"), "F3", vm::quantityOfSelected));
    quantity.setId("quantity");
    Button discount =
        Touch.grow(Touch.button(m.binding("sale.discount"), "F5", () -> vm.discount(false)));
    discount.setId("discount");
    Button voidLine = Touch.grow(Touch.button(m.binding("sale.void"), "F8", vm::voidSelected));
    voidLine.setId("void-line");
    Button price = Touch.grow(Touch.button(m.binding("sale.price"), "F4", vm::overridePrice));
    price.setId("price");
    Button park = Touch.grow(Touch.button(m.binding("sale.park"), "F9", vm::parkOrRecall));
    park.setId("park");
    HBox row = new HBox(8, quantity, price, discount, voidLine, park);
    row.getStyleClass().add("line-actions");
    return row;
  }

  private HBox cartActions(Messages m) {
    Button pay = Touch.button(m.binding("sale.pay"), "F12", vm::pay);
    pay.setId("pay");
    pay.getStyleClass().add("accent");
    Button shift = Touch.button(m.binding("sale.shift"), "F6", openShiftScreen);
    shift.setId("shift");
    Button returnsButton = Touch.button(m.binding("sale.returns"), "F10", openReturns);
    returnsButton.setId("returns");
    returnsButton.setMaxHeight(Touch.TARGET);
    shift.setMaxHeight(Touch.TARGET);
    pay.setMaxHeight(Touch.TARGET);
    HBox.setHgrow(pay, Priority.ALWAYS);
    HBox.setHgrow(shift, Priority.SOMETIMES);
    return new HBox(8, shift, returnsButton, pay);
  }

  private VBox payment(Messages m) {
    Label dueCaption = caption(m, "payment.due");
    Label due = new Label();
    due.setId("due");
    due.textProperty().bind(vm.dueProperty());
    due.getStyleClass().add("total");
    FlowPane quick = new FlowPane(8, 8);
    quick.setId("quick-cash");
    Runnable rebuild =
        () -> {
          quick.getChildren().clear();
          for (Money amount : vm.quickCash()) {
            Button b = Touch.key(vm.format(amount), () -> vm.cash(amount));
            b.setPrefWidth(120);
            quick.getChildren().add(b);
          }
        };
    vm.quickCash().addListener((ListChangeListener<Money>) c -> rebuild.run());
    // While the reader waits for a card, its steps take the room of the cash amounts.
    quick.visibleProperty().bind(vm.cardWaitingProperty().isEmpty());
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
    ListView<String> paid = new ListView<>(vm.paid());
    paid.setId("paid");
    paid.setFocusTraversable(false);
    paid.setPrefHeight(96);
    paid.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.paid()));
    paid.managedProperty().bind(paid.visibleProperty());
    return new VBox(8, amountUnder(dueCaption, due), paid, cardReader(m), quick, buttons);
  }

  /** While the reader waits for a card: what it asks, Cancel, and the simulator's test cards. */
  private VBox cardReader(Messages m) {
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

  private VBox done(Messages m) {
    Label changeCaption = caption(m, "payment.change");
    Label change = new Label();
    change.setId("change");
    change.textProperty().bind(vm.changeProperty());
    change.getStyleClass().add("change");
    ListView<String> receipt = new ListView<>(vm.receipt());
    receipt.setId("receipt");
    receipt.getStyleClass().add("receipt");
    receipt.setFocusTraversable(false);
    Touch.grow(receipt);
    Button next = Touch.grow(Touch.button(m.binding("payment.next"), "Enter", vm::newSale));
    next.setId("next-sale");
    next.getStyleClass().add("accent");
    next.setMaxHeight(Touch.TARGET * 1.5);
    return new VBox(8, amountUnder(changeCaption, change), receipt, next);
  }

  private void enter() {
    switch (vm.phaseProperty().get()) {
      case CART -> vm.enter();
      case PAYMENT -> vm.cash();
      case DONE -> vm.newSale();
    }
  }

  /** The screen's keys; answers whether it used the key. */
  public boolean key(KeyEvent e) {
    KeyCode code = e.getCode();
    switch (code) {
      case F2 -> {
        search.requestFocus();
        return true;
      }
      case F3 -> {
        vm.quantityOfSelected();
        return true;
      }
      case F4 -> {
        vm.overridePrice();
        return true;
      }
      case F5 -> {
        vm.discount(e.isShiftDown());
        return true;
      }
      case F6 -> {
        openShiftScreen.run();
        return true;
      }
      case F9 -> {
        vm.parkOrRecall();
        return true;
      }
      case F10 -> {
        openReturns.run();
        return true;
      }
      case UP, DOWN -> {
        vm.moveSelection(code == KeyCode.UP ? -1 : 1);
        return true;
      }
      case F8 -> {
        vm.voidSelected();
        return true;
      }
      case F12 -> {
        vm.pay();
        return true;
      }
      case F11 -> {
        vm.card();
        return true;
      }
      case ESCAPE -> {
        if (search.isFocused()) {
          search.clear();
          requestFocus();
        } else if (!vm.cardWaitingProperty().get().isEmpty()) {
          vm.cancelCard();
        } else if (vm.phaseProperty().get() == SaleViewModel.Phase.PAYMENT) {
          vm.backToCart();
        } else {
          vm.clearEntry();
        }
        return true;
      }
      case BACK_SPACE -> {
        if (search.isFocused()) {
          return false;
        }
        vm.backspace();
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** Typing while no text field has focus: digits to the keypad, * for quantity, letters search. */
  public void typed(String text) {
    for (char c : text.toCharArray()) {
      if (Character.isDigit(c) || c == ',' || c == '.') {
        vm.type(String.valueOf(c));
      } else if (c == '*') {
        vm.times();
      } else if (Character.isLetter(c)) {
        search.requestFocus();
        search.appendText(String.valueOf(c));
      }
    }
  }

  /** Enter while no text field has focus. */
  public void enterKey() {
    enter();
  }

  /**
   * A large amount under its caption, right-aligned: a four-digit amount in 44 px type does not fit
   * beside its caption on the 400 px side of a 1024 px screen.
   */
  private static VBox amountUnder(Label caption, Label amount) {
    amount.setMaxWidth(Double.MAX_VALUE);
    amount.setAlignment(Pos.CENTER_RIGHT);
    amount.setMinWidth(Region.USE_PREF_SIZE);
    return new VBox(0, caption, amount);
  }

  private static Label caption(Messages m, String key) {
    Label l = new Label();
    l.textProperty().bind(m.binding(key));
    l.getStyleClass().add("title-4");
    return l;
  }

  private static Region spacer() {
    Region r = new Region();
    HBox.setHgrow(r, Priority.ALWAYS);
    return r;
  }

  /** A cart line: name on top, quantity × price, tax marker and amount below. */
  private static final class CartCell extends ListCell<CartLine> {
    @Override
    protected void updateItem(CartLine line, boolean empty) {
      super.updateItem(line, empty);
      getStyleClass().remove("voided");
      if (empty || line == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label name = new Label(line.number() + ". " + line.name());
      name.setWrapText(true);
      name.getStyleClass().add("line-name");
      Label detail = new Label(line.quantity() + " × " + line.price());
      Label amount = new Label(line.amount() + " " + line.tax());
      amount.getStyleClass().add("line-amount");
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      VBox box = new VBox(2, name, new HBox(8, detail, gap, amount));
      box.setMinHeight(Touch.TARGET - 8);
      if (line.voided()) {
        getStyleClass().add("voided");
      }
      setGraphic(box);
    }
  }
}
