package io.kasa.terminal.sale;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.domain.barcode.BarcodeParser;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.catalog.Unit;
import io.kasa.domain.money.Money;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.sale.SalePolicy;
import io.kasa.domain.tax.TaxPolicy;
import io.kasa.domain.tax.TaxRate;
import io.kasa.domain.tax.TaxRounding;
import io.kasa.domain.tender.CashRounding;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.task.DirectTaskExecutor;
import io.kasa.terminal.ui.Banner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sale screen's rules, without the FX thread: every task runs at once. */
class SaleViewModelTest {

  private static final Currency UAH = Currency.getInstance("UAH");
  private static final CatalogItem BREAD =
      item("bread", "Хліб", "31.00", Unit.EACH, "4820000191357");
  private static final CatalogItem APPLES =
      item("apples", "Яблука", "42.50", Unit.KILOGRAM, "12345");

  private final List<Sale> completed = new ArrayList<>();
  private final List<java.util.UUID> approvals = new ArrayList<>();
  private final List<Boolean> offlineFlags = new ArrayList<>();
  private final List<java.util.Map<java.util.UUID, String>> tokens = new ArrayList<>();
  private final SaleViewModel vm =
      new SaleViewModel(
          new Catalog() {
            @Override
            public Optional<CatalogItem> byCode(String code) {
              return List.of(BREAD, APPLES).stream()
                  .filter(i -> i.barcodes().contains(code))
                  .findFirst();
            }

            @Override
            public List<CatalogItem> search(String typed, int limit) {
              return List.of(BREAD);
            }

            @Override
            public List<String> categories() {
              return List.of("Fruit", "Bakery");
            }

            @Override
            public List<CatalogItem> inCategory(String category, int limit) {
              return category.equals("Bakery") ? List.of(BREAD) : List.of(APPLES);
            }
          },
          new Checkout() {
            @Override
            public Completed complete(
                Sale sale,
                boolean offline,
                java.util.UUID approvalId,
                java.util.Map<java.util.UUID, String> cardTokens) {
              approvals.add(approvalId);
              offlineFlags.add(offline);
              tokens.add(cardTokens);
              completed.add(sale);
              return new Completed("K1-T1-" + completed.size(), List.of("receipt"));
            }

            /** The processor's test tokens; tok_offline: the service away, the rules allow. */
            @Override
            public CardResult authoriseCard(
                java.util.UUID saleId, java.util.UUID tenderId, Money amount, String token) {
              return switch (token) {
                case "tok_approve" -> new CardResult.Approved("T000001");
                case "tok_decline" -> new CardResult.Declined("insufficient funds");
                case "tok_offline" -> new CardResult.StoredOffline();
                default -> new CardResult.NoAnswer();
              };
            }

            @Override
            public Optional<String> reprintLast() {
              return completed.isEmpty()
                  ? Optional.empty()
                  : Optional.of("K1-T1-" + completed.size());
            }
          },
          new DirectTaskExecutor(),
          new Messages(Locale.ENGLISH),
          () ->
              SalePolicy.of(
                  UAH,
                  TaxPolicy.inclusive(TaxRounding.PER_LINE, TaxRate.of("VAT20", "А", "20")),
                  CashRounding.to(Money.parse("0.10", UAH))),
          Locale.forLanguageTag("uk-UA"),
          Clock.systemUTC());

  private static CatalogItem item(String id, String name, String price, Unit unit, String code) {
    return new CatalogItem(
        id, id, name, List.of(code), unit, Money.parse(price, UAH), "VAT20", false, false);
  }

  @Test
  void aScanAddsTheItemAndTheTotalIsInTheStoresFormat() {
    vm.scanned(BarcodeParser.withoutEmbeddedLabels().parse("4820000191357"));
    assertThat(vm.lines()).hasSize(1);
    assertThat(vm.totalProperty().get()).isEqualTo("31,00 ₴");
  }

  @Test
  void aScanWithAWrongCheckDigitIsIgnoredWithAMessage() {
    vm.scanned(BarcodeParser.withoutEmbeddedLabels().parse("4820000191358"));
    assertThat(vm.lines()).isEmpty();
    assertThat(vm.bannerProperty().get().kind()).isEqualTo(Banner.Kind.ERROR);
    assertThat(vm.bannerProperty().get().text()).contains("check digit");
  }

  @Test
  void theNumberTypedBeforeTimesIsTheNextItemsQuantity() {
    vm.type("3");
    vm.times();
    vm.type("4820000191357");
    vm.enter();
    assertThat(vm.lines().get(0).quantity()).isEqualTo("3");
    assertThat(vm.totalProperty().get()).isEqualTo("93,00 ₴");
  }

  @Test
  void aWeighedItemWantsItsWeight() {
    vm.type("12345");
    vm.enter();
    assertThat(vm.lines()).isEmpty();
    vm.type("0,5");
    vm.times();
    vm.type("12345");
    vm.enter();
    assertThat(vm.lines().get(0).quantity()).isEqualTo("0,5");
  }

  @Test
  void aVoidedLineStaysStruckThroughAndCountsForNothing() {
    vm.type("4820000191357");
    vm.enter();
    vm.voidSelected();
    assertThat(vm.lines().get(0).voided()).isTrue();
    assertThat(vm.totalProperty().get()).isEqualTo("0,00 ₴");
  }

  @Test
  void payingCashGivesChangeAndCompletesTheSaleOnce() {
    vm.type("4820000191357");
    vm.enter();
    vm.pay();
    assertThat(vm.quickCash()).extracting(Money::minor).startsWith(3100L, 4000L, 5000L);
    vm.type("50");
    vm.cash();
    assertThat(vm.phaseProperty().get()).isEqualTo(SaleViewModel.Phase.DONE);
    assertThat(vm.changeProperty().get()).isEqualTo("19,00 ₴");
    assertThat(completed).hasSize(1);
    assertThat(vm.receiptNumberProperty().get()).isEqualTo("K1-T1-1");
  }

  @Test
  void quickCashOffersTheExactAmountAndTheNextNotes() {
    assertThat(SaleViewModel.quickAmounts(Money.parse("137.40", UAH)))
        .extracting(Money::minor)
        .containsExactly(13740L, 14000L, 15000L, 20000L);
  }

  @Test
  void escapeFromPaymentGoesBackToTheCartBeforeAnyTender() {
    vm.type("4820000191357");
    vm.enter();
    vm.pay();
    vm.backToCart();
    assertThat(vm.phaseProperty().get()).isEqualTo(SaleViewModel.Phase.CART);
  }

  @Test
  void tenPercentOffTheSelectedLineThenFivePercentOffTheSale() {
    vm.type("4820000191357");
    vm.enter();
    vm.type("10");
    vm.discount(false);
    assertThat(vm.totalProperty().get()).isEqualTo("27,90 ₴");
    vm.type("5");
    vm.discount(true);
    assertThat(vm.sale().orderDiscount()).isPresent();
    vm.type("120");
    vm.discount(false);
    assertThat(vm.bannerProperty().get().kind()).isEqualTo(Banner.Kind.WARNING);
  }

  @Test
  void aParkedSaleWaitsWhileAnotherIsRungUpAndComesBackWhole() {
    vm.type("4820000191357");
    vm.enter();
    vm.parkOrRecall();
    assertThat(vm.lines()).isEmpty();
    assertThat(vm.parkedCountProperty().get()).isEqualTo(1);
    vm.parkOrRecall();
    assertThat(vm.lines()).hasSize(1);
    assertThat(vm.parkedCountProperty().get()).isZero();
  }

  @Test
  void payingWantsAnOpenShift() {
    vm.shiftOpenProperty().set(false);
    vm.type("4820000191357");
    vm.enter();
    vm.pay();
    assertThat(vm.phaseProperty().get()).isEqualTo(SaleViewModel.Phase.CART);
    assertThat(vm.bannerProperty().get().text()).contains("Open the shift");
  }

  @Test
  void reprintTheLastReceiptOrSayThereIsNone() {
    vm.reprint();
    assertThat(vm.bannerProperty().get().kind()).isEqualTo(Banner.Kind.WARNING);
    vm.type("4820000191357");
    vm.enter();
    vm.pay();
    vm.cash();
    vm.reprint();
    assertThat(vm.bannerProperty().get().text()).isEqualTo("Copy of receipt K1-T1-1 printed");
  }

  @Test
  void quickKeysShowTheFirstCategoryAndAKeyAddsItsItem() {
    vm.loadQuickKeys();
    assertThat(vm.categories()).containsExactly("Fruit", "Bakery");
    assertThat(vm.quickItems()).containsExactly(APPLES);
    vm.chooseCategory("Bakery");
    vm.add(vm.quickItems().get(0), null);
    assertThat(vm.lines()).extracting(CartLine::name).containsExactly("Хліб");
  }

  @Test
  void aPriceLoweredWithinTheLimitIsTheCashiersButBeyondItWantsAManager() {
    java.util.UUID approval = java.util.UUID.randomUUID();
    vm.priceOverrides(manager -> approval, () -> java.math.BigDecimal.TEN);
    vm.type("4820000191357");
    vm.enter();
    vm.type("29,00"); // 6.5 % off 31.00
    vm.overridePrice();
    assertThat(vm.managerWantedProperty().get()).isNull();
    assertThat(vm.lines().get(0).price()).isEqualTo("29,00");
    vm.type("20,00"); // 35 % off: beyond the 10 % limit
    vm.overridePrice();
    assertThat(vm.managerWantedProperty().get()).isEqualTo(1);
    assertThat(vm.lines().get(0).price()).isEqualTo("29,00");
    vm.overridePrice(
        new io.kasa.terminal.shift.Shifts.ManagerPin(java.util.UUID.randomUUID(), "9999"));
    assertThat(vm.lines().get(0).price()).isEqualTo("20,00");
    vm.pay();
    vm.cash();
    assertThat(approvals).containsExactly(approval);
  }

  @Test
  void aCardForPartOfTheSaleThenCashForTheRestIsOneSaleWithBothTenders() {
    SimulatedCardReader reader = new SimulatedCardReader();
    vm.cardReader(reader);
    vm.type("4820000191357");
    vm.enter();
    vm.pay();
    vm.type("20");
    vm.card();
    assertThat(vm.cardWaitingProperty().get()).contains("20,00 ₴");
    assertThat(vm.busyProperty().get()).isTrue();
    assertThat(reader.tap("tok_approve")).isTrue();
    assertThat(vm.cardWaitingProperty().get()).isEmpty();
    assertThat(vm.paid()).containsExactly("Card 20,00 ₴ · VISA **** 4242 · approval code T000001");
    assertThat(vm.dueProperty().get()).isEqualTo("11,00 ₴");
    vm.cash();
    assertThat(vm.phaseProperty().get()).isEqualTo(SaleViewModel.Phase.DONE);
    Sale sale = completed.get(0);
    assertThat(sale.tenders()).hasSize(2);
    var card = sale.tenders().get(0);
    assertThat(card.reference()).isEqualTo("T000001");
    assertThat(card.card()).isEqualTo(new io.kasa.domain.tender.CardDetails("VISA", "4242"));
    assertThat(tokens.get(0)).containsExactly(java.util.Map.entry(card.id(), "tok_approve"));
    assertThat(offlineFlags.get(0)).isFalse();
  }

  @Test
  void aDeclinedOrCancelledCardLeavesTheAmountDueAndSaysWhy() {
    SimulatedCardReader reader = new SimulatedCardReader();
    vm.cardReader(reader);
    vm.type("4820000191357");
    vm.enter();
    vm.pay();
    vm.card();
    reader.tap("tok_decline");
    // The processor's reason in the register's words, not in the service's English.
    assertThat(vm.bannerProperty().get().text()).contains("not enough money on the card");
    assertThat(vm.phaseProperty().get()).isEqualTo(SaleViewModel.Phase.PAYMENT);
    assertThat(vm.paid()).isEmpty();
    vm.card();
    vm.cancelCard();
    assertThat(vm.bannerProperty().get().text()).contains("nothing was charged");
    assertThat(vm.busyProperty().get()).isFalse();
    vm.type("40");
    vm.card();
    assertThat(vm.bannerProperty().get().text()).contains("31,00 ₴");
    assertThat(completed).isEmpty();
  }

  @Test
  void aCardTakenOfflineUnderTheStoresRulesFlagsTheSaleOffline() {
    SimulatedCardReader reader = new SimulatedCardReader();
    vm.cardReader(reader);
    vm.type("4820000191357");
    vm.enter();
    vm.pay();
    vm.card();
    reader.tap("tok_offline");
    assertThat(vm.phaseProperty().get()).isEqualTo(SaleViewModel.Phase.DONE);
    assertThat(offlineFlags.get(0)).isTrue();
    assertThat(completed.get(0).tenders().get(0).reference()).isEqualTo("OFFLINE");
  }

  @Test
  void withoutACardReaderTheCardIsRefusedAndNothingChanges() {
    vm.type("4820000191357");
    vm.enter();
    vm.pay();
    vm.card();
    assertThat(vm.bannerProperty().get().text()).contains("No card reader");
    assertThat(vm.busyProperty().get()).isFalse();
    assertThat(vm.phaseProperty().get()).isEqualTo(SaleViewModel.Phase.PAYMENT);
    assertThat(vm.paid()).isEmpty();
  }
}
