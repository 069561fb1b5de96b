package io.kasa.devices.receipt;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.ModifierGroup;
import io.kasa.domain.catalog.ModifierOption;
import io.kasa.domain.catalog.Unit;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Percent;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.receipt.Receipt;
import io.kasa.domain.receipt.ReceiptBuilder;
import io.kasa.domain.receipt.ReceiptContext;
import io.kasa.domain.receipt.ReceiptNumber;
import io.kasa.domain.receipt.ShiftReportReceipt;
import io.kasa.domain.receipt.StoreProfile;
import io.kasa.domain.sale.Discount;
import io.kasa.domain.sale.ModifierSelection;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.sale.SalePolicy;
import io.kasa.domain.tax.TaxBreakdownLine;
import io.kasa.domain.tax.TaxPolicy;
import io.kasa.domain.tax.TaxRate;
import io.kasa.domain.tax.TaxRounding;
import io.kasa.domain.tender.CashRounding;
import io.kasa.domain.tender.Tender;
import io.kasa.domain.tender.TenderType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Paid-sale receipts for rendering tests and benchmarks. */
public final class SampleReceipts {

  private static final Currency UAH = Currency.getInstance("UAH");
  private static final Instant NOW = Instant.parse("2026-11-27T10:15:00Z");

  /** The sample sale's receipt token: its QR code opens {@code {publicAddress}/r/TOKEN}. */
  public static final String TOKEN = "q3S0mGv1xYwA8bHcJd2KzA";

  private SampleReceipts() {}

  /** A Ukrainian receipt with {@code lines} item lines, a discount and a split tender. */
  public static Receipt ukrainian(int lines, String publicAddress) {
    SalePolicy policy =
        SalePolicy.of(
            UAH,
            TaxPolicy.inclusive(
                TaxRounding.PER_RECEIPT,
                TaxRate.of("VAT20", "А", "20"),
                TaxRate.of("VAT7", "Б", "7")),
            CashRounding.to(Money.parse("0.10", UAH)));
    Sale sale =
        Sale.open(
            UUID.nameUUIDFromBytes(("s" + lines).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            policy,
            NOW);
    String[] names = {
      "Кава мелена Lavazza Qualità Oro 250 г", "Яблука Голден", "Аспірин 500 мг №10", "Хліб житній",
      "Йогурт «Галичина» 2,5 %", "Ґрунт для розсади 5 л", "Їжачок — печиво", "Сік яблучний 1 л"
    };
    for (int i = 0; i < lines; i++) {
      String name = names[i % names.length];
      boolean weighed = i % names.length == 1;
      CatalogItem item =
          new CatalogItem(
              "i" + i,
              "SKU" + i,
              name,
              List.of(),
              weighed ? Unit.KILOGRAM : Unit.EACH,
              Money.of(1_999 + 731L * i, UAH),
              i % names.length == 2 ? "VAT7" : "VAT20",
              false,
              false);
      sale.addItem(item, weighed ? Quantity.parse("1.275") : Quantity.of(1 + i % 3));
    }
    sale.discountLine(1, Discount.percent(Percent.of(10), "Акція тижня"));
    sale.startTendering();
    Money half = sale.amountDue().percent(Percent.of(50), java.math.RoundingMode.DOWN);
    sale.addTender(Tender.card(half, "VISA ****4417"), NOW);
    sale.addTender(Tender.cash(sale.cashDue().plus(Money.parse("50.00", UAH))), NOW);
    StoreProfile store =
        new StoreProfile(
            "Kasa Demo Market",
            List.of("вул. Хрещатик, 1, Київ"),
            "1234567890",
            Locale.forLanguageTag("uk"),
            ZoneId.of("Europe/Kyiv"),
            List.of("Дякуємо за покупку!"),
            publicAddress);
    return ReceiptBuilder.forSale(
        sale,
        store,
        new ReceiptContext(
            new ReceiptNumber("K1", "T1", 42), NOW, "Каса 1", "Олена", false, TOKEN));
  }

  /**
   * A café receipt (ADR 0043): a steak done medium with pepper sauce and a note, two oat lattes.
   */
  public static Receipt cafe() {
    SalePolicy policy =
        SalePolicy.of(
            UAH,
            TaxPolicy.inclusive(TaxRounding.PER_LINE, TaxRate.of("VAT20", "А", "20")),
            CashRounding.to(Money.parse("0.10", UAH)));
    Sale sale = Sale.open(UUID.nameUUIDFromBytes("cafe".getBytes()), policy, NOW);
    CatalogItem steak =
        CatalogItem.each("steak", "SKU-STEAK", "Стейк рібай", Money.parse("420.00", UAH), "VAT20")
            .withModifierGroups(
                List.of(
                    new ModifierGroup(
                        "doneness",
                        "Ступінь просмаження",
                        1,
                        1,
                        List.of(
                            new ModifierOption("rare", "З кров'ю", Money.zero(UAH)),
                            new ModifierOption("medium", "Середня", Money.zero(UAH)))),
                    new ModifierGroup(
                        "sauce",
                        "Соус",
                        0,
                        1,
                        List.of(
                            new ModifierOption("pepper", "Перцевий", Money.parse("35.00", UAH))))));
    CatalogItem latte =
        CatalogItem.each("latte", "SKU-LATTE", "Лате", Money.parse("55.00", UAH), "VAT20")
            .withModifierGroups(
                List.of(
                    new ModifierGroup(
                        "milk",
                        "Молоко",
                        1,
                        1,
                        List.of(
                            new ModifierOption("regular", "Звичайне", Money.zero(UAH)),
                            new ModifierOption("oat", "Вівсяне", Money.parse("15.00", UAH))))));
    sale.addItem(
        steak,
        Quantity.ONE,
        ModifierSelection.of(
            "без цибулі, соус окремо",
            new ModifierSelection.Choice("doneness", "medium"),
            new ModifierSelection.Choice("sauce", "pepper")));
    sale.addItem(
        latte,
        Quantity.of(2),
        ModifierSelection.of(null, new ModifierSelection.Choice("milk", "oat")));
    sale.startTendering();
    sale.addTender(Tender.cash(sale.cashDue()), NOW);
    StoreProfile store =
        new StoreProfile(
            "Kasa Café",
            List.of(),
            null,
            Locale.forLanguageTag("uk"),
            ZoneId.of("Europe/Kyiv"),
            List.of(),
            null);
    return ReceiptBuilder.forSale(
        sale,
        store,
        new ReceiptContext(new ReceiptNumber("K1", "T1", 43), NOW, "Каса 1", "Олена", false));
  }

  /** A closed shift's Z report in Ukrainian: two sales, a refund, 0.80 short. */
  public static ShiftReportReceipt zReport() {
    Currency uah = Currency.getInstance("UAH");
    java.time.ZonedDateTime opened =
        java.time.ZonedDateTime.parse("2026-11-27T08:00:00+02:00[Europe/Kyiv]");
    return new ShiftReportReceipt(
        ShiftReportReceipt.Kind.Z,
        new ShiftReportReceipt.Header(
            "Kasa Demo Market",
            "T1",
            "4f6e2a10",
            "Андрій",
            opened,
            opened.plusHours(12),
            opened.plusHours(12)),
        new ShiftReportReceipt.Takings(
            2,
            Money.of(31680, uah),
            Money.zero(uah),
            0,
            0,
            Money.zero(uah),
            java.util.Map.of(
                TenderType.CARD, Money.of(20000, uah), TenderType.CASH, Money.of(11680, uah)),
            List.of(
                new TaxBreakdownLine(
                    TaxRate.of("VAT20", "ПДВ", "20"),
                    Money.of(10333, uah),
                    Money.of(2067, uah),
                    Money.of(12400, uah))),
            1,
            Money.of(3100, uah),
            java.util.Map.of(TenderType.CASH, Money.of(3100, uah))),
        new ShiftReportReceipt.Drawer(
            Money.of(50000, uah),
            Money.of(10000, uah),
            Money.of(2500, uah),
            1,
            Money.of(66080, uah),
            Money.of(66000, uah),
            Money.of(-80, uah)),
        Locale.forLanguageTag("uk-UA"));
  }
}
