package io.kasa.api.terminal;

import java.math.BigDecimal;
import java.util.Map;

/**
 * How far, in percent of the line or the sale, each role may discount alone (ADR 0033). A role the
 * store has not set gets the default: cashiers 10 %, managers and admins 50 %, anyone else none (an
 * admin who should give more sets it).
 */
public final class DiscountLimits {

  private DiscountLimits() {}

  /** The roles a limit may be set for, with their defaults. */
  public static final Map<String, BigDecimal> DEFAULTS =
      Map.of(
          "CASHIER", BigDecimal.TEN,
          "MANAGER", new BigDecimal("50"),
          "HOST", BigDecimal.ZERO,
          "TECHNICIAN", BigDecimal.ZERO,
          "ADMIN", new BigDecimal("50"));

  /**
   * The limit of {@code role} among {@code limits} (role to percent as a decimal string, possibly
   * null from a configuration cached before limits existed), or the role's default.
   */
  public static BigDecimal of(Map<String, String> limits, String role) {
    String set = limits == null ? null : limits.get(role);
    if (set != null) {
      return new BigDecimal(set);
    }
    return DEFAULTS.getOrDefault(role, BigDecimal.ZERO);
  }

  /** The highest limit of a role that may approve discounts (a manager or an admin). */
  public static BigDecimal managers(Map<String, String> limits) {
    return of(limits, "MANAGER").max(of(limits, "ADMIN"));
  }
}
