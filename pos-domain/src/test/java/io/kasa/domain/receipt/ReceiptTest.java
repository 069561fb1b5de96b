package io.kasa.domain.receipt;

import static io.kasa.domain.Fixtures.NOW;
import static io.kasa.domain.Fixtures.item;
import static io.kasa.domain.Fixtures.openSale;
import static io.kasa.domain.Fixtures.uah;
import static io.kasa.domain.Fixtures.ukraine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.domain.money.Percent;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.Discount;
import io.kasa.domain.sale.Refund;
import io.kasa.domain.sale.RefundMethod;
import io.kasa.domain.sale.RefundRequest;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.tax.TaxRounding;
import io.kasa.domain.tender.CardDetails;
import io.kasa.domain.tender.Tender;
import io.kasa.domain.tender.TenderType;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiptTest {

  private static final String LONG_NAME =
      "Кава мелена Lavazza Qualità Oro у вакуумній упаковці 250 г для еспресо";

  private final Sale sale = paidSale();
  private final ReceiptNumber number = new ReceiptNumber("K1", "T1", 42);

  private static Sale paidSale() {
    Sale sale = openSale(ukraine(TaxRounding.PER_LINE));
    sale.addItem(item(LONG_NAME, uah("189.90"), "VAT20"), Quantity.of(2));
    sale.addItem(item("Аспірин", uah("96.40"), "VAT7"), Quantity.ONE);
    sale.discountLine(1, Discount.percent(Percent.of(10), "Акція тижня"));
    sale.startTendering();
    sale.addTender(
        new Tender(
            UUID.randomUUID(),
            TenderType.CARD,
            uah("200.00"),
            "T004417",
            new CardDetails("VISA", "4417")),
        NOW);
    sale.addTender(Tender.cash(uah("300.00")), NOW);
    return sale;
  }

  private static StoreProfile store(Locale locale) {
    return new StoreProfile(
        "Kasa Demo Market",
        List.of("вул. Хрещатик, 1, Київ"),
        "1234567890",
        locale,
        ZoneId.of("Europe/Kyiv"),
        List.of("Обмін і повернення — 14 днів із чеком"),
        "https://r.kasa.example");
  }

  private Receipt receipt(Locale locale) {
    return ReceiptBuilder.forSale(
        sale,
        store(locale),
        new ReceiptContext(number, NOW, "Каса 1", "Олена", false, "q3S0mGv1xYwA8bHcJd2KzA"));
  }

  @Test
  void saleReceiptCarriesTheSaleTotalsTendersAndCodes() {
    Receipt receipt = receipt(Locale.forLanguageTag("uk"));
    assertThat(receipt.kind()).isEqualTo(Receipt.Kind.SALE);
    assertThat(receipt.lines()).hasSize(2);
    assertThat(receipt.lines().get(0).discount()).isEqualTo(uah("37.98"));
    assertThat(receipt.lines().get(0).note()).isEqualTo("Акція тижня");
    assertThat(receipt.total()).isEqualTo(sale.totals().total());
    assertThat(receipt.tax()).isEqualTo(sale.totals().tax());
    assertThat(receipt.taxBreakdown()).isEqualTo(sale.totals().taxBreakdown());
    assertThat(receipt.payments())
        .extracting(ReceiptPayment::type)
        .containsExactly(TenderType.CARD, TenderType.CASH);
    assertThat(receipt.change()).isEqualTo(sale.change());
    assertThat(receipt.settled()).isEqualTo(receipt.total().plus(sale.cashRounding()));
    assertThat(receipt.barcodePayload()).isEqualTo("K1-T1-000042");
    assertThat(receipt.qrPayload()).isEqualTo("https://r.kasa.example/r/q3S0mGv1xYwA8bHcJd2KzA");
    assertThat(receipt.time().getZone()).isEqualTo(ZoneId.of("Europe/Kyiv"));
  }

  @Test
  void aCopyIsMarkedInTheReceiptsLanguageAndOtherwiseTheSame() {
    Receipt original = receipt(Locale.forLanguageTag("uk"));
    Receipt copy = original.asCopy();
    assertThat(copy.header()).endsWith("*** КОПІЯ ***");
    assertThat(copy.header()).hasSize(original.header().size() + 1);
    assertThat(copy.total()).isEqualTo(original.total());
    assertThat(copy.number()).isEqualTo(original.number());
    assertThat(receipt(Locale.ENGLISH).asCopy().header()).endsWith("*** COPY ***");
  }

  @Test
  void anUnpaidSaleHasNoReceipt() {
    Sale open = openSale(ukraine(TaxRounding.PER_LINE));
    assertThatThrownBy(
            () ->
                ReceiptBuilder.forSale(
                    open,
                    store(Locale.ENGLISH),
                    new ReceiptContext(number, NOW, "T1", "Olena", false)))
        .isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {32, 42, 48})
  void layoutFitsThePaperAndWrapsNamesInsteadOfCuttingThem(int columns) {
    List<String> lines =
        new ReceiptTextLayout(columns).layout(receipt(Locale.forLanguageTag("uk")));
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(columns));
    String text = String.join("\n", lines);
    for (String word : LONG_NAME.split(" ")) {
      assertThat(text).contains(word);
    }
  }

  @Test
  void ukrainianLayoutUsesUkrainianWordsAndNumberFormat() {
    String text =
        String.join("\n", new ReceiptTextLayout(42).layout(receipt(Locale.forLanguageTag("uk"))));
    assertThat(text)
        .contains("Чек K1-T1-000042")
        .contains("СУМА")
        .contains("у т.ч. ПДВ А 20%")
        .contains("Решта")
        .contains("2 шт x 189,90")
        .contains("379,80 А")
        .contains("-37,98")
        .doesNotContain("\u00a0");
  }

  @Test
  void englishLayoutUsesEnglishWords() {
    String text = String.join("\n", new ReceiptTextLayout(42).layout(receipt(Locale.ENGLISH)));
    assertThat(text)
        .contains("Receipt K1-T1-000042")
        .contains("TOTAL")
        .contains("Change")
        .contains("379.80 А")
        // The currency code stands apart from the digits, as on the register's screen.
        .containsPattern("TOTAL +UAH [0-9]")
        .doesNotContainPattern("UAH[0-9]");
  }

  @Test
  void refundReceiptNamesTheOriginalAndThePayouts() {
    Refund refund =
        sale.refund(
            UUID.randomUUID(),
            List.of(RefundRequest.of(2, "1")),
            RefundMethod.CASH,
            "Не підійшло",
            NOW);
    Receipt receipt =
        ReceiptBuilder.forRefund(
            refund,
            sale,
            number,
            store(Locale.forLanguageTag("uk")),
            new ReceiptContext(new ReceiptNumber("K1", "T1", 43), NOW, "Каса 1", "Олена", false));
    assertThat(receipt.kind()).isEqualTo(Receipt.Kind.REFUND);
    assertThat(receipt.originalNumber()).isEqualTo(number);
    assertThat(receipt.total()).isEqualTo(uah("96.40"));
    String text = String.join("\n", new ReceiptTextLayout(42).layout(receipt));
    assertThat(text)
        .contains("Повернення K1-T1-000043")
        .contains("Чек продажу K1-T1-000042")
        .contains("Видано готівкою")
        .contains("Кошти повернено")
        .doesNotContain("Дякуємо за покупку");
  }

  @Test
  void aCardTenderShowsItsSchemeMaskedNumberAndApprovalCode() {
    String text =
        String.join("\n", new ReceiptTextLayout(42).layout(receipt(Locale.forLanguageTag("uk"))));
    assertThat(text)
        .contains("VISA **** 4417")
        .contains("Код авторизації")
        .contains("T004417")
        .contains("Дякуємо за покупку!")
        .doesNotContain("4417 4417");
    String english = String.join("\n", new ReceiptTextLayout(32).layout(receipt(Locale.ENGLISH)));
    assertThat(english).contains("VISA **** 4417").contains("Approval code").contains("T004417");
  }

  @Test
  void aCardPaidOnABankTerminalPrintsItsLastDigitsAndTheSlipsCode() {
    Sale sale = openSale(ukraine(TaxRounding.PER_LINE));
    sale.addItem(item("Хліб", uah("31.00"), "VAT20"), Quantity.ONE);
    sale.startTendering();
    sale.addTender(Tender.externalCard(UUID.randomUUID(), uah("31.00"), "123ABC", "1234"), NOW);
    Receipt receipt =
        ReceiptBuilder.forSale(
            sale,
            store(Locale.forLanguageTag("uk")),
            new ReceiptContext(number, NOW, "Каса 1", "Олена", false, "q3S0mGv1xYwA8bHcJd2KzA"));

    String text = String.join("\n", new ReceiptTextLayout(42).layout(receipt));

    assertThat(text)
        .contains("Картка (термінал банку)")
        .contains("**** 1234, код 123ABC")
        .doesNotContain("Код авторизації");
  }

  @Test
  void aBankTerminalsApprovalCodeIsSixLettersOrDigits() {
    UUID id = UUID.randomUUID();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Tender.externalCard(id, uah("31.00"), "12AB", "1234"))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Tender.externalCard(id, uah("31.00"), "123ABC", "12a4"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCardTakenOfflinePrintsNoApprovalCode() {
    Sale offline = openSale(ukraine(TaxRounding.PER_LINE));
    offline.addItem(item("Хліб", uah("31.00"), "VAT20"), Quantity.ONE);
    offline.startTendering();
    offline.addTender(
        new Tender(
            UUID.randomUUID(),
            TenderType.CARD,
            uah("31.00"),
            Tender.OFFLINE_REFERENCE,
            new CardDetails("MASTERCARD", "4444")),
        NOW);
    Receipt receipt =
        ReceiptBuilder.forSale(
            offline,
            store(Locale.forLanguageTag("uk")),
            new ReceiptContext(number, NOW, "Каса 1", "Олена", true));
    String text = String.join("\n", new ReceiptTextLayout(42).layout(receipt));
    assertThat(text).contains("MASTERCARD **** 4444").doesNotContain("Код авторизації", "OFFLINE");
  }

  @Test
  void receiptNumbersRoundTripAndRejectGarbage() {
    assertThat(ReceiptNumber.parse("K1-T1-000042")).isEqualTo(number);
    assertThat(ReceiptNumber.parse("K1-T1-42")).isEqualTo(number);
    assertThatThrownBy(() -> ReceiptNumber.parse("K1/T1/42"))
        .hasMessageContaining("STORE-TERMINAL-SEQUENCE");
    assertThatThrownBy(() -> new ReceiptNumber("K1", "T1", 0)).hasMessageContaining("starts at 1");
  }

  @Test
  void moneyFormatFollowsTheLocale() {
    assertThat(new MoneyFormat(Locale.US).amount(uah("1234.50"))).isEqualTo("1,234.50");
    assertThat(
            new MoneyFormat(Locale.forLanguageTag("uk"))
                .amount(uah("1234.50"))
                .replace('\u00a0', ' ')
                .replace('\u202f', ' '))
        .isEqualTo("1 234,50");
    assertThat(new MoneyFormat(Locale.forLanguageTag("uk")).quantity(Quantity.parse("0.375")))
        .isEqualTo("0,375");
  }
}
