package io.kasa.service.office;

import io.kasa.api.office.OfficeStore;
import io.kasa.api.office.OfficeStoreChange;
import io.kasa.api.terminal.BarcodeLayoutDto;
import io.kasa.api.terminal.OfflineCardRules;
import io.kasa.api.terminal.StoreIdentityDto;
import io.kasa.service.http.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Stores screen's forms (ADR 0051): each section's fields as the page shows them (money in
 * major units, as typed), a section's posted fields read into the partial change the domain takes,
 * and the one field a refusal names, in words. Fields are named as the API names them, so a
 * refusal's JSON pointer names the field on the page too.
 */
public final class StoreForm {

  /** The sections of a store's page, each its own form, in the page's order. */
  public static final List<String> SECTIONS =
      List.of("identity", "address", "receipt", "taxes", "cards", "discounts", "tips", "layouts");

  /** The roles a discount limit is set for, in the page's order. */
  public static final List<String> ROLES =
      List.of("CASHIER", "MANAGER", "ADMIN", "HOST", "TECHNICIAN");

  private final Map<String, String> values;
  private final String section;
  private final String field;
  private final String error;

  private StoreForm(Map<String, String> values, String section, String field, String error) {
    this.values = values;
    this.section = section;
    this.field = field;
    this.error = error;
  }

  /** The form of store {@code s} as it is. */
  static StoreForm of(OfficeStore s) {
    Map<String, String> v = new HashMap<>();
    v.put("name", s.name());
    v.put("legalName", text(s.identity().legalName()));
    v.put("taxId", text(s.identity().taxId()));
    v.put("vatNumber", text(s.identity().vatNumber()));
    v.put("address", text(s.identity().address()));
    v.put("timeZone", s.timeZone());
    v.put("publicAddress", text(s.publicAddress()));
    v.put("header", text(s.identity().header()));
    v.put("footer", text(s.identity().footer()));
    v.put("taxMode", s.taxMode());
    v.put("taxRounding", s.taxRounding());
    v.put("cashIncrement", major(s.cashIncrement(), s.currency()));
    v.put("offlineCards", s.offlineCards().allowed() ? "yes" : "");
    v.put("perSaleLimit", major(s.offlineCards().perSaleLimit(), s.currency()));
    v.put("totalLimit", major(s.offlineCards().totalLimit(), s.currency()));
    v.put("windowMinutes", Integer.toString(s.offlineCards().windowMinutes()));
    v.put("priceOverrideLimit", s.priceOverrideLimit());
    ROLES.forEach(r -> v.put("discount-" + r, s.discountLimits().get(r)));
    if (s.tips() != null) {
      v.put("tipsEnabled", s.tips().enabled() ? "yes" : "");
      v.put("presets", String.join(", ", s.tips().presets()));
      v.put("maxPercent", s.tips().maxPercent());
    }
    v.put("prefix", "");
    v.put("kind", "WEIGHT");
    v.put("itemDigits", "5");
    v.put("valueDigits", "5");
    v.put("valueDecimals", "3");
    return new StoreForm(v, null, null, null);
  }

  /** This form with {@code section}'s fields as posted and the problem {@code refused} names. */
  StoreForm refused(
      String section, Function<String, String> posted, ApiException refused, View view) {
    Map<String, String> v = new HashMap<>(values);
    for (String name : fields(section)) {
      String p = posted.apply(name);
      v.put(name, p == null ? "" : p);
    }
    String f = field(refused);
    String key = f.startsWith("discount-") ? "discount" : f;
    return new StoreForm(v, section, f, view.t("stores.error." + key));
  }

  /** The value of field {@code name} to show. */
  public String v(String name) {
    String value = values.get(name);
    return value == null ? "" : value;
  }

  /** Whether the checkbox {@code name} is ticked. */
  public boolean ticked(String name) {
    return !v(name).isEmpty();
  }

  /** "true" for the field the refusal names, else null (no attribute). */
  public String invalid(String name) {
    return name.equals(field) ? "true" : null;
  }

  /** The refusal's words when it is in {@code section}'s form, else null. */
  public String errorIn(String section) {
    return section.equals(this.section) ? error : null;
  }

  /** The field of a refusal: its pointer's last part, a discount's role as discount-ROLE. */
  static String field(ApiException refused) {
    var errors = refused.problem().errors();
    String pointer = errors == null || errors.isEmpty() ? "/name" : errors.get(0).pointer();
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    return pointer.startsWith("/discountLimits/") ? "discount-" + last : last;
  }

  /** The fields of {@code section}'s form. */
  static List<String> fields(String section) {
    return switch (section) {
      case "identity" -> List.of("legalName", "taxId", "vatNumber");
      case "address" -> List.of("name", "address", "timeZone", "publicAddress");
      case "receipt" -> List.of("header", "footer");
      case "taxes" -> List.of("taxMode", "taxRounding", "cashIncrement");
      case "cards" -> List.of("offlineCards", "perSaleLimit", "totalLimit", "windowMinutes");
      case "discounts" -> {
        List<String> f = new ArrayList<>(List.of("priceOverrideLimit"));
        ROLES.forEach(r -> f.add("discount-" + r));
        yield f;
      }
      case "tips" -> List.of("tipsEnabled", "presets", "maxPercent");
      case "layouts" -> List.of("prefix", "kind", "itemDigits", "valueDigits", "valueDecimals");
      default -> List.of();
    };
  }

  /**
   * The change {@code section}'s posted fields ask of store {@code s}; a field that does not read
   * is refused (422) by its pointer, as the domain refuses one.
   */
  static OfficeStoreChange change(OfficeStore s, String section, Function<String, String> p) {
    OfficeStoreChange none = OfficeStoreChange.none();
    return switch (section) {
      case "identity" ->
          with(
              none,
              new StoreIdentityDto(
                  p.apply("legalName"), null, p.apply("taxId"), p.apply("vatNumber"), null, null));
      case "address" ->
          new OfficeStoreChange(
              orEmpty(p.apply("name")),
              new StoreIdentityDto(null, orEmpty(p.apply("address")), null, null, null, null),
              orEmpty(p.apply("timeZone")),
              orEmpty(p.apply("publicAddress")),
              null,
              null,
              null,
              null,
              null,
              null,
              null);
      case "receipt" ->
          with(
              none,
              new StoreIdentityDto(
                  null, null, null, null, lines(p.apply("header")), lines(p.apply("footer"))));
      case "taxes" ->
          new OfficeStoreChange(
              null,
              null,
              null,
              null,
              orEmpty(p.apply("taxMode")),
              orEmpty(p.apply("taxRounding")),
              minor(p.apply("cashIncrement"), s.currency(), "/cashIncrement"),
              null,
              null,
              null,
              null);
      case "cards" ->
          new OfficeStoreChange(
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              new OfflineCardRules(
                  p.apply("offlineCards") != null,
                  minor(p.apply("perSaleLimit"), s.currency(), "/offlineCards/perSaleLimit"),
                  minor(p.apply("totalLimit"), s.currency(), "/offlineCards/totalLimit"),
                  (int) whole(p.apply("windowMinutes"), "/offlineCards/windowMinutes")),
              null,
              null);
      case "discounts" -> {
        Map<String, String> limits = new HashMap<>();
        ROLES.forEach(r -> limits.put(r, orEmpty(p.apply("discount-" + r))));
        yield new OfficeStoreChange(
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            orEmpty(p.apply("priceOverrideLimit")),
            null,
            limits,
            null);
      }
      case "tips" ->
          OfficeStoreChange.tips(
              new io.kasa.api.office.OfficeStoreTips(
                  p.apply("tipsEnabled") != null,
                  java.util.Arrays.stream(orEmpty(p.apply("presets")).split("[;,\\s]+"))
                      .map(String::strip)
                      .filter(x -> !x.isEmpty())
                      .toList(),
                  orEmpty(p.apply("maxPercent"))));
      case "layouts" -> {
        BarcodeLayoutDto added =
            new BarcodeLayoutDto(
                orEmpty(p.apply("prefix")).strip(),
                orEmpty(p.apply("kind")),
                (int) whole(p.apply("itemDigits"), "/barcodeLayouts/0/itemDigits"),
                (int) whole(p.apply("valueDigits"), "/barcodeLayouts/0/valueDigits"),
                (int) whole(p.apply("valueDecimals"), "/barcodeLayouts/0/valueDecimals"));
        List<BarcodeLayoutDto> layouts = new ArrayList<>(List.of(added));
        s.barcodeLayouts().stream()
            .filter(l -> !l.prefix().equals(added.prefix()))
            .forEach(layouts::add);
        yield layouts(layouts);
      }
      default -> throw ApiException.notFound("No such section");
    };
  }

  /** The change that removes the layout of {@code prefix}. */
  static OfficeStoreChange without(OfficeStore s, String prefix) {
    return layouts(s.barcodeLayouts().stream().filter(l -> !l.prefix().equals(prefix)).toList());
  }

  private static OfficeStoreChange layouts(List<BarcodeLayoutDto> layouts) {
    return new OfficeStoreChange(
        null, null, null, null, null, null, null, null, null, null, layouts);
  }

  private static OfficeStoreChange with(OfficeStoreChange c, StoreIdentityDto identity) {
    return new OfficeStoreChange(
        c.name(),
        identity,
        c.timeZone(),
        c.publicAddress(),
        c.taxMode(),
        c.taxRounding(),
        c.cashIncrement(),
        c.priceOverrideLimit(),
        c.offlineCards(),
        c.discountLimits(),
        c.barcodeLayouts());
  }

  /** An amount of money as the page shows it, in major units. */
  static String major(long minor, String currency) {
    return BigDecimal.valueOf(minor, digits(currency)).toPlainString();
  }

  /** An amount typed in major units, in minor units; one that does not read is refused. */
  static long minor(String typed, String currency, String pointer) {
    try {
      BigDecimal major = new BigDecimal(orEmpty(typed).strip().replace(',', '.'));
      return major.movePointRight(digits(currency)).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw ApiException.invalid(pointer, "An amount of money: " + typed);
    }
  }

  private static long whole(String typed, String pointer) {
    try {
      return Integer.parseInt(orEmpty(typed).strip());
    } catch (NumberFormatException e) {
      throw ApiException.invalid(pointer, "A whole number: " + typed);
    }
  }

  private static int digits(String currency) {
    try {
      return Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
    } catch (IllegalArgumentException e) {
      return 2;
    }
  }

  /** A text area's lines, as the tills keep them (\n between lines). */
  private static String lines(String text) {
    return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
