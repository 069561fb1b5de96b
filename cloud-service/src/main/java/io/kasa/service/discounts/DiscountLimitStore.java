package io.kasa.service.discounts;

import io.kasa.api.terminal.DiscountLimits;
import io.kasa.service.audit.Audit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A store's discount limits by role (ADR 0033): set by an admin command, read for the tills'
 * configuration and for checking a sale at the time it was paid.
 */
public final class DiscountLimitStore {

  private DiscountLimitStore() {}

  /**
   * Every role's limit in the store at {@code at}, defaults included, as percent strings by role.
   */
  public static Map<String, String> at(Handle h, UUID org, UUID store, Instant at) {
    Map<String, String> limits = new TreeMap<>();
    DiscountLimits.DEFAULTS.forEach((role, percent) -> limits.put(role, plain(percent)));
    h.createQuery(
            "select distinct on (role) role, percent from discount_limit"
                + " where organisation_id = :org and store_id = :store and effective_from <= :at"
                + " order by role, effective_from desc, id desc")
        .bind("org", org)
        .bind("store", store)
        .bind("at", at.atOffset(ZoneOffset.UTC))
        .map((rs, ctx) -> Map.entry(rs.getString("role"), rs.getBigDecimal("percent")))
        .forEach(e -> limits.put(e.getKey(), plain(e.getValue())));
    return limits;
  }

  /**
   * Sets {@code role}'s limit in the store from now on, audited as made by an admin command.
   *
   * @throws IllegalArgumentException naming what is wrong: an unknown role or store, a percent
   *     outside 0–100 or with more than two decimals
   */
  public static void set(Jdbi jdbi, UUID org, UUID store, String role, BigDecimal percent) {
    set(jdbi, org, store, role, percent, null);
  }

  /**
   * Sets {@code role}'s limit in the store from now on, audited as made by the back-office account
   * {@code officeAccount} (ADR 0051), or by an admin command when it is null.
   */
  public static void set(
      Jdbi jdbi, UUID org, UUID store, String role, BigDecimal percent, UUID officeAccount) {
    if (!DiscountLimits.DEFAULTS.containsKey(role)) {
      throw new IllegalArgumentException(
          "--role is one of " + String.join(", ", new TreeMap<>(DiscountLimits.DEFAULTS).keySet()));
    }
    if (percent.signum() < 0
        || percent.compareTo(BigDecimal.valueOf(100)) > 0
        || percent.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("--percent is from 0 to 100, at most two decimals");
    }
    jdbi.useTransaction(
        h -> {
          boolean exists =
              h.createQuery(
                      "select exists (select 1 from store where organisation_id = :org and id = :id)")
                  .bind("org", org)
                  .bind("id", store)
                  .mapTo(Boolean.class)
                  .one();
          if (!exists) {
            throw new IllegalArgumentException("No store " + store + " in organisation " + org);
          }
          h.createUpdate(
                  "insert into discount_limit (organisation_id, store_id, role, percent)"
                      + " values (:org, :store, :role, :percent)")
              .bind("org", org)
              .bind("store", store)
              .bind("role", role)
              .bind("percent", percent)
              .execute();
          String detail =
              "Store " + store + ": " + role + " may discount up to " + plain(percent) + " %";
          if (officeAccount == null) {
            Audit.record(h, org, null, null, "DISCOUNT_LIMIT_SET", detail);
          } else {
            Audit.recordOffice(h, org, officeAccount, "DISCOUNT_LIMIT_SET", detail);
          }
        });
  }

  private static String plain(BigDecimal percent) {
    return percent.stripTrailingZeros().toPlainString();
  }
}
