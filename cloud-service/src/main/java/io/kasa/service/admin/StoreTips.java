package io.kasa.service.admin;

import io.kasa.domain.money.Percent;
import io.kasa.domain.tender.TipRules;
import io.kasa.service.http.ApiException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A store's tip rules as its row keeps them (V54, ADR 0054): {@code tips_enabled}, {@code
 * tip_presets} and {@code tip_max_percent}; read the same way for the tills' configuration, the
 * service's check of a sale and the back office.
 */
public final class StoreTips {

  private StoreTips() {}

  /** The rules in a store row read whole ({@code select s.*}). */
  public static TipRules of(Map<String, Object> store) {
    return of(store.get("tips_enabled"), store.get("tip_presets"), store.get("tip_max_percent"));
  }

  /** The rules from the three columns' values as JDBC gives them. */
  public static TipRules of(Object enabled, Object presets, Object maxPercent) {
    return new TipRules(
        Boolean.TRUE.equals(enabled), percents(presets), new Percent((BigDecimal) maxPercent));
  }

  private static List<Percent> percents(Object presets) {
    try {
      Object[] values = presets instanceof Array a ? (Object[]) a.getArray() : (Object[]) presets;
      List<Percent> out = new ArrayList<>();
      for (Object v : values) {
        out.add(new Percent((BigDecimal) v));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("A store's tip presets do not read", e);
    }
  }

  /**
   * Percentages as typed ({@code "5"}, {@code "7,5"}); null stays null; one that does not read is
   * 422.
   */
  public static List<BigDecimal> percents(List<String> typed, String pointer) {
    if (typed == null) {
      return null;
    }
    List<BigDecimal> out = new ArrayList<>();
    for (String t : typed) {
      out.add(percent(t, pointer));
    }
    return out;
  }

  /** A percentage as typed; null stays null; one that does not read is 422 at {@code pointer}. */
  public static BigDecimal percent(String typed, String pointer) {
    if (typed == null) {
      return null;
    }
    try {
      return new BigDecimal(typed.strip().replace(',', '.').replace("%", "").strip());
    } catch (NumberFormatException e) {
      throw ApiException.invalid(pointer, "A percentage such as 10 or 12.5: " + typed);
    }
  }

  /**
   * The rules a change makes of {@code current}: a null part stays as it is. A combination the
   * register cannot offer is refused (422) naming the part by JSON pointer under {@code /tips}.
   */
  public static TipRules merge(
      TipRules current, Boolean enabled, List<BigDecimal> presets, BigDecimal maxPercent) {
    List<Percent> p;
    try {
      p = presets == null ? current.presets() : presets.stream().map(Percent::new).toList();
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw ApiException.invalid("/tips/presets", "A tip preset is a percentage above 0");
    }
    Percent max;
    try {
      max = maxPercent == null ? current.maxPercent() : new Percent(maxPercent);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw ApiException.invalid("/tips/maxPercent", "The largest tip is a percentage above 0");
    }
    if (max.isZero() || max.compareTo(TipRules.HIGHEST_MAX) > 0 || max.value().scale() > 2) {
      throw ApiException.invalid(
          "/tips/maxPercent",
          "The largest tip is above 0 % and at most "
              + TipRules.HIGHEST_MAX.value()
              + " % of the amount, with at most two decimals");
    }
    if (p.isEmpty()
        || p.size() > TipRules.MAX_PRESETS
        || p.stream().anyMatch(x -> x.isZero() || x.compareTo(max) > 0 || x.value().scale() > 2)) {
      throw ApiException.invalid(
          "/tips/presets",
          "One to "
              + TipRules.MAX_PRESETS
              + " tip presets, each above 0 % and at most the largest tip ("
              + max.value().toPlainString()
              + " %), with at most two decimals");
    }
    return new TipRules(enabled == null ? current.enabled() : enabled, p, max);
  }
}
