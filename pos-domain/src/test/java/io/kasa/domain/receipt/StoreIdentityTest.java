package io.kasa.domain.receipt;

import static io.kasa.domain.Fixtures.NOW;
import static io.kasa.domain.Fixtures.item;
import static io.kasa.domain.Fixtures.openSale;
import static io.kasa.domain.Fixtures.uah;
import static io.kasa.domain.Fixtures.ukraine;
import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.domain.money.Quantity;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.tax.TaxRounding;
import io.kasa.domain.tender.Tender;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreIdentityTest {

  private static final Locale UK = Locale.forLanguageTag("uk");
  private static final String ADDRESS =
      "вул. Велика Васильківська, 72, прим. 14, м. Київ, Київська область, 03150";
  private static final StoreIdentity KOLOSOK =
      new StoreIdentity(
          "ТОВ «Колосок»",
          ADDRESS,
          "43151207",
          "431512026591",
          "Свіжий хліб щодня з 7:00\nТел. +380 44 123 45 67",
          "Обмін і повернення — 14 днів із чеком");

  @Test
  void theLegalIdentityComesUnderTheNameWithItsLabelsInTheReceiptsLanguage() {
    assertThat(KOLOSOK.headerLines(UK))
        .containsExactly(
            "ТОВ «Колосок»",
            ADDRESS,
            "ЄДРПОУ 43151207",
            "ПН ПДВ 431512026591",
            "Свіжий хліб щодня з 7:00",
            "Тел. +380 44 123 45 67");
    assertThat(KOLOSOK.headerLines(Locale.ENGLISH))
        .contains("EDRPOU 43151207", "VAT No. 431512026591");
  }

  @Test
  void aSoleTradersTenDigitCodeIsLabelledAsAnIpn() {
    StoreIdentity trader =
        new StoreIdentity("ФОП Іваненко І. І.", null, "3047125689", null, "", null);
    assertThat(trader.headerLines(UK)).containsExactly("ФОП Іваненко І. І.", "ІПН 3047125689");
    assertThat(trader.footerLines()).isEmpty();
  }

  @Test
  void aStoreThatSetNothingPrintsNothingMore() {
    assertThat(StoreIdentity.NONE.headerLines(UK)).isEmpty();
    assertThat(StoreIdentity.NONE.footerLines()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {32, 42, 48})
  void theIdentityFitsThePaperWithTheAddressWrappedNotCut(int columns) {
    List<String> lines = new ReceiptTextLayout(columns).layout(receipt());
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(columns));
    String text = String.join("\n", lines);
    for (String word : ADDRESS.split(" ")) {
      assertThat(text).contains(word);
    }
    assertThat(text)
        .contains("ТОВ «Колосок»", "ЄДРПОУ 43151207", "ПН ПДВ 431512026591", "Свіжий хліб");
    assertThat(text.indexOf("Обмін і повернення")).isLessThan(text.indexOf("Дякуємо"));
    assertThat(text.indexOf("ЄДРПОУ")).isLessThan(text.indexOf("Хліб"));
  }

  private static Receipt receipt() {
    Sale sale = openSale(ukraine(TaxRounding.PER_LINE));
    sale.addItem(item("Хліб", uah("32.00"), "VAT20"), Quantity.ONE);
    sale.startTendering();
    sale.addTender(Tender.cash(uah("50.00")), NOW);
    StoreProfile store = StoreProfile.of("Колосок", KOLOSOK, UK, ZoneId.of("Europe/Kyiv"), null);
    return ReceiptBuilder.forSale(
        sale,
        store,
        new ReceiptContext(new ReceiptNumber("K1", "T1", 7), NOW, "Каса 1", "Олена", false));
  }
}
