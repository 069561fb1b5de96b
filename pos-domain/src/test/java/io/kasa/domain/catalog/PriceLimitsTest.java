package io.kasa.domain.catalog;

import static io.kasa.domain.Fixtures.item;
import static io.kasa.domain.Fixtures.uah;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceLimitsTest {

  private static final PriceLimits GIFT = new PriceLimits(uah("100.00"), uah("5000.00"));

  @ParameterizedTest
  @CsvSource({
    "99.99, false",
    "100.00, true",
    "250.00, true",
    "5000.00, true",
    "5000.01, false",
    "0.00, false"
  })
  void aPriceIsAllowedFromTheLowestToTheHighestBothIncluded(String price, boolean allowed) {
    assertThat(GIFT.allows(uah(price))).isEqualTo(allowed);
  }

  @Test
  void noLimitsAllowAnyPositivePriceAndOneSideLimitsOnlyThatSide() {
    assertThat(PriceLimits.NONE.allows(uah("0.01"))).isTrue();
    assertThat(PriceLimits.NONE.allows(uah("0.00"))).isFalse();
    PriceLimits atLeast = PriceLimits.of(1_000L, null, Currency.getInstance("UAH"));
    assertThat(atLeast.allows(uah("9.99"))).isFalse();
    assertThat(atLeast.allows(uah("1000000.00"))).isTrue();
    assertThat(PriceLimits.of(null, null, Currency.getInstance("UAH"))).isEqualTo(PriceLimits.NONE);
  }

  @Test
  void aLowestAboveTheHighestOrANonPositiveLimitIsRefused() {
    assertThatThrownBy(() -> new PriceLimits(uah("50.00"), uah("10.00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("above the highest");
    assertThatThrownBy(() -> new PriceLimits(uah("0.00"), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anItemKeepsItsLimitsAndAnItemWithoutThemHasNone() {
    CatalogItem gift = item("Подарунковий набір", uah("0.00"), "VAT20").withOpenPrice(GIFT);
    assertThat(gift.openPrice()).isTrue();
    assertThat(gift.priceLimits()).isEqualTo(GIFT);
    assertThat(item("Хліб", uah("30.00"), "VAT20").priceLimits()).isEqualTo(PriceLimits.NONE);
  }
}
