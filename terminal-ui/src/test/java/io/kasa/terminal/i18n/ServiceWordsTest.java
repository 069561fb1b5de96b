package io.kasa.terminal.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.Problem;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service's problems and the processor's declines, said in the register's language. */
class ServiceWordsTest {

  private final Messages uk = new Messages(Locale.forLanguageTag("uk"));

  @Test
  void aTakenTableIsSaidInUkrainianWithItsNameAndState() {
    Problem taken =
        new Problem(
            "https://kasa.io/problems/table-taken",
            "Conflict",
            409,
            "Table 6 is taken (seated)",
            null,
            Map.of("table", "6", "state", "SEATED"));
    assertThat(ServiceWords.problem(uk, taken)).isEqualTo("Стіл 6 зайнятий (гості сіли)");
    uk.use(Locale.ENGLISH);
    assertThat(uk.again("Стіл 6 зайнятий (гості сіли)"))
        .isEqualTo("Table 6 is taken (guests seated)");
  }

  @Test
  void anOpenPriceLineOutsideItsLimitsIsSaidWithTheLineTheItemAndTheLimits() {
    Problem outside =
        new Problem(
            "https://kasa.io/problems/open-price-out-of-range",
            "The request is not valid",
            422,
            "Line 2: Подарунковий набір is sold at at least 100.00 and at most 5000.00, not 50.00 UAH",
            null,
            Map.of(
                "line", "2",
                "item", "Подарунковий набір",
                "price", "50.00",
                "min", "100.00",
                "max", "5000.00"));
    assertThat(ServiceWords.problem(uk, outside))
        .isEqualTo(
            "Рядок 2: «Подарунковий набір» не можна продати за 50.00, поза межами його ціни"
                + " (100.00 – 5000.00)");
    uk.use(Locale.ENGLISH);
    assertThat(ServiceWords.problem(uk, outside))
        .isEqualTo(
            "Line 2: Подарунковий набір cannot be sold at 50.00, outside its price limits"
                + " (100.00 – 5000.00)");
  }

  @Test
  void aProblemWithoutWordsOfItsOwnIsAPlainSentenceNeverTheServicesEnglish() {
    Problem other =
        new Problem(
            "https://kasa.io/problems/conflict",
            "Conflict",
            409,
            "Line 3 is on another check",
            null);
    assertThat(ServiceWords.problem(uk, other))
        .isEqualTo(uk.get("problem.conflict"))
        .doesNotContain("Line 3");
    Problem broken =
        new Problem("https://kasa.io/problems/internal", "Internal", 500, "boom", null);
    assertThat(ServiceWords.problem(uk, broken)).isEqualTo(uk.get("problem.other"));
  }

  @Test
  void theFloorsRefusalsAreSaidWithWhatTheyAreAbout() {
    Problem all =
        new Problem(
            "https://kasa.io/problems/split-everything",
            "The request is not valid",
            422,
            "Leave at least one item on the check, or move the whole check",
            null,
            Map.of());
    assertThat(ServiceWords.problem(uk, all))
        .isEqualTo("Залиште в рахунку хоча б одну позицію або пересадіть увесь рахунок");
    Problem unknown =
        new Problem(
            "https://kasa.io/problems/item-unknown",
            "The request is not valid",
            422,
            "No item kava",
            null,
            Map.of("item", "kava"));
    assertThat(ServiceWords.problem(uk, unknown)).startsWith("Товару kava немає в каталозі");
  }

  @Test
  void declinesAreSaidByTheirReason() {
    assertThat(ServiceWords.decline(uk, "insufficient funds"))
        .isEqualTo("на картці недостатньо коштів");
    assertThat(ServiceWords.decline(uk, "Do not honour (05)")).isEqualTo("банк відхилив оплату");
  }
}
