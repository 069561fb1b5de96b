package io.kasa.service.sales;

import io.kasa.api.sales.DiscountDto;
import io.kasa.api.sales.SaleLineDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.TenderDto;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.PriceLimits;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Percent;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.receipt.ReceiptNumber;
import io.kasa.domain.sale.Discount;
import io.kasa.domain.sale.LineTotals;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.sale.SalePolicy;
import io.kasa.domain.sale.SaleRuleViolation;
import io.kasa.domain.sale.SaleTotals;
import io.kasa.domain.tender.CardDetails;
import io.kasa.domain.tender.Tender;
import io.kasa.domain.tender.TenderType;
import io.kasa.service.http.ApiException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds a submitted sale with pos-domain, exactly as the terminal built it, and checks that the
 * terminal's amounts agree to the cent. Every refusal names the place in the request.
 */
final class SaleRecomputation {

  /** No till handles more than this in one sale or one line: 10 billion minor units. */
  static final long MAX_AMOUNT = 10_000_000_000L;

  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private SaleRecomputation() {}

  /** Checks the shape of the request before anything is looked up. */
  static void validateShape(SaleRequest r, String idempotencyKey) {
    if (r.id() == null) {
      throw ApiException.invalid("/id", "The sale id is required");
    }
    if (idempotencyKey == null || !idempotencyKey.equals(r.id().toString())) {
      throw ApiException.invalid("/id", "The Idempotency-Key header must be the sale id");
    }
    try {
      ReceiptNumber.parse(String.valueOf(r.receiptNumber()));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("/receiptNumber", e.getMessage());
    }
    if (r.receiptToken() != null && !io.kasa.api.sales.ReceiptTokens.wellFormed(r.receiptToken())) {
      throw ApiException.invalid(
          "/receiptToken", "A receipt token is base64url, 22 to 64 characters (ADR 0041)");
    }
    if (r.openedAt() == null || r.paidAt() == null) {
      throw ApiException.invalid(
          r.openedAt() == null ? "/openedAt" : "/paidAt", "A time is required");
    }
    calendarTime(r.openedAt(), "/openedAt");
    calendarTime(r.paidAt(), "/paidAt");
    if (r.lines() == null || r.lines().isEmpty() || r.lines().size() > 1000) {
      throw ApiException.invalid("/lines", "A sale has 1 to 1000 lines");
    }
    if (r.tenders() == null || r.tenders().isEmpty() || r.tenders().size() > 20) {
      throw ApiException.invalid("/tenders", "A sale has 1 to 20 tenders");
    }
    if (r.totals() == null) {
      throw ApiException.invalid("/totals", "The terminal's totals are required");
    }
    Set<Integer> numbers = new HashSet<>();
    for (int i = 0; i < r.lines().size(); i++) {
      SaleLineDto l = r.lines().get(i);
      if (l == null || l.number() != i + 1 || !numbers.add(l.number())) {
        throw ApiException.invalid(
            "/lines/" + i + "/number", "Lines are numbered 1, 2, 3… in order");
      }
      if (l.itemId() == null || l.itemId().isBlank()) {
        throw ApiException.invalid("/lines/" + i + "/itemId", "The item is required");
      }
      amount(l.unitPrice(), "/lines/" + i + "/unitPrice");
    }
    for (int i = 0; i < r.tenders().size(); i++) {
      TenderDto t = r.tenders().get(i);
      if (t == null || t.id() == null) {
        throw ApiException.invalid("/tenders/" + i + "/id", "The tender id is required");
      }
      amount(t.amount(), "/tenders/" + i + "/amount");
      try {
        TenderType.valueOf(String.valueOf(t.type()));
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid(
            "/tenders/" + i + "/type", "A tender is CASH, CARD, OTHER or EXTERNAL_CARD");
      }
      externalCard(t, "/tenders/" + i);
      if (t.tip() != null) {
        amount(t.tip(), "/tenders/" + i + "/tip");
        if (t.tip() > 0 && !Tender.takesTips(TenderType.valueOf(t.type()))) {
          throw ApiException.invalid(
              "/tenders/" + i + "/tip", "Only CASH and CARD tenders carry a tip (ADR 0054)");
        }
      }
    }
  }

  /**
   * A card paid on the bank's terminal carries what its slip shows (ADR 0031): the approval code
   * and the card's last four digits; no other tender carries last digits.
   */
  private static void externalCard(TenderDto t, String at) {
    if (!"EXTERNAL_CARD".equals(t.type())) {
      if (t.cardLast4() != null) {
        throw ApiException.invalid(
            at + "/cardLast4", "Only a card paid on a bank terminal carries its last four digits");
      }
      return;
    }
    if (t.reference() == null || !t.reference().matches(Tender.APPROVAL_CODE)) {
      throw ApiException.invalid(
          at + "/reference",
          "The bank terminal's approval code is six letters or digits, as its slip shows");
    }
    if (t.cardLast4() == null || !t.cardLast4().matches("\\d{4}")) {
      throw ApiException.invalid(
          at + "/cardLast4", "The card's last four digits, as the bank terminal's slip shows");
    }
  }

  /**
   * A time in a calendar year a till's clock could show (1970, after a flat clock battery,
   * included), which PostgreSQL can store.
   */
  private static void calendarTime(Instant t, String pointer) {
    if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
      throw ApiException.invalid(pointer, "A time between the years 1 and 9999");
    }
  }

  /**
   * Rebuilds the cart (lines, discounts) in the open state, checking prices against the catalogue.
   * A price that is not the catalogue's stands when the item's price changed after the sale was
   * opened ({@code changedSince} answers that): a sale in progress keeps the prices it started
   * with.
   */
  static Sale rebuild(
      SaleRequest r,
      SalePolicy policy,
      Map<String, CatalogItem> items,
      java.util.function.BiPredicate<String, java.time.Instant> changedSince) {
    return rebuild(r, policy, items, false, changedSince);
  }

  /**
   * Rebuilds a sale already recorded (for refunds): the prices it was sold at stand, whatever the
   * catalogue says today.
   */
  static Sale replay(SaleRequest r, SalePolicy policy, Map<String, CatalogItem> items) {
    return rebuild(r, policy, items, true, (item, since) -> false);
  }

  /** The reason given to a line kept at the price its item had when the sale opened. */
  static final String PRICE_WHEN_OPENED = "price when the sale opened";

  /** Whether the line kept the price its item had when the sale opened. */
  static boolean pricedWhenOpened(io.kasa.domain.sale.SaleLine line) {
    return line.priceOverride().map(o -> PRICE_WHEN_OPENED.equals(o.reason())).orElse(false);
  }

  /** How far a terminal's clock may be behind the service's when it says when a sale opened. */
  static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);

  private static Sale rebuild(
      SaleRequest r,
      SalePolicy policy,
      Map<String, CatalogItem> items,
      boolean recorded,
      java.util.function.BiPredicate<String, java.time.Instant> changedSince) {
    if (!policy.currency().getCurrencyCode().equals(r.currency())) {
      throw ApiException.invalid(
          "/currency", "The store sells in " + policy.currency().getCurrencyCode());
    }
    Sale sale = Sale.open(r.id(), policy, r.openedAt());
    for (int i = 0; i < r.lines().size(); i++) {
      SaleLineDto l = r.lines().get(i);
      String at = "/lines/" + i;
      CatalogItem item = items.get(l.itemId());
      if (item == null) {
        throw ApiException.invalid(
            at + "/itemId", "Line " + l.number() + ": unknown item " + l.itemId());
      }
      try {
        Quantity quantity = Quantity.parse(String.valueOf(l.quantity()));
        if (quantity.compareTo(Quantity.of(100_000)) > 0) {
          throw ApiException.invalid(
              at + "/quantity", "Line " + l.number() + ": quantity too large");
        }
        Money price = Money.of(l.unitPrice(), policy.currency());
        SaleModifiers.Asked asked =
            SaleModifiers.asked(
                l,
                item,
                policy.currency(),
                at,
                recorded,
                () -> r.offline() || changedSince.test(l.itemId(), r.openedAt().minus(CLOCK_SKEW)));
        item = asked.item();
        if (item.openPrice()) {
          if (!recorded
              && !r.offline()
              && outsideLimits(item, price)
              && !changedSince.test(item.id(), r.openedAt().minus(CLOCK_SKEW))) {
            throw outOfRange(item, price, l.number(), at + "/unitPrice");
          }
          sale.addOpenPriceItem(item, quantity, price, asked.selection());
        } else if (recorded
            && !price.equals(item.price())
            && (l.priceOverrideReason() == null || l.priceOverrideReason().isBlank())) {
          // A sale already recorded stands at the price it was sold at, the catalogue's then: no
          // override, so its receipt shows no note the paper did not print.
          sale.addItem(item.withPrice(price), quantity, asked.selection());
        } else {
          sale.addItem(item, quantity, asked.selection());
          if (!price.equals(item.price())) {
            String reason = l.priceOverrideReason();
            if (reason == null || reason.isBlank()) {
              if (changedSince.test(item.id(), r.openedAt().minus(CLOCK_SKEW))) {
                reason = PRICE_WHEN_OPENED;
              } else if (!r.offline()) {
                throw ApiException.invalid(
                    at + "/unitPrice",
                    "Line "
                        + l.number()
                        + ": price "
                        + price
                        + " is not the catalogue price "
                        + item.price());
              } else {
                reason = "offline price";
              }
            }
            sale.overridePrice(l.number(), price, reason);
          }
        }
        if (l.discount() != null) {
          sale.discountLine(l.number(), discount(l.discount(), policy, at + "/discount"));
        }
        if (l.voided()) {
          sale.voidLine(l.number());
        }
      } catch (SaleRuleViolation e) {
        throw ApiException.invalid(
            at + place(e.rule()), "Line " + l.number() + ": " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid(at + "/quantity", "Line " + l.number() + ": " + e.getMessage());
      }
    }
    if (r.orderDiscount() != null) {
      try {
        sale.discountOrder(discount(r.orderDiscount(), policy, "/orderDiscount"));
      } catch (SaleRuleViolation e) {
        throw ApiException.invalid("/orderDiscount", e.getMessage());
      }
    }
    return sale;
  }

  /** Where in a line a broken rule points: its options or note for theirs, else the line. */
  private static String place(SaleRuleViolation.Rule rule) {
    return switch (rule) {
      case MODIFIER_UNKNOWN, MODIFIER_REPEATED, MODIFIER_REQUIRED, MODIFIER_TOO_MANY ->
          "/modifiers";
      case NOTE_TOO_LONG -> "/note";
      default -> "";
    };
  }

  /**
   * Whether an open-price line is outside its item's limits. Refused only for a sale made online
   * whose item did not change while it was open: a till offline sold within the limits it had, and
   * a sale recorded stays as it was sold. An item with no limits takes any price, as before.
   */
  private static boolean outsideLimits(CatalogItem item, Money price) {
    PriceLimits limits = item.priceLimits();
    return !limits.isNone() && !limits.allows(price);
  }

  /** The refusal of an open-price line outside its limits, in words a register can say again. */
  private static ApiException outOfRange(CatalogItem item, Money price, int line, String pointer) {
    PriceLimits limits = item.priceLimits();
    String min = limits.lowest().map(m -> m.toDecimal().toPlainString()).orElse("");
    String max = limits.highest().map(m -> m.toDecimal().toPlainString()).orElse("");
    return ApiException.refused(
        "open-price-out-of-range",
        Map.of(
            "line",
            String.valueOf(line),
            "item",
            item.name(),
            "price",
            price.toDecimal().toPlainString(),
            "min",
            min,
            "max",
            max),
        pointer,
        "Line "
            + line
            + ": "
            + item.name()
            + " is sold at "
            + (min.isEmpty() ? "" : "at least " + min)
            + (min.isEmpty() || max.isEmpty() ? "" : " and ")
            + (max.isEmpty() ? "" : "at most " + max)
            + ", not "
            + price.toDecimal().toPlainString()
            + " "
            + price.currency().getCurrencyCode());
  }

  /** Compares the terminal's amounts with the service's, naming the first line that differs. */
  static void compare(SaleRequest r, SaleTotals totals) {
    for (int i = 0; i < r.lines().size(); i++) {
      SaleLineDto l = r.lines().get(i);
      long expected = totals.line(l.number()).map(LineTotals::payable).map(Money::minor).orElse(0L);
      if (l.amount() != expected) {
        throw ApiException.invalid(
            "/lines/" + i + "/amount",
            "Line "
                + l.number()
                + ": the terminal says "
                + l.amount()
                + ", the service computes "
                + expected);
      }
    }
    check("/totals/subtotal", r.totals().subtotal(), totals.subtotal().minor());
    check("/totals/discounts", r.totals().discounts(), totals.discountTotal().minor());
    check("/totals/tax", r.totals().tax(), totals.tax().minor());
    check("/totals/total", r.totals().total(), totals.total().minor());
  }

  /** Applies the tenders; card tenders must already carry their authorisation outcome. */
  static void pay(Sale sale, SaleRequest r, Instant paidAt) {
    sale.startTendering();
    for (int i = 0; i < r.tenders().size(); i++) {
      TenderDto t = r.tenders().get(i);
      try {
        sale.addTender(
            new Tender(
                t.id(),
                TenderType.valueOf(t.type()),
                Money.of(t.amount(), sale.policy().currency()),
                t.reference(),
                t.cardLast4() == null ? null : new CardDetails("", t.cardLast4()),
                Money.of(t.tipOrZero(), sale.policy().currency())),
            paidAt);
      } catch (SaleRuleViolation | IllegalArgumentException e) {
        throw ApiException.invalid("/tenders/" + i, e.getMessage());
      }
    }
    if (!sale.state().isPaid()) {
      throw ApiException.invalid(
          "/tenders", "The tenders do not cover the sale: " + sale.amountDue() + " still due");
    }
    check("/totals/cashRounding", r.totals().cashRounding(), sale.cashRounding().minor());
    check("/totals/change", r.totals().change(), sale.change().minor());
  }

  private static Discount discount(DiscountDto d, SalePolicy policy, String at) {
    if ((d.percent() == null) == (d.amount() == null)) {
      throw ApiException.invalid(at, "A discount is either a percent or an amount");
    }
    String reason = d.reason() == null ? "" : d.reason();
    if (d.percent() != null) {
      try {
        return Discount.percent(Percent.parse(d.percent()), reason);
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid(at + "/percent", e.getMessage());
      }
    }
    return Discount.amount(Money.of(amount(d.amount(), at + "/amount"), policy.currency()), reason);
  }

  private static long amount(long value, String at) {
    if (value < 0 || value > MAX_AMOUNT) {
      throw ApiException.invalid(at, "An amount is between 0 and " + MAX_AMOUNT + " minor units");
    }
    return value;
  }

  private static void check(String at, long terminal, long service) {
    if (terminal != service) {
      throw ApiException.invalid(
          at, "The terminal says " + terminal + ", the service computes " + service);
    }
  }
}
