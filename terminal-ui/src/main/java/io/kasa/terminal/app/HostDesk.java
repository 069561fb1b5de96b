package io.kasa.terminal.app;

import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.CheckLineDto;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Quantity;
import io.kasa.terminal.checkout.JournalCheckout;
import io.kasa.terminal.checkout.Printouts;
import io.kasa.terminal.host.HostView;
import io.kasa.terminal.host.HostViewModel;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.sale.SaleViewModel;
import io.kasa.terminal.scan.WedgeInput;
import io.kasa.terminal.status.StatusViewModel;
import io.kasa.terminal.task.TaskExecutor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The host stand at the register (Ctrl+T from the sale screen; where a host lands on signing in),
 * and a check paid on the sale screen: rung up at its prices, settled once its sale is done.
 */
final class HostDesk {

  private final CloudTerminal terminal;
  private final ReplicaCatalog catalog;
  private final Printouts printouts;
  private final Messages messages;
  private final TaskExecutor tasks;
  private final Clock clock;
  private final StatusViewModel status;
  private final SaleViewModel sale;
  private final Supplier<JournalCheckout.Cashier> cashier;
  private HostViewModel host;
  private HostView view;

  /** The check being paid on the sale screen, settled once its sale is done. */
  private CheckDto paying;

  /** The sale that pays it: another sale rung up instead settles nothing. */
  private UUID payingSale;

  HostDesk(
      CloudTerminal terminal,
      ReplicaCatalog catalog,
      Printouts printouts,
      Messages messages,
      TaskExecutor tasks,
      Clock clock,
      StatusViewModel status,
      SaleViewModel sale,
      Supplier<JournalCheckout.Cashier> cashier) {
    this.terminal = terminal;
    this.catalog = catalog;
    this.printouts = printouts;
    this.messages = messages;
    this.tasks = tasks;
    this.clock = clock;
    this.status = status;
    this.sale = sale;
    this.cashier = cashier;
    sale.phaseProperty()
        .addListener(
            (o, a, b) -> {
              if (b == SaleViewModel.Phase.DONE
                  && paying != null
                  && sale.sale().id().equals(payingSale)) {
                settle(paying);
              }
            });
  }

  /**
   * The host stand's screen for the employee signed in, started on first use; {@code showSale}
   * opens the sale screen, or is null for who may not sell.
   */
  HostView open(boolean canSell, boolean manager, Runnable showSale) {
    if (host == null) {
      host =
          new HostViewModel(
              new CloudHostStand(terminal, catalog, printouts, messages, clock),
              tasks,
              messages,
              clock,
              canSell,
              manager,
              check -> payCheck(check, showSale));
      view =
          new HostView(
              host,
              messages,
              terminal.config().store().zone(),
              Currency.getInstance(terminal.config().store().currency()),
              canSell ? showSale : null);
      host.start();
    }
    return view;
  }

  /**
   * Scans at the host stand go to the item code field and are added to the open check for the seat
   * chosen there (with no open check, the stand says so). Enter outside a text field confirms the
   * options picker.
   */
  WedgeInput.Target target() {
    // Enter outside a text field confirms the options picker when it is open (ADR 0056).
    return new ScanTarget(scan -> view.scanned(scan.text()), text -> {}, () -> view.enter());
  }

  HostViewModel model() {
    return host;
  }

  /** At sign-out: the stand stops and a check not yet paid is no longer waiting for its sale. */
  void close() {
    paying = null;
    if (host != null) {
      host.stop();
      host = null;
      view = null;
    }
  }

  /** Rings a check up on the sale screen at its prices; its payment settles the check. */
  private Optional<String> payCheck(CheckDto check, Runnable showSale) {
    List<CatalogItem> items = new ArrayList<>();
    for (CheckLineDto line : check.lines()) {
      var item = catalog.byCode(line.itemId());
      if (item.isEmpty()) {
        return Optional.of(messages.get("host.pay.missing", line.name()));
      }
      if (item.get().price().minor() != line.unitPrice()) {
        // The service settles a check only with the prices it was ordered at.
        return Optional.of(messages.get("host.pay.priceChanged", line.name()));
      }
      items.add(item.get());
    }
    showSale.run();
    sale.newSale();
    // Each line as ordered, with its options and note: the service settles the check only with a
    // sale holding the same (asking for the options again would stop at the first such line).
    for (int i = 0; i < items.size(); i++) {
      CheckLineDto line = check.lines().get(i);
      if (items.get(i).openPrice()) {
        // Priced at the counter: the keypad asks, as for any open-price item.
        sale.add(items.get(i), Quantity.parse(line.quantity()));
        continue;
      }
      sale.addAsOrdered(
          items.get(i),
          Quantity.parse(line.quantity()),
          new io.kasa.domain.sale.ModifierSelection(
              line.modifiers().stream()
                  .map(
                      m ->
                          new io.kasa.domain.sale.ModifierSelection.Choice(
                              m.groupId(), m.optionId()))
                  .toList(),
              line.note()));
    }
    paying = check;
    payingSale = sale.sale().id();
    return Optional.empty();
  }

  private void settle(CheckDto check) {
    paying = null;
    UUID saleId = sale.sale().id();
    JournalCheckout.Cashier who = cashier.get();
    tasks.submit(
        () -> {
          terminal.settleCheck(check.id(), saleId, who == null ? null : who.id());
          return null;
        },
        done -> status.noteUntilSignOut(messages.get("host.paid", check.number())),
        e -> status.note(messages.get("host.settleFailed", check.number())));
  }
}
