package io.kasa.domain.cli;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.Unit;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Percent;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.receipt.Receipt;
import io.kasa.domain.receipt.ReceiptBuilder;
import io.kasa.domain.receipt.ReceiptContext;
import io.kasa.domain.receipt.ReceiptNumber;
import io.kasa.domain.receipt.ReceiptTextLayout;
import io.kasa.domain.receipt.StoreProfile;
import io.kasa.domain.sale.Discount;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.sale.SalePolicy;
import io.kasa.domain.tax.TaxPolicy;
import io.kasa.domain.tax.TaxRate;
import io.kasa.domain.tax.TaxRounding;
import io.kasa.domain.tender.CashRounding;
import io.kasa.domain.tender.Tender;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Rings up a sample sale in a Ukrainian shop with the sale engine and prints its receipt as the
 * printer would lay it out. This is what the first README command runs until the register exists.
 *
 * <p>Usage: {@code DemoReceipt [uk|en] [columns]}.
 */
public final class DemoReceipt {

  private DemoReceipt() {}

  public static void main(String[] args) {
    Locale locale = Locale.forLanguageTag(args.length > 0 ? args[0] : "uk");
    int columns = args.length > 1 ? Integer.parseInt(args[1]) : 42;
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    new ReceiptTextLayout(columns).layout(sampleReceipt(locale)).forEach(out::println);
  }

  /** A paid sale with 20 % and 7 % VAT items, a weighed item, discounts and a split tender. */
  static Receipt sampleReceipt(Locale locale) {
    Currency uah = Currency.getInstance("UAH");
    SalePolicy policy =
        SalePolicy.of(
            uah,
            TaxPolicy.inclusive(
                TaxRounding.PER_RECEIPT,
                TaxRate.of("VAT20", "А", "20"),
                TaxRate.of("VAT7", "Б", "7"),
                TaxRate.of("VAT0", "В", "0")),
            CashRounding.to(Money.parse("0.10", uah)));
    Instant now = Instant.parse("2026-11-27T10:15:00Z");
    Sale sale =
        Sale.open(UUID.nameUUIDFromBytes("demo".getBytes(StandardCharsets.UTF_8)), policy, now);
    sale.addItem(
        item("1", "Кава мелена Lavazza Qualità Oro 250 г", "189.90", "VAT20", Unit.EACH),
        Quantity.of(2));
    sale.addItem(
        item("2", "Яблука Голден", "42.50", "VAT20", Unit.KILOGRAM), Quantity.parse("1.275"));
    sale.addItem(item("3", "Аспірин 500 мг №10", "96.40", "VAT7", Unit.EACH), Quantity.ONE);
    sale.addItem(item("4", "Хліб житній", "31.00", "VAT20", Unit.EACH), Quantity.ONE);
    sale.discountLine(1, Discount.percent(Percent.of(10), "Акція тижня"));
    sale.discountOrder(Discount.amount(Money.parse("15.00", uah), "Картка лояльності"));
    sale.startTendering();
    sale.addTender(
        new Tender(
            UUID.nameUUIDFromBytes("demo card".getBytes(StandardCharsets.UTF_8)),
            io.kasa.domain.tender.TenderType.CARD,
            Money.parse("300.00", uah),
            "T004417",
            new io.kasa.domain.tender.CardDetails("VISA", "4417")),
        now);
    sale.addTender(Tender.cash(Money.parse("250.00", uah)), now);
    StoreProfile store =
        new StoreProfile(
            "Маркет «Колосок»",
            List.of("вул. Хрещатик, 1, Київ"),
            "1234567890",
            locale,
            ZoneId.of("Europe/Kyiv"),
            List.of("Обмін і повернення — 14 днів із чеком"),
            "https://r.kasa.example");
    ReceiptContext context =
        new ReceiptContext(
            new ReceiptNumber("K1", "T1", 42),
            now,
            "Каса 1",
            "Олена",
            false,
            "q3S0mGv1xYwA8bHcJd2KzA");
    return ReceiptBuilder.forSale(sale, store, context);
  }

  private static CatalogItem item(
      String id, String name, String price, String taxClass, Unit unit) {
    return new CatalogItem(
        id,
        "SKU-" + id,
        name,
        List.of(),
        unit,
        Money.parse(price, Currency.getInstance("UAH")),
        taxClass,
        false,
        false);
  }
}
