package io.kasa.service.admin;

import io.kasa.api.Problem;
import io.kasa.api.terminal.BarcodeLayoutDto;
import io.kasa.api.terminal.OfflineCardRules;
import io.kasa.service.http.ApiException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The checks of a store's settings as the back office changes them (ADR 0051), each refusing a part
 * not as documented with 422 naming it by its JSON pointer, before anything is written.
 */
final class StoreChecks {

  /** The tax modes a store may have. */
  public static final List<String> TAX_MODES = List.of("INCLUSIVE", "EXCLUSIVE");

  /** The ways a store may round its taxes. */
  public static final List<String> TAX_ROUNDINGS = List.of("PER_RECEIPT", "PER_LINE");

  /** The largest cash rounding, in minor units (1,000 hryvnias). */
  public static final long MAX_CASH_INCREMENT = 100_000;

  /** The largest offline card limit the database takes, in minor units. */
  public static final long MAX_CARD_LIMIT = 10_000_000_000L;

  /** The longest window for offline cards: a week, in minutes. */
  public static final int MAX_CARD_WINDOW = 7 * 24 * 60;

  /** The longest name of a store. */
  public static final int MAX_NAME = 100;

  private StoreChecks() {}

  /** The same problem, its pointers under {@code prefix}. */
  static ApiException under(String prefix, ApiException e) {
    Problem p = e.problem();
    if (p.errors() == null || p.errors().isEmpty()) {
      return e;
    }
    Problem.FieldError first = p.errors().get(0);
    return ApiException.invalid(prefix + first.pointer(), first.message());
  }

  static String name(String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.codePointCount(0, n.length()) > MAX_NAME) {
      throw ApiException.invalid("/name", "A store's name is 1 to " + MAX_NAME + " characters");
    }
    return n;
  }

  /** A time zone as stored: an IANA region id, such as Europe/Kyiv. */
  static String zone(String zone) {
    String z = zone == null ? "" : zone.strip();
    if (z.length() > 64 || !java.time.ZoneId.getAvailableZoneIds().contains(z)) {
      throw ApiException.invalid(
          "/timeZone", "A time zone is an IANA zone id such as Europe/Kyiv: " + zone);
    }
    return z;
  }

  static String choice(String value, List<String> choices, String pointer) {
    String v = value.strip().toUpperCase(java.util.Locale.ROOT);
    if (!choices.contains(v)) {
      throw ApiException.invalid(pointer, "One of " + String.join(", ", choices) + ": " + value);
    }
    return v;
  }

  static long increment(long increment) {
    if (increment < 1 || increment > MAX_CASH_INCREMENT) {
      throw ApiException.invalid(
          "/cashIncrement",
          "Cash is rounded to 1 to " + MAX_CASH_INCREMENT + " minor units, not " + increment);
    }
    return increment;
  }

  static BigDecimal percent(String value, String pointer) {
    BigDecimal p;
    try {
      p = new BigDecimal(value.strip());
    } catch (NumberFormatException | NullPointerException e) {
      throw ApiException.invalid(pointer, "A percent is a number from 0 to 100: " + value);
    }
    if (p.signum() < 0
        || p.compareTo(BigDecimal.valueOf(100)) > 0
        || p.stripTrailingZeros().scale() > 2) {
      throw ApiException.invalid(pointer, "A percent is from 0 to 100, at most two decimals");
    }
    return p;
  }

  static String publicAddress(String text) {
    if (text.isBlank()) {
      return "";
    }
    try {
      return AdminService.publicAddress(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("/publicAddress", e.getMessage());
    }
  }

  static void cards(OfflineCardRules c) {
    if (c.perSaleLimit() < 0 || c.perSaleLimit() > MAX_CARD_LIMIT) {
      throw ApiException.invalid(
          "/offlineCards/perSaleLimit", "A limit is 0 to " + MAX_CARD_LIMIT + " minor units");
    }
    if (c.totalLimit() < c.perSaleLimit() || c.totalLimit() > MAX_CARD_LIMIT) {
      throw ApiException.invalid(
          "/offlineCards/totalLimit",
          "The total limit is at least the limit per sale, at most " + MAX_CARD_LIMIT);
    }
    if (c.windowMinutes() < 0 || c.windowMinutes() > MAX_CARD_WINDOW) {
      throw ApiException.invalid(
          "/offlineCards/windowMinutes", "The window is 0 to " + MAX_CARD_WINDOW + " minutes");
    }
  }

  static void layouts(List<BarcodeLayoutDto> layouts) {
    java.util.Set<String> prefixes = new java.util.HashSet<>();
    for (int i = 0; i < layouts.size(); i++) {
      BarcodeLayoutDto l = layouts.get(i);
      try {
        StoreSetup.check(l);
      } catch (ApiException e) {
        throw under("/barcodeLayouts/" + i, e);
      }
      if (!prefixes.add(l.prefix())) {
        throw ApiException.invalid(
            "/barcodeLayouts/" + i + "/prefix", "Each prefix has one layout: " + l.prefix());
      }
    }
  }

  static BarcodeLayoutDto upper(BarcodeLayoutDto l) {
    return new BarcodeLayoutDto(
        l.prefix(),
        l.kind().toUpperCase(java.util.Locale.ROOT),
        l.itemDigits(),
        l.valueDigits(),
        l.valueDecimals());
  }

  static boolean known(String currency) {
    try {
      java.util.Currency.getInstance(currency);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The rules checked part by part (a null part stays null), their choices in capitals. */
  static StoreSetup.Rules rules(StoreSetup.Rules r) {
    return new StoreSetup.Rules(
        r.name() == null ? null : name(r.name()),
        r.timeZone() == null ? null : zone(r.timeZone()),
        r.taxMode() == null ? null : choice(r.taxMode(), TAX_MODES, "/taxMode"),
        r.taxRounding() == null ? null : choice(r.taxRounding(), TAX_ROUNDINGS, "/taxRounding"),
        r.cashIncrement() == null ? null : increment(r.cashIncrement()),
        r.priceOverrideLimit() == null
            ? null
            : percent(r.priceOverrideLimit().toPlainString(), "/priceOverrideLimit"));
  }
}
