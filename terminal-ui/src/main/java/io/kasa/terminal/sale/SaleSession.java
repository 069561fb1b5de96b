package io.kasa.terminal.sale;

import io.kasa.domain.id.TimeOrderedIds;
import io.kasa.domain.money.Money;
import io.kasa.domain.receipt.MoneyFormat;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.sale.SalePolicy;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.task.TaskExecutor;
import io.kasa.terminal.ui.Banner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the cart, the payment, the card flow and parked sales share: the sale on the counter, its
 * phase, the keypad's entry and the banner. Each part listens for {@link #changed()} to redraw its
 * own state, so none of them needs to know the others.
 */
final class SaleSession {

  final Messages messages;
  final TaskExecutor tasks;
  final Clock clock;
  final Supplier<SalePolicy> policy;
  final MoneyFormat format;
  final Locale storeLocale;

  final ReadOnlyObjectWrapper<Banner> banner = new ReadOnlyObjectWrapper<>();
  final ReadOnlyObjectWrapper<SaleViewModel.Phase> phase =
      new ReadOnlyObjectWrapper<>(SaleViewModel.Phase.CART);
  final StringProperty entry = new SimpleStringProperty("");
  final BooleanProperty busy = new SimpleBooleanProperty();
  final BooleanProperty offline = new SimpleBooleanProperty();
  final BooleanProperty shiftOpen = new SimpleBooleanProperty(true);

  /** A manager's approval of a lowered price in this sale, or null. */
  UUID approval;

  /** A lowered price approved at this terminal while the service was away. */
  boolean approvedOffline;

  /** Cards of this sale approved online / stored offline, and their readers' tokens. */
  boolean cardOnline;

  boolean cardOffline;
  final Map<UUID, String> cardTokens = new HashMap<>();

  private Sale sale;
  private final List<Runnable> onChange = new ArrayList<>();
  private final List<Runnable> onNewSale = new ArrayList<>();

  SaleSession(
      Messages messages,
      TaskExecutor tasks,
      Clock clock,
      Supplier<SalePolicy> policy,
      Locale storeLocale) {
    this.messages = messages;
    this.tasks = tasks;
    this.clock = clock;
    this.policy = policy;
    this.storeLocale = storeLocale;
    this.format = new MoneyFormat(storeLocale);
    messages.follow(banner, b -> b.again(messages));
    // "Open a shift first" is stale once a shift is open; said as soon as the shift is found
    // closed.
    shiftOpen.addListener(
        (o, was, open) -> {
          if (open && banner.get() != null && banner.get().kind() != Banner.Kind.INFO) {
            banner.set(null);
          } else if (!open) {
            show(Banner.Kind.WARNING, messages.get("sale.noShift"));
          }
        });
  }

  Sale sale() {
    return sale;
  }

  /** Runs after every change of the sale, to redraw what shows it. */
  void onChange(Runnable redraw) {
    onChange.add(redraw);
  }

  /** Runs when a fresh or recalled sale takes the counter, to forget the previous one's state. */
  void onNewSale(Runnable reset) {
    onNewSale.add(reset);
  }

  void changed() {
    for (Runnable r : onChange) {
      r.run();
    }
  }

  /** A fresh, empty sale. */
  void newSale() {
    use(Sale.open(TimeOrderedIds.next(), policy.get(), clock.instant()));
  }

  /** Puts {@code next} on the counter (fresh, recalled or restored), in the cart phase. */
  void use(Sale next) {
    sale = next;
    approval = null;
    approvedOffline = false;
    cardOnline = false;
    cardOffline = false;
    cardTokens.clear();
    phase.set(SaleViewModel.Phase.CART);
    for (Runnable r : onNewSale) {
      r.run();
    }
    changed();
  }

  /** The sale goes to the service flagged offline: an offline card, or work done without it. */
  boolean offlineSale() {
    return cardOffline || (!cardOnline && (offline.get() || approvedOffline));
  }

  void show(Banner.Kind kind, String text) {
    banner.set(new Banner(kind, text));
  }

  /** Takes what was typed on the keypad, leaving it empty. */
  String takeEntry() {
    String typed = entry.get();
    entry.set("");
    return typed;
  }

  String amount(Money money) {
    return format.amount(money);
  }

  String withSymbol(Money money) {
    return format.withSymbol(money);
  }
}
