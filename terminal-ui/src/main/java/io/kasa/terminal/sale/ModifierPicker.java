package io.kasa.terminal.sale;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.ModifierGroup;
import io.kasa.domain.catalog.ModifierOption;
import io.kasa.domain.money.Money;
import io.kasa.domain.sale.ModifierSelection;
import io.kasa.domain.sale.ModifierSelection.Choice;
import io.kasa.domain.sale.SaleRuleViolation;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.Banner;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * What an item with modifier groups asks when it is added, or when its line is tapped (ADR 0043):
 * each group's options chosen in turn, a note, and the unit price they make. Confirm is possible
 * once every required group has its minimum; the sale checks the choice again with {@code
 * Modifiers.resolve}, the same rule the service applies.
 */
public final class ModifierPicker {

  /**
   * Where the picker is open: the register's sale, or the host stand's check (ADR 0056). It says
   * what happened, writes amounts, and hears that a line was confirmed.
   */
  public interface Context {
    void show(Banner.Kind kind, String text);

    /** An amount with the currency sign ("70,00 ₴"). */
    String withSymbol(Money money);

    /**
     * Confirm handed the choice on: {@code number} is what the choice's handler answered (the
     * line's number at the register), {@code editing} the line changed or 0 for a new one.
     */
    void confirmed(CatalogItem item, int editing, int number);
  }

  private final Context session;
  private final Messages messages;
  private final ReadOnlyObjectWrapper<CatalogItem> item = new ReadOnlyObjectWrapper<>();
  private final ObservableSet<Choice> chosen = FXCollections.observableSet(new LinkedHashSet<>());
  private final StringProperty note = new SimpleStringProperty("");
  private final IntegerProperty group = new SimpleIntegerProperty(0);
  private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper unitPrice = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Integer> editing = new ReadOnlyObjectWrapper<>(0);
  private Money base;
  private Function<ModifierSelection, Integer> apply;
  private Runnable done = () -> {};

  ModifierPicker(SaleSession session) {
    this(
        session.messages,
        new Context() {
          @Override
          public void show(Banner.Kind kind, String text) {
            session.show(kind, text);
          }

          @Override
          public String withSymbol(Money money) {
            return session.withSymbol(money);
          }

          @Override
          public void confirmed(CatalogItem item, int editing, int number) {
            session.changed();
            session.show(
                Banner.Kind.INFO,
                session.messages.get(
                    editing == 0 ? "sale.added" : "sale.modifiers.changed", item.name(), number));
          }
        });
  }

  /** A picker for {@code context}, in the words of {@code messages}. */
  public ModifierPicker(Messages messages, Context context) {
    this.session = context;
    this.messages = messages;
    chosen.addListener((javafx.collections.SetChangeListener<Choice>) c -> recount());
    messages.localeProperty().addListener((o, a, b) -> recount());
  }

  /**
   * Opens the picker for {@code item} priced {@code base} per unit before its options, with the
   * choices and note already made ({@link ModifierSelection#NONE} for a new line); Confirm hands
   * the choice to {@code apply}, which returns the line's number.
   *
   * @param line the line being changed, or 0 for a new one
   */
  public void ask(
      CatalogItem item,
      Money base,
      ModifierSelection current,
      int line,
      Function<ModifierSelection, Integer> apply) {
    this.base = base;
    this.apply = apply;
    chosen.clear();
    chosen.addAll(current.choices());
    note.set(current.note() == null ? "" : current.note());
    group.set(0);
    editing.set(line);
    this.item.set(item);
    recount();
  }

  /** What to do once a line is added or changed (select it). */
  void whenDone(Runnable then) {
    this.done = then;
  }

  /** The item asked about, or null when the picker is closed. */
  public ReadOnlyObjectProperty<CatalogItem> itemProperty() {
    return item.getReadOnlyProperty();
  }

  public boolean open() {
    return item.get() != null;
  }

  /** The line being changed, or 0 when the item is being added. */
  public ReadOnlyObjectProperty<Integer> editingProperty() {
    return editing.getReadOnlyProperty();
  }

  /** The options chosen so far. */
  public ObservableSet<Choice> chosen() {
    return chosen;
  }

  /** The line's note, at most {@link ModifierSelection#NOTE_MAX} characters. */
  public StringProperty noteProperty() {
    return note;
  }

  /** The group the keyboard's digits choose in (Tab moves on). */
  public ReadOnlyIntegerProperty groupProperty() {
    return group;
  }

  /** Whether every group has as many options as it needs: Confirm is possible. */
  public ReadOnlyBooleanProperty completeProperty() {
    return complete.getReadOnlyProperty();
  }

  /** The unit price with the options chosen, with the currency sign ("70,00 ₴"). */
  public ReadOnlyStringProperty unitPriceProperty() {
    return unitPrice.getReadOnlyProperty();
  }

  /** Taps an option: chooses it, or takes it back; in a group of one, it replaces the other. */
  public void toggle(ModifierGroup g, ModifierOption option) {
    Choice c = new Choice(g.id(), option.id());
    if (chosen.contains(c)) {
      chosen.remove(c);
    } else if (g.maxChoices() == 1) {
      chosen.removeIf(x -> x.groupId().equals(g.id()));
      chosen.add(c);
    } else if (count(g) >= g.maxChoices()) {
      session.show(
          Banner.Kind.WARNING, messages.get("sale.modifiers.full", g.name(), g.maxChoices()));
      return;
    } else {
      chosen.add(c);
    }
    List<ModifierGroup> groups = groups();
    int at = groups.indexOf(g);
    if (at >= 0) {
      group.set(at);
    }
  }

  /** Digit {@code n} on the keyboard: the n-th option of the current group. */
  public void pick(int n) {
    List<ModifierGroup> groups = groups();
    if (groups.isEmpty()) {
      return;
    }
    ModifierGroup g = groups.get(group.get());
    if (n >= 1 && n <= g.options().size()) {
      toggle(g, g.options().get(n - 1));
    }
  }

  /** Tab (or Shift+Tab): the next (previous) group takes the digits. */
  public void nextGroup(int by) {
    int size = groups().size();
    if (size > 0) {
      group.set(Math.floorMod(group.get() + by, size));
    }
  }

  public boolean isChosen(ModifierGroup g, ModifierOption option) {
    return chosen.contains(new Choice(g.id(), option.id()));
  }

  /** How many options of the group are chosen. */
  public int count(ModifierGroup g) {
    return (int) chosen.stream().filter(c -> c.groupId().equals(g.id())).count();
  }

  /** Confirm (Enter): the line is added or changed with the options and note chosen. */
  public void confirm() {
    CatalogItem asked = item.get();
    if (asked == null) {
      return;
    }
    if (!complete.get()) {
      session.show(Banner.Kind.WARNING, messages.get("sale.modifiers.incomplete"));
      return;
    }
    List<Choice> ordered = new ArrayList<>();
    for (ModifierGroup g : asked.modifierGroups()) {
      for (ModifierOption o : g.options()) {
        if (isChosen(g, o)) {
          ordered.add(new Choice(g.id(), o.id()));
        }
      }
    }
    try {
      int number = apply.apply(new ModifierSelection(ordered, note.get()));
      item.set(null);
      session.confirmed(asked, editing.get(), number);
      done.run();
    } catch (SaleRuleViolation e) {
      session.show(Banner.Kind.ERROR, e.getMessage());
    }
  }

  /** Cancel (Esc): nothing is added, the line stays as it was. */
  public void cancel() {
    item.set(null);
    chosen.clear();
    note.set("");
  }

  /** The groups of the item asked about, in its order. */
  private List<ModifierGroup> groups() {
    CatalogItem asked = item.get();
    return asked == null ? List.of() : asked.modifierGroups();
  }

  /** The group's rule in words: "choose 1", "up to 2", "optional". */
  public String rule(ModifierGroup g) {
    if (g.minChoices() == 0) {
      return g.maxChoices() == 1
          ? messages.get("sale.modifiers.optional")
          : messages.get("sale.modifiers.upTo", g.maxChoices());
    }
    return g.minChoices() == g.maxChoices()
        ? messages.get("sale.modifiers.choose", g.minChoices())
        : messages.get("sale.modifiers.between", g.minChoices(), g.maxChoices());
  }

  /** An option's price as the screen writes amounts: "+15,00 ₴", "−10,00 ₴", or empty if free. */
  public String delta(ModifierOption option) {
    Money d = option.priceDelta();
    if (d.isZero()) {
      return "";
    }
    return (d.isNegative() ? "−" : "+") + session.withSymbol(d.isNegative() ? d.negate() : d);
  }

  private void recount() {
    CatalogItem asked = item.get();
    if (asked == null || base == null) {
      complete.set(false);
      unitPrice.set("");
      return;
    }
    boolean all = true;
    Money price = base;
    for (ModifierGroup g : asked.modifierGroups()) {
      int n = count(g);
      all &= n >= g.minChoices() && n <= g.maxChoices();
      for (ModifierOption o : g.options()) {
        if (isChosen(g, o)) {
          price = price.plus(o.priceDelta());
        }
      }
    }
    complete.set(all);
    unitPrice.set(session.withSymbol(price));
  }
}
