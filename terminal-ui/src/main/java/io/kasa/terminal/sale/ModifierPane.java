package io.kasa.terminal.sale;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.ModifierGroup;
import io.kasa.domain.catalog.ModifierOption;
import io.kasa.domain.sale.ModifierSelection;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.Touch;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The modifier picker in place of the keypad (ADR 0043): the item and the unit price its options
 * make, each group in order with its rule in words («оберіть 1 варіант», «до 2 варіантів», «за
 * бажанням») and its options as toggles with their price, a note, Cancel (Esc) and Confirm (Enter,
 * possible once every required group is chosen). Digits choose in the group marked, Tab moves to
 * the next. The register shows it in place of the keypad, the host stand in place of its side
 * column.
 */
public final class ModifierPane extends VBox {

  private final ModifierPicker picker;
  private final Messages m;
  private final VBox groups = new VBox(12);
  private final List<Runnable> redraws = new ArrayList<>();
  private final TextField note = new TextField();

  /** The pane of {@code picker}: the register's, or the host stand's (ADR 0056). */
  public ModifierPane(ModifierPicker picker, Messages m) {
    super(10);
    this.picker = picker;
    this.m = m;
    setId("modifier-pane");
    getStyleClass().add("sale-overlay");
    setStyle("-fx-background-color: -color-bg-default;");
    setPadding(new Insets(16));
    Label title = new Label();
    title.setId("modifier-title");
    title.getStyleClass().add("title-3");
    title.setWrapText(true);
    title.setMinHeight(Region.USE_PREF_SIZE);
    title
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  CatalogItem item = picker.itemProperty().get();
                  return item == null ? "" : item.name();
                },
                picker.itemProperty()));
    Label priceCaption = new Label();
    priceCaption.textProperty().bind(m.binding("sale.modifiers.unitPrice"));
    priceCaption.setWrapText(true);
    Label price = new Label();
    price.setId("modifier-price");
    price.getStyleClass().add("title-3");
    price.setMinWidth(Region.USE_PREF_SIZE);
    price.textProperty().bind(picker.unitPriceProperty());
    HBox priceRow = new HBox(8, priceCaption, SaleView.spacer(), price);
    priceRow.setAlignment(Pos.CENTER_LEFT);

    ScrollPane scroll = new ScrollPane(groups);
    scroll.setId("modifier-groups");
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.setFocusTraversable(false);
    scroll.getStyleClass().add("edge-to-edge");
    VBox.setVgrow(scroll, Priority.ALWAYS);

    Label noteCaption = new Label();
    noteCaption.textProperty().bind(m.binding("sale.modifiers.note"));
    noteCaption.setLabelFor(note);
    note.setId("modifier-note");
    note.setMinHeight(Touch.TARGET);
    note.promptTextProperty().bind(m.binding("sale.modifiers.notePrompt"));
    note.setTextFormatter(
        new TextFormatter<String>(
            c -> c.getControlNewText().length() <= ModifierSelection.NOTE_MAX ? c : null));
    note.textProperty().bindBidirectional(picker.noteProperty());
    note.setOnAction(e -> picker.confirm());

    Button cancel =
        Touch.grow(Touch.button(m.binding("sale.modifiers.cancel"), "Esc", picker::cancel));
    cancel.setId("modifier-cancel");
    cancel.setMaxHeight(Touch.TARGET);
    Button confirm =
        Touch.grow(Touch.button(m.binding("sale.modifiers.confirm"), "Enter", picker::confirm));
    confirm.setId("modifier-confirm");
    confirm.getStyleClass().add("accent");
    confirm.setMaxHeight(Touch.TARGET);
    confirm.disableProperty().bind(picker.completeProperty().not());
    getChildren()
        .setAll(
            title, priceRow, scroll, new VBox(4, noteCaption, note), new HBox(8, cancel, confirm));

    picker.itemProperty().addListener((o, a, item) -> build(item));
    picker.chosen().addListener((SetChangeListener<Object>) c -> redraw());
    picker.groupProperty().addListener((o, a, b) -> redraw());
    m.localeProperty().addListener((o, a, b) -> build(picker.itemProperty().get()));
    visibleProperty().bind(picker.itemProperty().isNotNull());
    managedProperty().bind(visibleProperty());
  }

  /** One section per group of the item asked about. */
  private void build(CatalogItem item) {
    groups.getChildren().clear();
    redraws.clear();
    if (item == null) {
      return;
    }
    List<ModifierGroup> all = item.modifierGroups();
    for (int i = 0; i < all.size(); i++) {
      groups.getChildren().add(section(all.get(i), i));
    }
    redraw();
  }

  private VBox section(ModifierGroup g, int index) {
    Label name = new Label(g.name());
    name.getStyleClass().add("title-4");
    name.setWrapText(true);
    name.setMinHeight(Region.USE_PREF_SIZE);
    Label rule = new Label();
    rule.setId("modifier-rule-" + g.id());
    rule.setWrapText(true);
    rule.setMinHeight(Region.USE_PREF_SIZE);
    GridPane options = new GridPane();
    options.setHgap(8);
    options.setVgap(8);
    for (int c = 0; c < 2; c++) {
      ColumnConstraints col = new ColumnConstraints();
      col.setPercentWidth(50);
      options.getColumnConstraints().add(col);
    }
    List<ToggleButton> toggles = new ArrayList<>();
    for (int i = 0; i < g.options().size(); i++) {
      ModifierOption o = g.options().get(i);
      ToggleButton t = new ToggleButton();
      t.setId("option-" + g.id() + "-" + o.id());
      String delta = picker.delta(o);
      t.setText(delta.isEmpty() ? o.name() : o.name() + "\n" + delta);
      // The digit that chooses it, printed on it as every key is.
      Label key = new Label(String.valueOf(i + 1));
      key.getStyleClass().add("text-muted");
      t.setGraphic(i < 9 ? key : null);
      t.setContentDisplay(ContentDisplay.LEFT);
      t.setGraphicTextGap(6);
      t.setWrapText(true);
      t.setAlignment(Pos.CENTER_LEFT);
      t.setMinHeight(Touch.TARGET);
      t.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
      t.setFocusTraversable(false);
      t.getStyleClass().add("modifier-option");
      // The picker decides (a group of one swaps, a full group refuses): the toggle shows it.
      t.setOnAction(
          e -> {
            picker.toggle(g, o);
            redraw();
          });
      Touch.grow(t);
      options.add(t, i % 2, i / 2);
      toggles.add(t);
    }
    VBox section = new VBox(6, name, rule, options);
    section.setId("modifier-group-" + g.id());
    section.setPadding(new Insets(4, 4, 4, 8));
    redraws.add(
        () -> {
          boolean current = picker.groupProperty().get() == index;
          section.setStyle(
              "-fx-border-width: 0 0 0 4; -fx-border-color: "
                  + (current ? "-color-accent-emphasis" : "transparent")
                  + ";");
          int n = picker.count(g);
          boolean missing = n < g.minChoices();
          rule.setText(
              n > 0 ? picker.rule(g) + " · " + m.get("sale.modifiers.done", n) : picker.rule(g));
          rule.getStyleClass().removeAll("text-muted", "danger");
          rule.getStyleClass().add(missing ? "danger" : "text-muted");
          for (int i = 0; i < toggles.size(); i++) {
            toggles.get(i).setSelected(picker.isChosen(g, g.options().get(i)));
          }
        });
    return section;
  }

  private void redraw() {
    redraws.forEach(Runnable::run);
  }

  /** The note's field, for the keyboard's focus. */
  public TextField note() {
    return note;
  }
}
