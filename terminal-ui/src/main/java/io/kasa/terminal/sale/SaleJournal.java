package io.kasa.terminal.sale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.client.store.CartJournal;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.Unit;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Percent;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.ChosenModifier;
import io.kasa.domain.sale.Discount;
import io.kasa.domain.sale.ModifierSelection;
import io.kasa.domain.sale.Modifiers;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.sale.SaleLine;
import io.kasa.domain.sale.SalePolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Sales in progress kept in the terminal's database ({@link CartJournal}): each employee's open
 * cart, written after every change, and the parked sales. Writes go to one background thread in
 * order, so a scan never waits for the disk; reads wait for the writes before them.
 */
public final class SaleJournal implements AutoCloseable {

  /** Who a cart belongs to. */
  public record Employee(UUID id, String name) {}

  /**
   * A parked sale as listed.
   *
   * @param saleId its id
   * @param employee who parked it
   * @param parkedAt when
   * @param total what it comes to
   */
  public record Parked(UUID saleId, String employee, Instant parkedAt, Money total) {}

  record ItemRow(
      String id,
      String sku,
      String name,
      List<String> barcodes,
      String unit,
      long price,
      String taxClass,
      boolean openPrice,
      boolean ageRestricted) {}

  /** A discount as kept in the journal; {@code approvedBy} is null in rows written before it. */
  record DiscountRow(String percent, Long amount, String reason, java.util.UUID approvedBy) {}

  /** An option chosen on a line (ADR 0043), as chosen; absent from rows written before them. */
  record ModifierRow(
      String groupId, String groupName, String optionId, String optionName, long priceDelta) {}

  record LineRow(
      ItemRow item,
      long quantity,
      long unitPrice,
      String overrideReason,
      DiscountRow discount,
      boolean voided,
      List<ModifierRow> modifiers,
      String note) {}

  record CartRow(String id, String openedAt, List<LineRow> lines, DiscountRow orderDiscount) {}

  private final CartJournal carts;
  private final Supplier<SalePolicy> policy;
  private final ObjectMapper json = new ObjectMapper();
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "kasa-carts");
            t.setDaemon(true);
            return t;
          });

  public SaleJournal(CartJournal carts, Supplier<SalePolicy> policy) {
    this.carts = carts;
    this.policy = policy;
  }

  /** Keeps {@code sale} as {@code who}'s open cart; an empty cart is forgotten. */
  void saveOpen(Employee who, Sale sale) {
    if (sale.lines().isEmpty()) {
      writer.execute(() -> carts.discardOpen(who.id()));
      return;
    }
    String body = write(sale);
    long total = sale.totals().total().minor();
    writer.execute(() -> carts.saveOpen(sale.id(), who.id(), who.name(), total, body));
  }

  /** Forgets {@code who}'s open cart: the sale was completed. */
  void discardOpen(Employee who) {
    writer.execute(() -> carts.discardOpen(who.id()));
  }

  /** Parks {@code sale}, parked by {@code who}. */
  void park(Employee who, Sale sale) {
    String body = write(sale);
    long total = sale.totals().total().minor();
    writer.execute(() -> carts.park(sale.id(), who.id(), who.name(), total, body));
  }

  /** The cart {@code who} left; blocks, so call it off the UI thread. */
  Optional<Sale> open(Employee who) throws Exception {
    return inOrder(() -> carts.open(who.id()).map(e -> read(e.body())));
  }

  /** The parked sales, oldest first; blocks. */
  List<Parked> parked() throws Exception {
    Currency currency = policy.get().currency();
    return inOrder(
        () ->
            carts.parked().stream()
                .map(
                    e ->
                        new Parked(
                            e.saleId(),
                            e.employeeName(),
                            e.parkedAt(),
                            Money.of(e.total(), currency)))
                .toList());
  }

  /** Takes a parked sale off the list as {@code who}'s open cart; empty when already taken. */
  Optional<Sale> recall(UUID saleId, Employee who) throws Exception {
    return inOrder(() -> carts.recall(saleId, who.id(), who.name()).map(e -> read(e.body())));
  }

  /** Finishes the writes waiting (the register is closing) and stops the writer. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      if (!writer.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
        writer.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private <T> T inOrder(java.util.concurrent.Callable<T> read) throws Exception {
    try {
      return writer.submit(read).get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  String write(Sale sale) {
    List<LineRow> lines = new ArrayList<>();
    for (SaleLine l : sale.lines()) {
      CatalogItem i = l.item();
      lines.add(
          new LineRow(
              new ItemRow(
                  i.id(),
                  i.sku(),
                  i.name(),
                  i.barcodes(),
                  i.unit().name(),
                  i.price().minor(),
                  i.taxClass(),
                  i.openPrice(),
                  i.ageRestricted()),
              l.quantity().thousandths(),
              l.unitPrice().minor(),
              l.override() == null ? null : l.override().reason(),
              row(l.discount()),
              l.voided(),
              l.modifiers().stream()
                  .map(
                      m ->
                          new ModifierRow(
                              m.groupId(),
                              m.groupName(),
                              m.optionId(),
                              m.optionName(),
                              m.priceDelta().minor()))
                  .toList(),
              l.note()));
    }
    try {
      return json.writeValueAsString(
          new CartRow(
              sale.id().toString(),
              sale.openedAt().toString(),
              lines,
              row(sale.orderDiscount().orElse(null))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the cart", e);
    }
  }

  /** The sale again, rebuilt with the same commands in the same order: the same lines. */
  Sale read(String body) {
    CartRow row;
    try {
      row = json.readValue(body, CartRow.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read a kept cart", e);
    }
    SalePolicy p = policy.get();
    Currency currency = p.currency();
    Sale sale = Sale.open(UUID.fromString(row.id()), p, Instant.parse(row.openedAt()));
    for (LineRow l : row.lines()) {
      ItemRow i = l.item();
      CatalogItem item =
          new CatalogItem(
              i.id(),
              i.sku(),
              i.name(),
              i.barcodes(),
              Unit.valueOf(i.unit()),
              Money.of(i.price(), currency),
              i.taxClass(),
              i.openPrice(),
              i.ageRestricted());
      Quantity q = new Quantity(l.quantity());
      Money price = Money.of(l.unitPrice(), currency);
      // The options as chosen: the line comes back as it was, whatever the catalogue says now.
      List<ChosenModifier> chosen =
          l.modifiers() == null
              ? List.of()
              : l.modifiers().stream()
                  .map(
                      m ->
                          new ChosenModifier(
                              m.groupId(),
                              m.groupName(),
                              m.optionId(),
                              m.optionName(),
                              Money.of(m.priceDelta(), currency)))
                  .toList();
      item = item.withModifierGroups(Modifiers.asSold(chosen));
      ModifierSelection asked = Modifiers.selectionOf(chosen, l.note());
      SaleLine line =
          item.openPrice()
              ? sale.addOpenPriceItem(item, q, price, asked)
              : sale.addItem(item, q, asked);
      if (l.overrideReason() != null) {
        sale.overridePrice(line.number(), price, l.overrideReason());
      }
      if (l.discount() != null) {
        sale.discountLine(line.number(), discount(l.discount(), currency));
      }
      if (l.voided()) {
        sale.voidLine(line.number());
      }
    }
    if (row.orderDiscount() != null) {
      sale.discountOrder(discount(row.orderDiscount(), currency));
    }
    return sale;
  }

  private static DiscountRow row(Discount d) {
    if (d instanceof Discount.PercentOff p) {
      return new DiscountRow(p.percent().value().toPlainString(), null, p.reason(), p.approvedBy());
    }
    if (d instanceof Discount.AmountOff a) {
      return new DiscountRow(null, a.amount().minor(), a.reason(), a.approvedBy());
    }
    return null;
  }

  private static Discount discount(DiscountRow d, Currency currency) {
    Discount discount =
        d.percent() != null
            ? Discount.percent(new Percent(new BigDecimal(d.percent())), d.reason())
            : Discount.amount(Money.of(d.amount(), currency), d.reason());
    return discount.approvedBy(d.approvedBy());
  }
}
