package io.kasa.client.cli;

import io.kasa.api.terminal.StaffMember;
import io.kasa.client.store.Outbox;
import io.kasa.client.sync.Connectivity;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.client.terminal.OfflineCards;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.id.TimeOrderedIds;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.sale.SalePolicy;
import io.kasa.domain.tender.Tender;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated register: a cashier ringing up realistic baskets (one to eight lines, some weighed,
 * mixed tax rates), paid by card or in cash — by card offline only within the store's rules — each
 * journalled and then delivered, as the real register does.
 */
final class SimulatedTerminal {

  private final String name;
  private final CloudTerminal terminal;
  private final StaffMember cashier;
  private final Random random;
  private final double cardShare;
  private final Clock clock;
  private final List<CatalogItem> items;
  private final SalePolicy policy;
  final AtomicLong completed = new AtomicLong();
  final AtomicLong offlineCards = new AtomicLong();

  SimulatedTerminal(
      String name,
      CloudTerminal terminal,
      StaffMember cashier,
      long seed,
      double cardShare,
      Clock clock) {
    this.name = name;
    this.terminal = terminal;
    this.cashier = cashier;
    this.random = new Random(seed);
    this.cardShare = cardShare;
    this.clock = clock;
    this.items = terminal.catalog().sellable(500);
    this.policy = terminal.salePolicy();
    if (items.isEmpty()) {
      throw new IllegalStateException("The store's catalogue has no items to sell");
    }
  }

  String name() {
    return name;
  }

  CloudTerminal terminal() {
    return terminal;
  }

  /**
   * Rings up, journals and tries to deliver one sale; adds the time from journal to delivery to
   * {@code latencies} (nanoseconds) when the service acknowledged it at once.
   */
  void sellOne(ConcurrentLinkedQueue<Long> latencies) {
    Sale sale = Sale.open(TimeOrderedIds.next(), policy, clock.instant());
    int lines = 1 + random.nextInt(8);
    for (int i = 0; i < lines; i++) {
      CatalogItem item = items.get(random.nextInt(items.size()));
      Quantity q =
          item.unit().isMeasured()
              ? new Quantity(150 + random.nextInt(2000))
              : Quantity.of(1 + random.nextInt(3));
      sale.addItem(item, q);
    }
    sale.startTendering();
    boolean online = terminal.status().connectivity() != Connectivity.State.OFFLINE;
    boolean card = random.nextDouble() < cardShare;
    boolean offlineCard = false;
    if (card && !online) {
      offlineCard = terminal.offlineCard(sale.amountDue().minor()) instanceof OfflineCards.Allowed;
      card = offlineCard;
    }
    Tender tender = card ? Tender.card(sale.amountDue(), null) : Tender.cash(sale.cashDue());
    Map<UUID, String> tokens = new HashMap<>();
    if (card && !offlineCard) {
      tokens.put(tender.id(), "tok_approve");
    }
    sale.addTender(tender, clock.instant());
    long start = System.nanoTime();
    terminal.recordSale(sale, cashier.id(), tokens, offlineCard || !online, null);
    completed.incrementAndGet();
    if (offlineCard) {
      offlineCards.incrementAndGet();
    }
    terminal.syncNow();
    if (terminal
        .outbox()
        .find(sale.id())
        .map(e -> e.state() == Outbox.State.ACKNOWLEDGED)
        .orElse(false)) {
      latencies.add(System.nanoTime() - start);
    }
  }
}
