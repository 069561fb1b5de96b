package io.kasa.terminal.host;

import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.CheckLineDto;
import io.kasa.api.floor.SendResult;
import io.kasa.api.sales.ChosenModifierDto;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Money;
import io.kasa.domain.receipt.MoneyFormat;
import io.kasa.domain.sale.ChosenModifier;
import io.kasa.domain.sale.ModifierSelection;
import io.kasa.domain.sale.Modifiers;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.sale.ModifierPicker;
import io.kasa.terminal.ui.Banner;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * Ordering on the selected table's check (ADR 0053, 0056): an item added by its code, through the
 * register's own modifier picker when it has options, with a note and the course chosen (which
 * stays on for the following items); the check's new lines sent to the kitchen, lines of later
 * courses held; and the next held course fired.
 */
public final class CheckOrder {

  private final HostViewModel vm;
  private final HostStand stand;
  private final Messages m;
  private final ModifierPicker picker;
  private final IntegerProperty course = new SimpleIntegerProperty(0);

  CheckOrder(HostViewModel vm, HostStand stand, Messages m) {
    this.vm = vm;
    this.stand = stand;
    this.m = m;
    this.picker =
        new ModifierPicker(
            m,
            new ModifierPicker.Context() {
              @Override
              public void show(Banner.Kind kind, String text) {
                vm.say(kind, text);
              }

              @Override
              public String withSymbol(Money money) {
                return new MoneyFormat(m.locale()).withSymbol(money);
              }

              @Override
              public void confirmed(CatalogItem item, int editing, int number) {
                // The line is on its way to the service; the check shows it when it lands.
              }
            });
  }

  /** The picker an item with modifier groups opens at the stand (the register's own). */
  public ModifierPicker picker() {
    return picker;
  }

  /**
   * The course the next items belong to: 0 (none, sent with the next send), 1, 2 or 3 and on. It
   * stays as chosen for the items after.
   */
  public IntegerProperty courseProperty() {
    return course;
  }

  /**
   * Adds an item by its code (barcode, PLU or id) for a seat (0: the table) with a note (or blank),
   * in the course chosen; an item with modifier groups first opens the picker, the note typed in
   * it.
   */
  public void addItem(String code, String quantity, int seat, String note) {
    Optional<CheckDto> open = vm.checkToChange();
    if (open.isEmpty()) {
      return;
    }
    CheckDto check = open.get();
    int inCourse = course.get();
    String typed = HostViewModel.blank(note);
    vm.run(
        () -> stand.item(code),
        found -> {
          if (found.isPresent() && !found.get().modifierGroups().isEmpty()) {
            CatalogItem item = found.get();
            picker.ask(
                item,
                item.price(),
                new ModifierSelection(List.of(), typed),
                0,
                choice -> {
                  List<ChosenModifierDto> chosen = dtos(Modifiers.resolve(item, choice));
                  String withNote = HostViewModel.blank(choice.note());
                  vm.run(
                      () ->
                          stand.addItem(
                              check.id(), item.id(), quantity, seat, chosen, withNote, inCourse),
                      added -> {});
                  return 0;
                });
            return;
          }
          String id = found.map(CatalogItem::id).orElse(code);
          vm.run(
              () -> stand.addItem(check.id(), id, quantity, seat, List.of(), typed, inCourse),
              added -> {});
        });
  }

  private static List<ChosenModifierDto> dtos(List<ChosenModifier> chosen) {
    return chosen.stream()
        .map(
            c ->
                new ChosenModifierDto(
                    c.groupId(),
                    c.optionId(),
                    c.priceDelta().minor(),
                    c.groupName(),
                    c.optionName()))
        .toList();
  }

  /**
   * Sends the selected table's check's new lines to the kitchen (F11): those of no course, of
   * course 1 and of courses already fired; the others are held until their course is fired.
   */
  public void sendToKitchen() {
    Optional<CheckDto> c = vm.checkToChange();
    if (c.isEmpty()) {
      return;
    }
    CheckDto check = c.get();
    vm.run(
        () -> stand.sendToKitchen(check.id()),
        sent -> {
          long held = sent.check().lines().stream().filter(CheckLineDto::held).count();
          if (sent.tickets().isEmpty()) {
            vm.info(
                held > 0 ? "host.kitchen.heldOnly" : "host.kitchen.nothing", check.number(), held);
          } else if (held > 0) {
            vm.info("host.kitchen.sentHeld", check.number(), stations(sent), held);
          } else {
            vm.info("host.kitchen.sent", check.number(), stations(sent));
          }
        });
  }

  /**
   * The course «Подати курс» fires on the selected table's check: the lowest course of 2 or more
   * with lines not yet at the kitchen (held, or added since); empty when there is none.
   */
  public Optional<Integer> nextCourse() {
    return vm.openCheck().flatMap(CheckOrder::nextCourse);
  }

  static Optional<Integer> nextCourse(CheckDto check) {
    return check.lines().stream()
        .filter(l -> l.sentAt() == null && l.course() >= 2)
        .map(CheckLineDto::course)
        .min(Integer::compare);
  }

  /** Fires the next held course of the selected table's check (F12): its lines go to be made. */
  public void fireCourse() {
    Optional<CheckDto> c = vm.checkToChange();
    if (c.isEmpty()) {
      return;
    }
    CheckDto check = c.get();
    Optional<Integer> next = nextCourse(check);
    if (next.isEmpty()) {
      vm.warn("host.fire.nothing", check.number());
      return;
    }
    int n = next.get();
    vm.run(
        () -> stand.fireCourse(check.id(), n),
        fired -> vm.info("host.fire.done", n, check.number(), stations(fired)));
  }

  private static String stations(SendResult sent) {
    return sent.tickets().stream().map(t -> t.stationName()).collect(Collectors.joining(", "));
  }
}
