package io.kasa.terminal.sale;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.Touch;
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
  private CartPane cart;

  private final Runnable afterLayout = this::placeBanner;

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
                                m,
                                managers.get(),
                                m.get("sale.price.why", line),
                                vm.prices().wanted().map(vm::format).orElse(null))
                            .ifPresent(vm::overridePrice));
              }
            });
    vm.discounts()
        .managerWantedProperty()
        .addListener(
            (o, a, wanted) -> {
              if (wanted != null) {
                javafx.application.Platform.runLater(
                    () ->
                        io.kasa.terminal.shift.ManagerPinDialog.ask(
                                m,
                                managers.get(),
                                m.get(
                                    "sale.discount.why",
                                    wanted.percent().value().stripTrailingZeros().toPlainString()))
                            .ifPresent(vm.discounts()::approve));
              }
            });
    getStyleClass().add("sale");
    cart = new CartPane(vm, m);
    setCenter(cart);
    StackPane right =
        new StackPane(
            side(m, cart),
            AskPane.weight(vm, m),
            AskPane.price(vm, m),
            new ModifierPane(vm.cart().picker(), m),
            new ParkedPane(vm, m));
    // The keys' side grows with the window (400 px at 1024, 640 at 1920); the cart gets the rest.
    right
        .prefWidthProperty()
        .bind(
            javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(400, Math.min(640, getWidth() * 0.38)), widthProperty()));
    right.setMinWidth(400);
    right.maxWidthProperty().bind(right.prefWidthProperty());
    setRight(right);
    // The banner lies over the cart (ADR 0025): it never pushes the screen down, covers no line
    // just added or changed, and taps go through it to the lines below.
    banner = io.kasa.terminal.ui.Banner.overlay(vm.bannerProperty(), "banner");
    getChildren().add(banner);
    sceneProperty()
        .addListener(
            (o, was, now) -> {
              if (was != null) {
                was.removePostLayoutPulseListener(afterLayout);
              }
              if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
              }
            });
  }

  /**
   * The banner lies where it covers no line just added or changed ({@link CartPane#bannerTop}).
   * Placed after every layout pulse, once the cart's cells are laid out too.
   */
  private void placeBanner() {
    io.kasa.terminal.ui.Banner.place(
        banner, cart, cart.bannerTop(io.kasa.terminal.ui.Banner.height(banner, cart)));
  }

  private VBox side(Messages m, CartPane cart) {
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
              private final Label name = new Label();
              private final Label price = new Label();
              private final HBox row = new HBox(12, name, price);

              {
                name.setWrapText(true);
                name.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(name, Priority.ALWAYS);
                price.setMinWidth(Region.USE_PREF_SIZE);
                row.setAlignment(Pos.CENTER_LEFT);
                // The cell's width, not its text's: no horizontal scrolling.
                setPrefWidth(0);
              }

              @Override
              protected void updateItem(CatalogItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                  setGraphic(null);
                } else {
                  // The name wraps and the price stays in view: on the 400 px side a long name
                  // would otherwise push the price out of the list.
                  name.setText(item.name());
                  price.setText(vm.format(item.price()));
                  setGraphic(row);
                }
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
          if (vm.searched(search.getText())) {
            search.clear();
          }
        });

    Label entry = new Label();
    entry.setId("entry");
    entry
        .textProperty()
        .bind(
            vm.entryProperty()
                .concat(
                    vm.pendingQuantityProperty()
                        .map(q -> "  × " + vm.cart().format(q))
                        .orElse("")));
    entry.getStyleClass().add("entry");
    entry.setMaxWidth(Double.MAX_VALUE);
    entry.setMinHeight(Region.USE_PREF_SIZE);

    StackPane phase =
        new StackPane(cartActions(m), PaymentPane.paying(vm, m), PaymentPane.done(vm, m));
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
    StackPane browse = new StackPane(new QuickKeys(vm), results);
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
          boolean card =
              !vm.cardWaitingProperty().get().isEmpty() || vm.bankTerminal().openProperty().get();
          show(keyboard, letters);
          // Search results and the card reader's steps take the keypad's room (ADR 0025).
          show(keypad, p != SaleViewModel.Phase.DONE && !letters && !searching && !card);
          // While letters are typed the keyboard takes the room of the entry, the pay row and the
          // line actions: they come back when it is closed.
          show(entry, p != SaleViewModel.Phase.DONE && !card && !letters);
          show(phase, !letters);
          cart.typing(letters);
        };
    layout.run();
    vm.phaseProperty().addListener((o, a, b) -> layout.run());
    search.textProperty().addListener((o, a, b) -> layout.run());
    vm.cardWaitingProperty().addListener((o, a, b) -> layout.run());
    vm.bankTerminal().openProperty().addListener((o, a, b) -> layout.run());
    typing.addListener(
        (o, a, on) -> {
          layout.run();
          if (on) {
            search.requestFocus();
          }
        });

    VBox side = new VBox(8, searchRow, browse, entry, keypad, phase);
    side.setPadding(new Insets(16));
    // The letters need the whole width (12 keys of 48 px and more): under both columns.
    keyboard.setPadding(new Insets(0, 16, 16, 16));
    setBottom(keyboard);
    return side;
  }

  static void show(javafx.scene.Node node, boolean visible) {
    node.setVisible(visible);
    node.setManaged(visible);
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
    // Its keys may give up a little height (register.css) for the payment's two tender rows at 768.
    pad.getStyleClass().add("keypad");
    for (int c = 0; c < 4; c++) {
      ColumnConstraints col = new ColumnConstraints();
      col.setPercentWidth(25);
      pad.getColumnConstraints().add(col);
    }
    return pad;
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

  private void enter() {
    if (vm.cart().picker().open()) {
      vm.cart().picker().confirm();
      return;
    }
    if (vm.tips().openProperty().get()) {
      vm.tips().other();
      return;
    }
    switch (vm.phaseProperty().get()) {
      case CART -> vm.enter();
      case PAYMENT -> vm.cash();
      case DONE -> vm.newSale();
    }
  }

  /** The screen's keys; answers whether it used the key. */
  public boolean key(KeyEvent e) {
    KeyCode code = e.getCode();
    if (vm.cart().picker().open()) {
      return pickerKey(e);
    }
    if (vm.tips().openProperty().get()) {
      return tipKey(code);
    }
    if (code == KeyCode.F5 && vm.phaseProperty().get() == SaleViewModel.Phase.PAYMENT) {
      vm.cashKeepingChange();
      return true;
    }
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
      case F7 -> {
        vm.bankTerminal().open();
        return true;
      }
      case ESCAPE -> {
        if (vm.cart().weightWantedProperty().get() != null) {
          vm.cart().cancelWeight();
        } else if (vm.cart().priceWantedProperty().get() != null) {
          vm.cart().cancelPrice();
        } else if (vm.parked().choosingProperty().get()) {
          vm.parked().choosingProperty().set(false);
        } else if (search.isFocused()) {
          search.clear();
          requestFocus();
        } else if (!vm.cardWaitingProperty().get().isEmpty()) {
          vm.cancelCard();
        } else if (vm.bankTerminal().openProperty().get()) {
          vm.bankTerminal().close();
        } else if (vm.phaseProperty().get() == SaleViewModel.Phase.PAYMENT) {
          vm.backToCart();
        } else {
          vm.clearEntry();
        }
        return true;
      }
      case BACK_SPACE -> {
        if (getScene() != null
            && getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl) {
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

  /**
   * The keys of the tip step: F1–F4 a preset, Enter the tip typed, F11 no tip, Esc back; digits
   * type as ever.
   */
  private boolean tipKey(KeyCode code) {
    TipStep tips = vm.tips();
    switch (code) {
      case F1, F2, F3, F4 -> tips.preset(code.ordinal() - KeyCode.F1.ordinal());
      case F11 -> tips.none();
      case ESCAPE -> tips.close();
      case ENTER -> tips.other();
      case BACK_SPACE -> vm.backspace();
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * The keys while the modifier picker is open: Esc cancels, Tab (Shift+Tab) moves to the next
   * (previous) group; the counter's other keys wait until it is closed.
   */
  private boolean pickerKey(KeyEvent e) {
    ModifierPicker picker = vm.cart().picker();
    switch (e.getCode()) {
      case ESCAPE -> {
        picker.cancel();
        return true;
      }
      case TAB -> {
        picker.nextGroup(e.isShiftDown() ? -1 : 1);
        return true;
      }
      case BACK_SPACE, LEFT, RIGHT, HOME, END, DELETE, SPACE -> {
        return false;
      }
      default -> {
        return e.getCode().isFunctionKey() || e.getCode().isNavigationKey();
      }
    }
  }

  /**
   * Typing while no text field has focus: digits to the keypad, * for quantity, letters search;
   * while the modifier picker is open, a digit chooses that option of the group marked.
   */
  public void typed(String text) {
    if (vm.cart().picker().open()) {
      for (char c : text.toCharArray()) {
        if (c >= '1' && c <= '9') {
          vm.cart().picker().pick(c - '0');
        }
      }
      return;
    }
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
  static VBox amountUnder(Label caption, Label amount) {
    amount.setMaxWidth(Double.MAX_VALUE);
    amount.setAlignment(Pos.CENTER_RIGHT);
    amount.setMinWidth(Region.USE_PREF_SIZE);
    return new VBox(0, caption, amount);
  }

  static Label caption(Messages m, String key) {
    Label l = new Label();
    l.textProperty().bind(m.binding(key));
    l.getStyleClass().add("title-4");
    return l;
  }

  static Region spacer() {
    Region r = new Region();
    HBox.setHgrow(r, Priority.ALWAYS);
    return r;
  }
}
