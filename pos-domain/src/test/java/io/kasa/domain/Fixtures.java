package io.kasa.domain;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.Unit;
import io.kasa.domain.money.Money;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.sale.SalePolicy;
import io.kasa.domain.tax.TaxPolicy;
import io.kasa.domain.tax.TaxRate;
import io.kasa.domain.tax.TaxRounding;
import io.kasa.domain.tender.CashRounding;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** Stores, rates and items shared by the domain tests. */
public final class Fixtures {

  public static final Currency UAH = Currency.getInstance("UAH");
  public static final Currency USD = Currency.getInstance("USD");
  public static final Currency CHF = Currency.getInstance("CHF");
  public static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  public static final TaxRate UA_20 = TaxRate.of("VAT20", "А", "20");
  public static final TaxRate UA_7 = TaxRate.of("VAT7", "Б", "7");
  public static final TaxRate UA_0 = TaxRate.of("VAT0", "В", "0");
  public static final TaxRate NY = TaxRate.of("NY", "T", "8.875");
  public static final TaxRate FOOD = TaxRate.of("FOOD", "N", "0");

  private Fixtures() {}

  public static Money uah(String amount) {
    return Money.parse(amount, UAH);
  }

  public static Money usd(String amount) {
    return Money.parse(amount, USD);
  }

  public static SalePolicy ukraine(TaxRounding rounding) {
    return SalePolicy.of(
        UAH, TaxPolicy.inclusive(rounding, UA_20, UA_7, UA_0), CashRounding.to(uah("0.10")));
  }

  public static SalePolicy newYork() {
    return SalePolicy.of(
        USD, TaxPolicy.exclusive(TaxRounding.PER_RECEIPT, NY, FOOD), CashRounding.none(USD));
  }

  public static Sale openSale(SalePolicy policy) {
    return Sale.open(UUID.randomUUID(), policy, NOW);
  }

  public static CatalogItem item(String name, Money price, String taxClass) {
    return CatalogItem.each("id-" + name, "SKU-" + name, name, price, taxClass);
  }

  public static CatalogItem weighed(String name, Money pricePerKg, String taxClass) {
    return new CatalogItem(
        "id-" + name,
        "SKU-" + name,
        name,
        List.of(),
        Unit.KILOGRAM,
        pricePerKg,
        taxClass,
        false,
        false);
  }
}
