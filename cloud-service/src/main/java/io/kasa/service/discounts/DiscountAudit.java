package io.kasa.service.discounts;

import io.kasa.api.sales.DiscountDto;
import io.kasa.api.sales.SaleLineDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.terminal.DiscountLimits;
import io.kasa.domain.money.Money;
import io.kasa.domain.sale.LineTotals;
import io.kasa.domain.sale.SaleTotals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Every discount a sale carries, checked against the store's limits in force when the sale was paid
 * (ADR 0033). A discount is never a reason to refuse a sale (the till may have been offline, with
 * older limits): one beyond the giver's limit without a manager whose limit covers it is recorded
 * all the same and flagged in the audit log.
 */
public final class DiscountAudit {

  /** An entry for the audit log: whose it is, the action, and a note naming everyone. */
  public record Entry(UUID employee, String action, String detail) {}

  /** A discount within the limits, or approved by a manager whose limit covers it. */
  public static final String GIVEN = "DISCOUNT";

  /** A discount beyond the giver's limit with no manager's approval that covers it. */
  public static final String OVER_LIMIT = "DISCOUNT_OVER_LIMIT";

  private record Person(String name, String role) {}

  private DiscountAudit() {}

  /** Whether the sale carries any discount on an active line or on the order. */
  public static boolean any(SaleRequest r) {
    return r.orderDiscount() != null
        || r.lines().stream().anyMatch(l -> !l.voided() && l.discount() != null);
  }

  /**
   * The audit entries of the sale's discounts, given by {@code giver}, against the limits of the
   * store at the sale's payment time; {@code totals} are the service's own.
   */
  public static List<Entry> check(
      Handle h, UUID org, UUID store, UUID giver, SaleRequest r, SaleTotals totals) {
    Map<String, String> limits = DiscountLimitStore.at(h, org, store, r.paidAt());
    List<UUID> ids = new ArrayList<>();
    if (giver != null) {
      ids.add(giver);
    }
    r.lines().stream()
        .map(SaleLineDto::discount)
        .filter(Objects::nonNull)
        .map(DiscountDto::approvedBy)
        .filter(Objects::nonNull)
        .forEach(ids::add);
    if (r.orderDiscount() != null && r.orderDiscount().approvedBy() != null) {
      ids.add(r.orderDiscount().approvedBy());
    }
    Map<UUID, Person> people = people(h, org, ids);
    List<Entry> out = new ArrayList<>();
    for (SaleLineDto l : r.lines()) {
      if (l.voided() || l.discount() == null) {
        continue;
      }
      LineTotals t = totals.line(l.number()).orElseThrow();
      out.add(
          entry(
              r.receiptNumber() + " line " + l.number(),
              percent(l.discount(), t.lineDiscount(), t.gross()),
              t.lineDiscount(),
              giver,
              l.discount().approvedBy(),
              people,
              limits));
    }
    if (r.orderDiscount() != null) {
      Money base = totals.subtotal().minus(totals.lineDiscounts());
      out.add(
          entry(
              r.receiptNumber() + " sale",
              percent(r.orderDiscount(), totals.orderDiscount(), base),
              totals.orderDiscount(),
              giver,
              r.orderDiscount().approvedBy(),
              people,
              limits));
    }
    return out;
  }

  private static Entry entry(
      String where,
      BigDecimal percent,
      Money off,
      UUID giver,
      UUID approver,
      Map<UUID, Person> people,
      Map<String, String> limits) {
    Person gave = people.getOrDefault(giver, new Person("employee " + giver, ""));
    BigDecimal own = DiscountLimits.of(limits, gave.role());
    StringBuilder detail =
        new StringBuilder(where)
            .append(": ")
            .append(plain(percent))
            .append(" % off, ")
            .append(BigDecimal.valueOf(off.minor(), off.currency().getDefaultFractionDigits()))
            .append(", by ")
            .append(describe(gave, limits));
    boolean within = percent.compareTo(own) <= 0;
    if (approver != null) {
      Person approved = people.get(approver);
      detail
          .append(", approved by ")
          .append(approved == null ? "unknown employee " + approver : describe(approved, limits));
      // Only a manager approves, and only as far as their own limit.
      within |=
          approved != null
              && ("MANAGER".equals(approved.role()) || "ADMIN".equals(approved.role()))
              && percent.compareTo(DiscountLimits.of(limits, approved.role())) <= 0;
    }
    if (!within) {
      detail.append(", beyond the limit without a manager's approval that covers it");
    }
    return new Entry(giver, within ? GIVEN : OVER_LIMIT, detail.toString());
  }

  private static String describe(Person p, Map<String, String> limits) {
    return p.name()
        + " ("
        + p.role()
        + ", limit "
        + plain(DiscountLimits.of(limits, p.role()))
        + " %)";
  }

  /** The discount in percent: as given when it is a percentage, else the amount off its base. */
  private static BigDecimal percent(DiscountDto d, Money off, Money base) {
    if (d.percent() != null) {
      return new BigDecimal(d.percent());
    }
    if (base.minor() <= 0) {
      return BigDecimal.ZERO;
    }
    return BigDecimal.valueOf(off.minor())
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(base.minor()), 2, RoundingMode.HALF_UP);
  }

  private static Map<UUID, Person> people(Handle h, UUID org, List<UUID> ids) {
    Map<UUID, Person> out = new HashMap<>();
    h.createQuery(
            "select id, name, role from employee where organisation_id = :org and id = any(:ids)")
        .bind("org", org)
        .bindArray("ids", UUID.class, ids)
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getObject("id", UUID.class),
                    new Person(rs.getString("name"), rs.getString("role"))))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static String plain(BigDecimal percent) {
    return percent.stripTrailingZeros().toPlainString();
  }
}
