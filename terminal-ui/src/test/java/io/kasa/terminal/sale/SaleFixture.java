package io.kasa.terminal.sale;

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
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A sale screen over a two-item catalogue and a checkout that records what it completes, without
 * the FX thread: every task runs at once.
 */
class SaleFixture {

  static final Currency UAH = Currency.getInstance("UAH");
  static final CatalogItem BREAD = item("bread", "Хліб", "31.00", Unit.EACH, "4820000191357");
  static final CatalogItem APPLES = item("apples", "Яблука", "42.50", Unit.KILOGRAM, "12345");

  final List<Sale> completed = new ArrayList<>();
  final List<java.util.UUID> approvals = new ArrayList<>();
  final List<Boolean> offlineFlags = new ArrayList<>();
  final List<java.util.Map<java.util.UUID, String>> tokens = new ArrayList<>();
  static final java.util.UUID OLENA = java.util.UUID.randomUUID();
  static final java.util.UUID ANDRIY = java.util.UUID.randomUUID();

  /** The terminal's database, shared by every register this fixture starts. */
  final io.kasa.client.store.LocalStore store = openStore();

  /** The register, with Олена signed in. */
  final SaleViewModel vm = start();

  SaleFixture() {
    vm.signedIn(OLENA, "Олена");
  }

  private static io.kasa.client.store.LocalStore openStore() {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kasa-sale");
      dir.toFile().deleteOnExit();
      return io.kasa.client.store.LocalStore.open(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A register over the same database: what a restart brings back. */
  SaleViewModel start() {
    return new SaleViewModel(
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
        SaleFixture::policy,
        Locale.forLanguageTag("uk-UA"),
        Clock.systemUTC(),
        new SaleJournal(
            new io.kasa.client.store.CartJournal(store, Clock.systemUTC()), SaleFixture::policy));
  }

  static SalePolicy policy() {
    return SalePolicy.of(
        UAH,
        TaxPolicy.inclusive(TaxRounding.PER_LINE, TaxRate.of("VAT20", "А", "20")),
        CashRounding.to(Money.parse("0.10", UAH)));
  }

  static CatalogItem item(String id, String name, String price, Unit unit, String code) {
    return new CatalogItem(
        id, id, name, List.of(code), unit, Money.parse(price, UAH), "VAT20", false, false);
  }
}
