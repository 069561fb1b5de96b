package io.kasa.domain.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.domain.money.Money;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyFormatTest {

  private static final Currency UAH = Currency.getInstance("UAH");

  @Test
  void englishWritesTheCurrencyCodeApartFromTheDigits() {
    MoneyFormat english = new MoneyFormat(Locale.forLanguageTag("en"));
    assertThat(english.withSymbol(Money.parse("672.80", UAH))).isEqualTo("UAH 672.80");
    assertThat(english.withSymbol(Money.parse("1234.50", UAH))).isEqualTo("UAH 1,234.50");
  }

  @Test
  void aSignStaysAgainstTheDigitsAndUkrainianPutsItAfter() {
    assertThat(
            new MoneyFormat(Locale.US)
                .withSymbol(Money.parse("12.50", Currency.getInstance("USD"))))
        .isEqualTo("$12.50");
    String uk =
        new MoneyFormat(Locale.forLanguageTag("uk-UA")).withSymbol(Money.parse("672.80", UAH));
    assertThat(uk).endsWith(" ₴").startsWith("672,80");
  }
}
